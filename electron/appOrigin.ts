/**
 * The app is served from this custom origin, forever: IndexedDB, localStorage and the CSP are
 * per origin, so changing it would orphan every clerk's local archive.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'invoice-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const isAppUrl = (url: string): boolean => {
  try {
    // WHATWG URL gives custom schemes an opaque "null" origin, so compare scheme and host instead.
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
};

/** Strict CSP for the packaged app; defined once, in shared/, for the browser build too. */
export { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';
