import type { ConnectionSettings } from './connection/settings';

/**
 * Which links may leave the app for the OS browser. A link the renderer asks to open could come from
 * operator data (an invoice text, a designation) or from a compromised page, so only two sites are
 * reachable: the app's own help site and the site of the back end the clerk configured. Anything
 * else, even https, is refused.
 */

/** The app's help site. */
export const HELP_SITE_HOST = 'help.invoice-desk.example';
export const HELP_SITE_URL = `https://${HELP_SITE_HOST}/`;

/**
 * The hosts links may open on for these settings. Demo mode's back end is the simulator on loopback,
 * which has no site to visit: only the help site then.
 */
export const externalLinkHosts = (settings: ConnectionSettings): readonly string[] => {
  if (settings.mode === 'demo') return [HELP_SITE_HOST];
  try {
    return [HELP_SITE_HOST, new URL(settings.baseUrl).hostname];
  } catch {
    return [HELP_SITE_HOST];
  }
};

/**
 * True for an https URL without credentials whose host is one of `hosts`. The WHATWG parser
 * lower-cases and punycodes the host, so "HELP.invoice-desk.example" matches and a look-alike in
 * another script does not; the port is not part of the site.
 */
export const isAllowedExternalUrl = (url: string, hosts: readonly string[]): boolean => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    hosts.includes(parsed.hostname)
  );
};
