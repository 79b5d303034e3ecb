// The TSA URL's rule, apart from timestampHttp.ts (the exchange and its errors): the settings check
// a stored URL at every start.

export const TIMESTAMP_MAX_URL_LENGTH = 2048;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The TSA URL the app may post to: https, or http on this machine only. A stamp is signed, so TLS
 * is not what makes it trustworthy; it keeps the digest and the request private and the answer
 * from being swapped on the way. On loopback the request never leaves the machine, which is where
 * the simulator's test TSA (and a local TSA proxy) listen without a certificate. Credentials in the
 * URL are refused: the app never sends any to a TSA.
 */
export const parseTimestampUrl = (text: string): URL | null => {
  if (text.length === 0 || text.length > TIMESTAMP_MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '') return null;
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url;
  return null;
};
