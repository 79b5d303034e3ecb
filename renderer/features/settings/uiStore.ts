import { create } from 'zustand';
import type { Language } from '../../../shared/i18n/languages';
import { loadTheme, saveLanguage, saveTheme, type Theme } from './localSettings';

/** UI state only: data lives in Dexie. */
interface UiState {
  theme: Theme;
  setTheme: (theme: Theme) => void;
  rememberLanguage: (language: Language) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  theme: loadTheme(localStorage),
  setTheme: (theme) => {
    saveTheme(localStorage, theme);
    set({ theme });
  },
  rememberLanguage: (language) => {
    saveLanguage(localStorage, language);
  },
}));
