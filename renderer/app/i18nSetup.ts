import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalogue } from '../../shared/i18n/en';
import { isLanguage, languages, pickLanguage, type Language } from '../../shared/i18n/languages';
import { loadLanguage } from '../features/settings';
import { swissNumbers } from '../ui/useLanguage';

export const initialLanguage = (): Language =>
  loadLanguage(localStorage) ?? pickLanguage(navigator.languages);

// One chunk per language: a start parses only the clerk's catalogue, not all four (each is about
// 55 kB of the entry otherwise). Every catalogue is typed as a whole Catalogue, so no key needs a
// fallback language.
const loaders: Record<Language, () => Promise<Catalogue>> = {
  fr: () => import('../../shared/i18n/fr').then((module) => module.fr),
  de: () => import('../../shared/i18n/de').then((module) => module.de),
  it: () => import('../../shared/i18n/it').then((module) => module.it),
  en: () => import('../../shared/i18n/en').then((module) => module.en),
};

/** The catalogue of `language`; the module system fetches each chunk once, however often asked. */
export const loadCatalogue = (language: Language): Promise<Catalogue> => loaders[language]();

/** Hands i18next a language's catalogue when it first needs it (at start, on a change in Settings). */
const catalogueBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (!isLanguage(language)) {
      callback(new Error(`No catalogue for ${language}`), false);
      return;
    }
    loadCatalogue(language).then(
      (catalogue) => callback(null, catalogue),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const createI18n = async (language: Language): Promise<i18n> => {
  const instance = i18next.createInstance();
  await instance
    .use(catalogueBackend)
    .use(initReactI18next)
    .use(swissNumbers)
    .init({
      lng: language,
      fallbackLng: false,
      supportedLngs: [...languages],
      ns: ['translation'],
      defaultNS: 'translation',
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  document.documentElement.lang = language;
  instance.on('languageChanged', (code) => {
    document.documentElement.lang = code;
  });
  return instance;
};
