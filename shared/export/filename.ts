/**
 * File names for exports: "invoice-desk-lines-2026-11-22.xlsx". The subject often comes from a
 * translated label, so it is reduced to lowercase ASCII letters, digits and hyphens: no path
 * separators, control characters, reserved characters of Windows or trailing dots can reach the
 * save dialog or the browser download.
 */

export type ExportFormat = 'csv' | 'xlsx' | 'zip';

/** The date is the clerk's local calendar day, the one they would write on the file by hand. */
export const exportFileName = (subject: string, at: Date, format: ExportFormat): string => {
  if (Number.isNaN(at.getTime())) throw new RangeError('exportFileName needs a valid date');
  return `${PREFIX}-${slug(subject)}-${localIsoDate(at)}.${format}`;
};

// ---------------------------------------------------------------------------------------------

const PREFIX = 'invoice-desk';
const MAX_SLUG_LENGTH = 40;
const FALLBACK_SLUG = 'export';

/** "Übersicht Kostenstellen" -> "ubersicht-kostenstellen". */
const slug = (text: string): string => {
  const ascii = text
    .normalize('NFKD')
    // Combining marks left by NFKD: "é" becomes "e" rather than a hyphen.
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const trimmed = ascii.slice(0, MAX_SLUG_LENGTH).replace(/^-+|-+$/g, '');
  return trimmed === '' ? FALLBACK_SLUG : trimmed;
};

const pad = (value: number): string => String(value).padStart(2, '0');

const localIsoDate = (at: Date): string =>
  `${String(at.getFullYear()).padStart(4, '0')}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
