import { initialLanguage, loadCatalogue } from './i18nSetup';
import { parseHash, preloadPage } from './router/routes';

// Imported by main.tsx before the shell: the page this start opens, and the clerk's catalogue, are
// requested while the shell's own code still runs, not after it.
void preloadPage(parseHash(window.location.hash));
void loadCatalogue(initialLanguage());
