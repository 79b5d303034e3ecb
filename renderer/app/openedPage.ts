import { initialLanguage, loadCatalogue } from './i18nSetup';
import { parseHash, preloadPage } from './router/routes';
import { preloadPlatform } from '../platform';

// Imported by main.tsx before the shell: the page this start opens, the clerk's catalogue and the
// platform's implementation are requested while the shell's own code still runs, not after it.
void preloadPage(parseHash(window.location.hash));
// A failed load is the start's to report (startFailure.ts).
loadCatalogue(initialLanguage()).catch(() => undefined);
preloadPlatform();
