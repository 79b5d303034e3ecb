import { MAX_MONEY_CENTIMES } from '../core/money';

/**
 * Cell values as clerks write them, turned into the contract's forms: budgets into decimal strings
 * with two decimals (by string arithmetic, never through a float), dates into ISO dates. Each parser
 * returns undefined for a value it cannot take; the caller turns that into a row error.
 */

// Spaces of every kind (space, NBSP, narrow NBSP, thin space) and apostrophes (' ’ ʼ) group digits.
const GROUPING = /[\s\u00A0\u202F\u2009'\u2019\u02BC]/g;
const CURRENCY = /^(?:chf|fr\.?|sfr\.?)\s*|\s*(?:chf|fr\.?|sfr\.?)$/i;
const PLAIN = /^(\d+)(?:[.,](\d*))?$/;
const GROUPED_DOT = /^\d{1,3}(?:\.\d{3})+$/;
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+$/;
// Two or more separators of one kind are thousands for sure: "1.250.000", "1,250,000".
const MULTI_GROUPED = /^\d{1,3}(?:(?:\.\d{3}){2,}|(?:,\d{3}){2,})$/;
const SEPARATORS = /[.,]/g;
const FRACTION = /^\d{0,2}$/;
const ZERO = /^0+\.00$/;
const LEADING_ZEROS = /^0+(?=\d)/;

const fromParts = (negative: boolean, whole: string, fraction: string): string | undefined => {
  if (fraction.length > 2) return undefined;
  const digits = whole.replace(LEADING_ZEROS, '');
  if (digits.length > 12) return undefined;
  const text = `${digits}.${fraction.padEnd(2, '0')}`;
  // "-0.00" is no amount; the contract's pattern allows it, the clerk never meant it.
  return negative && ZERO.test(text) ? text : `${negative ? '-' : ''}${text}`;
};

/**
 * A budget written as text: 1'250.00, 1’250.00, 1 250,50, 1.250,50, 1,250.50, 1'250'000, 1.250.000,
 * 1250, -50, CHF 80. A single separator before three digits ("1.250", "1,250") is refused: it is
 * 1250 to a German or English writer and 1.25 to a Swiss or French one, and a budget is not guessed.
 */
export const parseBudgetText = (input: string): string | undefined => {
  let text = input.trim().replace(CURRENCY, '').replace(GROUPING, '');
  if (text === '') return undefined;
  let negative = false;
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = true;
    text = text.slice(1);
  }
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const group = lastDot > lastComma ? ',' : '.';
    const whole = text.slice(0, decimalAt);
    const fraction = text.slice(decimalAt + 1);
    if (!(group === '.' ? GROUPED_DOT : GROUPED_COMMA).test(whole) || !FRACTION.test(fraction)) {
      return undefined;
    }
    return fromParts(negative, whole.split(group).join(''), fraction);
  }
  if (MULTI_GROUPED.test(text)) return fromParts(negative, text.replace(SEPARATORS, ''), '');
  const plain = PLAIN.exec(text);
  if (plain === null) return undefined;
  return fromParts(negative, plain[1] ?? '', plain[2] ?? '');
};

/**
 * A budget in a number cell. The stored double is printed with 15 significant digits, the most a
 * double holds exactly in decimal, which removes binary noise (1250.1 stays "1250.1", not
 * 1250.09999...), and then read as text: more than two decimals is still an error.
 */
export const parseBudgetNumber = (value: number): string | undefined => {
  if (!Number.isFinite(value)) return undefined;
  if (Math.abs(value) * 100 > MAX_MONEY_CENTIMES) return undefined;
  const text = Number(value.toPrecision(15)).toString();
  if (text.includes('e')) return value === 0 ? '0.00' : undefined;
  return parseBudgetText(text);
};

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const isoDate = (year: number, month: number, day: number): string | undefined => {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const SWISS = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/;
const SAP = /^(\d{4})(\d{2})(\d{2})$/;

/** "2026-11-30", "30.11.2026", "30/11/2026", "1.2.26", SAP's "20261130". Two-digit years below 70 are 20xx. */
export const parseDateText = (input: string): string | undefined => {
  const text = input.trim();
  let match = ISO.exec(text);
  if (match !== null) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = SWISS.exec(text);
  if (match !== null) {
    const yearText = match[3] ?? '';
    let year = Number(yearText);
    if (yearText.length === 2) year += year < 70 ? 2000 : 1900;
    return isoDate(year, Number(match[2]), Number(match[1]));
  }
  match = SAP.exec(text);
  if (match !== null) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return undefined;
};

/** SAP's "valid to" for "no end": 31.12.9999. */
export const NO_END = '9999-12-31';
