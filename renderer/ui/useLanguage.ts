import type { FormatterModule } from 'i18next';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { formatNumber } from '../../shared/core/format';
import { isLanguage, languages, type Language } from '../../shared/i18n/languages';

/**
 * The Swiss form numbers and dates are written in: 'auto' follows the app's language, otherwise the
 * clerk's choice (named by its language: 'it' is it-CH). A device setting, kept like the theme.
 */
export const formatChoices = ['auto', ...languages] as const;
export type FormatChoice = (typeof formatChoices)[number];

const FORMAT_KEY = 'invoice-desk.format';

export const loadFormatChoice = (storage: Storage): FormatChoice => {
  const value = storage.getItem(FORMAT_KEY);
  return isLanguage(value) ? value : 'auto';
};

export const saveFormatChoice = (storage: Storage, choice: FormatChoice): void => {
  storage.setItem(FORMAT_KEY, choice);
};

interface FormatState {
  choice: FormatChoice;
  setChoice: (choice: FormatChoice) => void;
}

export const useFormatChoice = create<FormatState>()((set) => ({
  // Unit tests import this module under Node, which has no localStorage.
  choice: typeof localStorage === 'undefined' ? 'auto' : loadFormatChoice(localStorage),
  setChoice: (choice) => {
    saveFormatChoice(localStorage, choice);
    set({ choice });
  },
}));

/** The form for an app language, outside React (the i18next formatter). */
export const formatLanguageFor = (appLanguage: string | undefined, choice: FormatChoice): Language =>
  choice !== 'auto' ? choice : isLanguage(appLanguage) ? appLanguage : 'en';

/**
 * The language whose Swiss form the formatters of shared/core/format.ts take: the clerk's format
 * choice, else the app's language. Re-renders when either changes.
 */
export const useLanguage = (): Language => {
  const { i18n } = useTranslation();
  const choice = useFormatChoice((state) => state.choice);
  return formatLanguageFor(i18n.language, choice);
};

// i18next types a formatter's result as a string, yet its interpolator takes any value back and
// needs undefined unchanged to report a missing variable; other values must pass untouched.
const unchanged = (value: unknown): string => value as string;

/**
 * Every number put into a catalogue string ("{{count}} lines") is written in the same Swiss form as
 * the rest of the screen, so no call site can forget it. With `interpolation.alwaysFormat`, i18next
 * hands every value here; only numbers are changed. Identifiers (years, invoice numbers) are passed
 * as strings and stay as they are.
 */
export const swissNumbers: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format, lng) =>
    typeof value === 'number'
      ? formatNumber(value, formatLanguageFor(lng, useFormatChoice.getState().choice))
      : unchanged(value),
};
