import { formattingLocale, type Language } from '../i18n/languages';
import { formatMoney, type Centimes } from './money';

/**
 * Locale formatting for amounts and dates. Amounts go to Intl as exact decimal strings, never as
 * floats, so what the clerk reads is the centime the operator billed.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

const numberFormat = (language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!(format instanceof Intl.NumberFormat)) {
    format = new Intl.NumberFormat(formattingLocale[language], options);
    cache.set(key, format);
  }
  return format;
};

const dateFormat = (language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!(format instanceof Intl.DateTimeFormat)) {
    format = new Intl.DateTimeFormat(formattingLocale[language], options);
    cache.set(key, format);
  }
  return format;
};

type Decimal = `${number}`;
const asDecimal = (text: string): Decimal => text as Decimal;

/** "CHF 1’234.50" (de-CH), "1 234,50 CHF" (fr-CH) ... */
export const formatChf = (centimes: Centimes, language: Language): string =>
  numberFormat(language, {
    style: 'currency',
    currency: 'CHF',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(asDecimal(formatMoney(centimes)));

/** An amount without the currency, for table columns whose header names it. */
export const formatAmount = (centimes: Centimes, language: Language): string =>
  numberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    asDecimal(formatMoney(centimes)),
  );

export const formatInteger = (value: number, language: Language): string =>
  numberFormat(language, { maximumFractionDigits: 0 }).format(value);

/** An ISO calendar date ("2026-03-31") in the locale's short form, without time-zone drift. */
export const formatDate = (iso: string, language: Language): string =>
  dateFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );

/** A calendar month ("2026-03") as the locale names it: "März 2026", "mars 2026". */
export const formatMonth = (isoMonth: string, language: Language): string =>
  dateFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoMonth.slice(0, 7)}-01T00:00:00Z`),
  );

/** An instant in the clerk's own time zone. */
export const formatDateTime = (instant: string | Date, language: Language): string =>
  dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  );

/** "3 min", "45 s": a coarse duration for progress estimates. */
export const formatDuration = (seconds: number, language: Language): string => {
  const [value, unit] =
    seconds >= 3600
      ? [seconds / 3600, 'hour']
      : seconds >= 60
        ? [seconds / 60, 'minute']
        : [seconds, 'second'];
  return numberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  }).format(Math.ceil(value));
};

/** "12.4 MB": a size on disk, in the locale's digits (decimal units, as the OS file managers show). */
export const formatBytes = (bytes: number, language: Language): string => {
  const [value, unit] =
    bytes >= 1e9
      ? [bytes / 1e9, 'gigabyte']
      : bytes >= 1e6
        ? [bytes / 1e6, 'megabyte']
        : [bytes / 1e3, 'kilobyte'];
  return numberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
};
