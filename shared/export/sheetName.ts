/**
 * Worksheet names as Excel accepts them. Excel refuses the whole file (or SheetJS refuses to write
 * it) when a name is empty, longer than 31 characters, contains [ ] : * ? / \, starts or ends with
 * an apostrophe, or is "History" (reserved for change tracking). Names come from translated labels
 * and filters ("Lines 2026/03"), so they are repaired rather than rejected.
 */

export const MAX_SHEET_NAME_LENGTH = 31;

/** "Lines 2026/03" -> "Lines 2026-03"; empty or unusable -> `fallback`. */
export const sanitizeSheetName = (name: string, fallback = 'Export'): string => {
  const cleaned = trimEnds(truncate(trimEnds(name.replace(CONTROL, '').replace(FORBIDDEN, '-'))));
  if (cleaned === '') return fallback;
  return cleaned.toLowerCase() === 'history' ? `${cleaned} 1` : cleaned;
};

// ---------------------------------------------------------------------------------------------

const CONTROL = /\p{Cc}/gu;
const FORBIDDEN = /[[\]:*?/\\]/g;
// White space and apostrophes at either end: Excel rejects the apostrophes, and spaces look like typos.
const ENDS = /^[\s']+|[\s']+$/g;

const trimEnds = (text: string): string => text.replace(ENDS, '');

/** At most 31 UTF-16 units (Excel's count), never splitting a surrogate pair. */
const truncate = (text: string): string => {
  if (text.length <= MAX_SHEET_NAME_LENGTH) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > MAX_SHEET_NAME_LENGTH) break;
    kept += char;
  }
  return kept;
};
