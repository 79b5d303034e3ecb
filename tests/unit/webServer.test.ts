import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../scripts/webServer';
import { CONTENT_SECURITY_POLICY } from '../../electron/appOrigin';
import {
  parseContentSecurityPolicy,
  WEB_CONNECT_SOURCES,
  WEB_CONTENT_SECURITY_POLICY,
} from '../../shared/contentSecurityPolicy';

/** The app's policy and a served one agree on every directive but connect-src, which only widens. */
const expectSamePolicyAsTheApp = (served: string | null) => {
  expect(served).toBe(WEB_CONTENT_SECURITY_POLICY);
  const app = parseContentSecurityPolicy(CONTENT_SECURITY_POLICY);
  const web = parseContentSecurityPolicy(served ?? '');
  expect([...web.keys()]).toEqual([...app.keys()]);
  for (const [name, sources] of app) {
    if (name === 'connect-src') expect(web.get(name)).toEqual([...sources, ...WEB_CONNECT_SOURCES]);
    else expect(web.get(name), name).toEqual(sources);
  }
};

describe('the browser-mode web server', () => {
  let root: string;
  let server: WebServer;

  beforeAll(async () => {
    // A stand-in for the built renderer: the header is the server's, whatever it serves.
    root = mkdtempSync(path.join(tmpdir(), 'invoice-desk-web-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Invoice Desk</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'export {};');
    server = await startWebServer({ port: 0, outDir: root, logLevel: 'silent' });
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['', 'index.html', 'assets/app.js', 'no/such/page'])(
    'sends the app’s Content-Security-Policy with /%s',
    async (route) => {
      const response = await fetch(new URL(route, server.url));
      await response.arrayBuffer();
      expectSamePolicyAsTheApp(response.headers.get('content-security-policy'));
    },
  );

  it('lets the browser keep the hashed build files for good, and revalidate the page that names them', async () => {
    const asset = await fetch(new URL('assets/app.js', server.url));
    await asset.arrayBuffer();
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const route of ['', 'index.html']) {
      const page = await fetch(new URL(route, server.url));
      await page.arrayBuffer();
      expect(page.headers.get('cache-control'), route).toBe('no-cache');
    }
    // A missing asset is not cached for good under a name a later build may fill.
    const missing = await fetch(new URL('assets/gone.js', server.url));
    await missing.arrayBuffer();
    expect(missing.headers.get('cache-control')).not.toContain('immutable');
  });
});

describe('npm run web', () => {
  it('builds the renderer and serves it under the app’s Content-Security-Policy', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'invoice-desk-web-build-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts'], {
      env: { ...process.env, PORT: '0', SIMULATOR_PORT: '0', WEB_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /browser mode\) at (\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
        child.on('exit', (code) => {
          reject(new Error(`npm run web exited with ${code}: ${output}`));
        });
      });
      const response = await fetch(url);
      const html = await response.text();
      expect(html).toContain('<div id="root">');
      expectSamePolicyAsTheApp(response.headers.get('content-security-policy'));
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
