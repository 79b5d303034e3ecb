import { de } from './de';
import { en, type Catalogue } from './en';
import { fr } from './fr';
import { it } from './it';
import type { Language } from './languages';

/**
 * Every catalogue at once, for the main process and the tests. The renderer never imports this
 * module: it loads only the clerk's language, as a chunk of its own (renderer/app/i18nSetup.ts).
 */
export const catalogues: Record<Language, Catalogue> = { fr, de, it, en };
