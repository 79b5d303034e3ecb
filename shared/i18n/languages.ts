export const languages = ['fr', 'de', 'it', 'en'] as const;
export type Language = (typeof languages)[number];

/** Amounts and dates are Swiss: the locale pairs each language with Switzerland, English stays neutral. */
export const formattingLocale: Record<Language, string> = {
  fr: 'fr-CH',
  de: 'de-CH',
  it: 'it-CH',
  en: 'en-CH',
};

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/** Picks the first supported language from the OS/browser preferences ("de-CH" -> de), English otherwise. */
export const pickLanguage = (preferred: readonly string[]): Language => {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
};
