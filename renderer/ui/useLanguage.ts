import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../shared/i18n/languages';

/** The UI language as a typed value, for the formatters. */
export const useLanguage = (): Language => {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
};
