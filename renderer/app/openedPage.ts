import { parseHash, preloadPage } from './router/routes';

// Imported by main.tsx before the shell: the page this start opens is requested while the shell's
// own code still runs, not after it.
void preloadPage(parseHash(window.location.hash));
