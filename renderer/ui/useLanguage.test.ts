import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogues } from '../../shared/i18n/catalogues';
import { languages } from '../../shared/i18n/languages';
import {
  formatLanguageFor,
  loadFormatChoice,
  saveFormatChoice,
  swissNumbers,
  useFormatChoice,
} from './useLanguage';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'");

// The options renderer/app/i18nSetup.ts gives i18next, with the real catalogues.
const translator = async (lng: string) => {
  const instance = i18next.createInstance();
  await instance.use(swissNumbers).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    resources: Object.fromEntries(languages.map((code) => [code, { translation: catalogues[code] }])),
    interpolation: { escapeValue: false, alwaysFormat: true },
  });
  return instance.t;
};

const memoryStorage = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
};

afterEach(() => {
  useFormatChoice.setState({ choice: 'auto' });
});

describe('counts in sentences', () => {
  it('are grouped in the Swiss form of the app language', async () => {
    expect(plain((await translator('de'))('lines.count', { count: 21058 }))).toBe("21'058 Positionen");
    expect(plain((await translator('it'))('invoices.count', { count: 5761 }))).toBe("5'761 fatture");
    expect(plain((await translator('fr'))('lines.count', { count: 21058 }))).toBe('21 058 postes');
    expect(plain((await translator('en'))('lines.count', { count: 1 }))).toBe('1 line');
  });

  it('follow the clerk’s format choice over the app language', async () => {
    useFormatChoice.setState({ choice: 'fr' });
    expect(plain((await translator('de'))('lines.count', { count: 21058 }))).toBe('21 058 Positionen');
  });

  it('leave text values, such as invoice numbers, untouched', async () => {
    const t = await translator('de');
    expect(t('invoice.title', { number: '1000012345' })).toBe('Rechnung 1000012345');
  });
});

describe('the format choice', () => {
  it('follows the app language until the clerk picks a form', () => {
    expect(formatLanguageFor('it', 'auto')).toBe('it');
    expect(formatLanguageFor('xx', 'auto')).toBe('en');
    expect(formatLanguageFor('it', 'de')).toBe('de');
  });

  it('is remembered on the device', () => {
    const storage = memoryStorage();
    expect(loadFormatChoice(storage)).toBe('auto');
    saveFormatChoice(storage, 'fr');
    expect(loadFormatChoice(storage)).toBe('fr');
    storage.setItem('invoice-desk.format', 'es');
    expect(loadFormatChoice(storage)).toBe('auto');
  });
});
