import { formattingLocale, type Language } from '../i18n/languages';

// Two forms shared/core/format.ts does not have yet: a share and a month. Both take the Swiss
// locale of the language, never the bare language (a bare "de" writes "50,3 %").

/** A ratio (0.503) as the locale writes a percentage: "50.3 %" (de-CH), "50,3 %" (fr-CH). Not money. */
export const formatShare = (fraction: number, language: Language, fractionDigits = 1): string =>
  new Intl.NumberFormat(formattingLocale[language], {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(fraction);

/** "2026-03" as "March 2026" / "März 2026" / "mars 2026" / "marzo 2026". */
export const formatMonth = (month: string, language: Language): string =>
  new Intl.DateTimeFormat(formattingLocale[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
