// Before any schema is used: see shared/zodConfig.ts. A chunk's static imports run before its own
// code, and the pages share chunks with the shell: only a dynamic import puts the rest after this.
import '../../shared/zodConfig';

void import('./start').then((module) => module.default());
