import { formattingLocale, type Language } from '../i18n/languages';
import { formatMoney, type Centimes } from './money';

/**
 * Every number and date the clerk reads goes through here, in one of the four Swiss forms (de-CH,
 * fr-CH, it-CH, en-CH). A form is named by its language ('de' is de-CH): by default the app's
 * language, or the clerk's choice in Settings. Amounts go to Intl as exact decimal strings, never as
 * floats, so what the clerk reads is the centime the operator billed.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

const numberFormat = (language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!(format instanceof Intl.NumberFormat)) {
    // CLDR leaves four-digit numbers ungrouped in Italian ("5761.10" beside "19'230.25"); a column
    // of amounts must group alike, so every form groups always.
    format = new Intl.NumberFormat(formattingLocale[language], { useGrouping: 'always', ...options });
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

/**
 * Per language, for the formatters a table calls for every cell: the general cache's key (the options
 * as JSON) costs more than the formatting itself there.
 */
const perLanguage = <T>(make: (language: Language) => T): ((language: Language) => T) => {
  const made = new Map<Language, T>();
  return (language) => {
    let value = made.get(language);
    if (value === undefined) {
      value = make(language);
      made.set(language, value);
    }
    return value;
  };
};

const chfFormat = perLanguage((language) =>
  numberFormat(language, {
    style: 'currency',
    currency: 'CHF',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }),
);

/** The form's own minus sign, put before the whole amount. */
const minusSign = perLanguage(
  (language): string =>
    numberFormat(language, {})
      .formatToParts(-1)
      .find((part) => part.type === 'minusSign')?.value ?? '-',
);

const signed = (centimes: Centimes, language: Language, magnitude: string): string =>
  centimes < 0 ? `${minusSign(language)}${magnitude}` : magnitude;

const chfParts = (centimes: Centimes, language: Language): Intl.NumberFormatPart[] =>
  chfFormat(language).formatToParts(asDecimal(formatMoney(Math.abs(centimes))));

/**
 * "CHF 1’234.50" (de-CH), "1 234.50 CHF" (fr-CH). A negative amount carries its sign in front of
 * the whole amount ("-CHF 377.29", "-377.29 CHF"): CLDR's "CHF-377.29" reads like a hyphenated code.
 */
export const formatChf = (centimes: Centimes, language: Language): string =>
  signed(
    centimes,
    language,
    chfParts(centimes, language)
      .map((part) => part.value)
      .join(''),
  );

/**
 * An amount without the currency, for table columns whose header names it. It is the currency form
 * without its symbol, so a column reads like its total (fr-CH writes CHF amounts with a point but
 * other numbers with a comma).
 */
export const formatAmount = (centimes: Centimes, language: Language): string =>
  signed(
    centimes,
    language,
    chfParts(centimes, language)
      .filter((part) => part.type !== 'currency' && !(part.type === 'literal' && part.value.trim() === ''))
      .map((part) => part.value)
      .join(''),
  );

/** A count: "21’058". */
export const formatInteger = (value: number, language: Language): string =>
  numberFormat(language, { maximumFractionDigits: 0 }).format(value);

/** Any other number put into a sentence: grouped, at most two decimals. */
export const formatNumber = (value: number, language: Language): string =>
  numberFormat(language, { maximumFractionDigits: 2 }).format(value);

/** A measure in a column (kilograms): always as many decimals, so the column's figures align. */
export const formatFixed = (value: number, language: Language, fractionDigits: number): string =>
  numberFormat(language, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);

/**
 * A share given as a ratio (0.503 is "50.3%" in de-CH, "50,3 %" in fr-CH). With `fractionDigits`
 * every figure of a column keeps as many decimals (a VAT rate of 0 reads "0.0%" beside "8.1%").
 */
export const formatPercent = (ratio: number, language: Language, fractionDigits?: number): string =>
  numberFormat(
    language,
    fractionDigits === undefined
      ? { style: 'percent', maximumFractionDigits: 1 }
      : { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
  ).format(ratio);

/** A chart axis tick in francs, short ("600’000", "1.2 Mio."); the exact amounts are elsewhere. */
export const formatCompactFrancs = (centimes: Centimes, language: Language): string =>
  numberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(
    asDecimal(formatMoney(Math.round(centimes))),
  );

const calendarDay = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** An ISO calendar date ("2026-03-31") as the Swiss write it ("31.03.2026"), without time-zone drift. */
export const formatDate = (iso: string, language: Language): string =>
  dateFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    calendarDay(iso),
  );

/**
 * A calendar month ("2026-03"): short for chart axes ("Mar 26", "März 26"), long where it stands
 * alone ("March 2026"), since "Mar 26" alone reads like a day.
 */
const shortMonthFormat = perLanguage((language) =>
  dateFormat(language, { month: 'short', year: '2-digit', timeZone: 'UTC' }),
);
const longMonthFormat = perLanguage((language) =>
  dateFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
);

export const formatMonth = (month: string, language: Language, length: 'short' | 'long' = 'short'): string =>
  (length === 'short' ? shortMonthFormat : longMonthFormat)(language).format(
    calendarDay(`${month.slice(0, 7)}-01`),
  );

/** An instant in the clerk's own time zone ("31.03.2026, 14:05"). */
export const formatDateTime = (instant: string | Date, language: Language): string =>
  dateFormat(language, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(typeof instant === 'string' ? new Date(instant) : instant);

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

/**
 * A payment reference grouped as the payment slip prints it: a 27-digit QR reference in blocks of
 * five from the right ("21 00000 00003 13947 14300 09017"), a creditor reference (RF) in blocks of
 * four from the left. Anything else is shown as it came.
 */
export const formatQrReference = (reference: string): string => {
  const compact = reference.replace(/\s+/g, '');
  if (/^\d{27}$/.test(compact)) {
    const head = compact.slice(0, 2);
    const blocks = compact.slice(2).match(/\d{5}/g) ?? [];
    return [head, ...blocks].join(' ');
  }
  if (/^RF\d{2}[0-9A-Za-z]{1,21}$/.test(compact)) return (compact.match(/.{1,4}/g) ?? []).join(' ');
  return reference;
};
