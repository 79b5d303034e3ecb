import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, languages, pickLanguage, type Language } from '../../shared/i18n/languages';
import { loadLanguage } from '../features/settings';
import { swissNumbers } from '../ui/useLanguage';

export const initialLanguage = (): Language =>
  loadLanguage(localStorage) ?? pickLanguage(navigator.languages);

export const createI18n = async (language: Language): Promise<i18n> => {
  const instance = i18next.createInstance();
  await instance
    .use(initReactI18next)
    .use(swissNumbers)
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...languages],
      resources: Object.fromEntries(languages.map((code) => [code, { translation: catalogues[code] }])),
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  document.documentElement.lang = language;
  instance.on('languageChanged', (code) => {
    document.documentElement.lang = code;
  });
  return instance;
};
