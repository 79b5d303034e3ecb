import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';
import { languages, pickLanguage } from './languages';

type Tree = { [key: string]: string | Tree };

const leaves = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();

describe('i18n catalogues', () => {
  const reference = new Map(leaves(catalogues.en));

  it.each(languages)(
    '%s has exactly the keys of English, each non-empty, with the same placeholders',
    (language) => {
      const entries = new Map(leaves(catalogues[language]));
      expect([...entries.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of entries) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(reference.get(key) ?? ''));
      }
    },
  );

  it('German, French and Italian are really translated, not English copies', () => {
    for (const language of ['de', 'fr', 'it'] as const) {
      expect(catalogues[language].nav.invoices).not.toBe(catalogues.en.nav.invoices);
      expect(catalogues[language].pages.settings.title).not.toBe(catalogues.en.pages.settings.title);
    }
  });
});

describe('pickLanguage', () => {
  it('takes the first supported base language', () => {
    expect(pickLanguage(['de-CH', 'en-US'])).toBe('de');
    expect(pickLanguage(['es-ES', 'it_CH'])).toBe('it');
    expect(pickLanguage(['FR'])).toBe('fr');
  });
  it('falls back to English', () => {
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage(['ja-JP'])).toBe('en');
  });
});
