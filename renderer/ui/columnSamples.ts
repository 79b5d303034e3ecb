import { formatAmount, formatDate } from '../../shared/core/format';
import type { Language } from '../../shared/i18n/languages';

/**
 * Texts as wide as a column's widest content, for VirtualTable to measure in the font the clerk
 * sees, so dates and amounts are never cut whatever the language or font.
 */
const months = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, '0'));

/** The 28th of every month: the widest day number with every month name. */
export const dateSamples = (language: Language): string[] =>
  months.map((month) => formatDate(`2026-${month}-28`, language));

export const periodSamples = (
  language: Language,
  separator: (from: string, to: string) => string,
): string[] =>
  months.map((month) =>
    separator(formatDate(`2026-${month}-28`, language), formatDate(`2026-${month}-28`, language)),
  );

/** Negative amounts up to `digits` digits before the decimal point. */
export const amountSamples = (language: Language, digits: number): string[] => [
  formatAmount(-(10 ** (digits + 2) - 1), language),
  formatAmount(10 ** (digits + 2) - 1, language),
];
