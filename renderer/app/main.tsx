// Before any schema is used: see shared/zodConfig.ts. A chunk's static imports run before its own
// code, and the pages share chunks with the shell: only a dynamic import puts the rest after this.
import '../../shared/zodConfig';

// The page this start opens is fetched beside the shell, not after the shell's code has run.
void import('./router/routes').then(({ parseHash, preloadPage }) =>
  preloadPage(parseHash(window.location.hash)),
);
void import('./start').then((module) => module.default());
