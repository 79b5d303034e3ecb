/**
 * The one Content-Security-Policy of the app, for both ways it runs: the Electron shell serves it on
 * app:// (electron/protocol.ts), and `npm run web` / `vite preview` serve the same built renderer
 * with it in a plain browser (vite.config.ts, scripts/webServer.ts).
 *
 * Everything comes from our own origin: no eval, no remote code, no plugins, no framing, no form
 * posts. Styles allow inline because React and the charts set style attributes.
 */
const APP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

type Directives = { readonly [Name in keyof typeof APP_DIRECTIVES]: readonly string[] };

const serialise = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/** The policy of the Electron shell: the renderer reaches the network only through main (IPC). */
export const CONTENT_SECURITY_POLICY = serialise(APP_DIRECTIVES);

/**
 * The same policy for the browser build, with one necessary difference: there is no main process to
 * forward API calls, so the page itself must reach the back end the clerk configures (any https
 * host) and the demo simulator on loopback. Every other directive is the app's, unchanged.
 */
export const WEB_CONNECT_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*', 'https:'] as const;

export const WEB_CONTENT_SECURITY_POLICY = serialise({
  ...APP_DIRECTIVES,
  'connect-src': [...APP_DIRECTIVES['connect-src'], ...WEB_CONNECT_SOURCES],
});

/** Splits a policy into its directives, for comparing two policies directive by directive. */
export const parseContentSecurityPolicy = (policy: string): Map<string, readonly string[]> =>
  new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== undefined && parts[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  );
