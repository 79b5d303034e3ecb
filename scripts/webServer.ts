import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

/**
 * `npm run web` serves the built renderer, not vite's dev server: the dev server injects an inline
 * script (React Fast Refresh's preamble) that the app's CSP (`script-src 'self'`) forbids, and the
 * point of browser mode is to run under that very policy. vite.config.ts gives the preview server
 * the policy from shared/contentSecurityPolicy.ts, the one Electron's app:// protocol sends too.
 */

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configFile = path.join(repositoryRoot, 'vite.config.ts');

export interface WebServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The built renderer to serve; default dist/renderer (what vite.config.ts builds). */
  readonly outDir?: string;
  readonly logLevel?: 'info' | 'silent';
  /**
   * The demo back end's address, written beside index.html for the page to read at start
   * (renderer/platform/webConfig.ts): the build itself does not depend on it, so a new port never
   * means a new build, and the first load finds everything in place.
   */
  readonly demoApiUrl?: string;
}

const defaultOutDir = path.join(repositoryRoot, 'dist', 'renderer');

/** Builds the renderer, the same bundle whatever back end it is served with. */
export const buildRenderer = async (
  options: Pick<WebServerOptions, 'outDir' | 'logLevel'> = {},
): Promise<void> => {
  await build({
    configFile,
    logLevel: options.logLevel ?? 'info',
    ...(options.outDir === undefined ? {} : { build: { outDir: options.outDir, emptyOutDir: true } }),
  });
};

/** Serves a built renderer on loopback under the app's Content-Security-Policy. */
export const startWebServer = async (options: WebServerOptions): Promise<WebServer> => {
  if (options.demoApiUrl !== undefined) {
    writeFileSync(
      path.join(options.outDir ?? defaultOutDir, 'web-config.json'),
      `${JSON.stringify({ demoApiUrl: options.demoApiUrl })}\n`,
    );
  }
  const server = await preview({
    configFile,
    logLevel: options.logLevel ?? 'info',
    ...(options.outDir === undefined ? {} : { build: { outDir: options.outDir } }),
    preview: { port: options.port, host: '127.0.0.1', strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) {
    await server.close();
    throw new Error('vite preview did not report a URL');
  }
  return { url, close: () => server.close() };
};
