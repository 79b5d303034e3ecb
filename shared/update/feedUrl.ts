/**
 * The update feed's address: the build's (`INVOICE_DESK_UPDATE_URL`, fixed when main is bundled) or
 * the one an IT department sets in Settings, which wins while it is set.
 */

export const FEED_URL_MAX_LENGTH = 2048;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type FeedUrlProblem = 'invalid' | 'insecure';

export type FeedUrlCheck =
  | { readonly ok: true; readonly url: string | null }
  | { readonly ok: false; readonly problem: FeedUrlProblem };

/**
 * Checks what the clerk typed: empty means "use the build's feed" (null); otherwise an https URL, or
 * http on this machine only (a test feed). Credentials, a query or a fragment are refused: the
 * generic provider appends file names to the path, and nothing secret belongs in a setting.
 */
export const checkFeedUrl = (text: string): FeedUrlCheck => {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, url: null };
  if (trimmed.length > FEED_URL_MAX_LENGTH) return { ok: false, problem: 'invalid' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    return { ok: false, problem: 'invalid' };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(url.hostname)
      ? { ok: true, url: url.href }
      : { ok: false, problem: 'insecure' };
  }
  return { ok: false, problem: 'invalid' };
};

/** The feed in use: the override when set, else the build's when it is a valid feed URL, else none. */
export const effectiveFeedUrl = (override: string | null, buildTime: string): string | null => {
  if (override !== null) return override;
  const built = checkFeedUrl(buildTime);
  return built.ok ? built.url : null;
};
