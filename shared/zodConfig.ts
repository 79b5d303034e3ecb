import { z } from 'zod';

/**
 * Imported first by every renderer entry (the page and its workers). Zod compiles object parsers
 * with `new Function` where it may, and finds out by trying once; under the app's CSP, which has no
 * 'unsafe-eval', that try is refused and reported as a policy violation on every start. Zod then
 * parses without compiling anyway, so telling it up front changes nothing but the violation.
 */
z.config({ jitless: true });
