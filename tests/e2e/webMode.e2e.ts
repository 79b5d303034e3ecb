import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, startWebServer, type WebServer } from '../../scripts/webServer';
import { WEB_CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import { startSimulator, type RunningSimulator } from '../../simulator/standalone';
import { connectAndSync, simStats } from './appHarness';
import { launchChromium } from './browser';

// What `npm run web` serves (scripts/web.ts): the built renderer under the app's CSP. The app must
// work under it in a real browser: no violation, from loading to a full sync against a back end.
let outDir: string;
let sim: RunningSimulator;
let web: WebServer;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'invoice-desk-web-mode-'));
  sim = await startSimulator({ port: 0, control: true, seed: 1, now: '2026-11-22' });
  // The build knows no back end: the server tells the page the simulator's address at run time.
  await buildRenderer({ outDir, logLevel: 'silent' });
  web = await startWebServer({ port: 0, outDir, logLevel: 'silent', demoApiUrl: sim.url });
});

afterAll(async () => {
  await Promise.all([web.close(), sim.close()]);
  rmSync(outDir, { recursive: true, force: true });
});

describe('npm run web in Chromium', () => {
  it('on a fresh port, loads at the first attempt and finds the demo back end given at run time', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      // Whatever the page or its workers load from the web server must come at the first try (no 504).
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.url().startsWith(web.url) && response.status() >= 400)
          failed.push(`${response.status()} ${response.url()}`);
      });
      expect((await page.goto(web.url))?.status()).toBe(200);
      const stats = await simStats(sim.url);
      // A new profile starts on the demo back end: the simulator at the address the server wrote.
      await page.waitForFunction(
        (expected) =>
          document.querySelector('[data-testid="invoice-count"]')?.textContent === `${expected} invoices`,
        stats.invoices,
        { timeout: 60_000 },
      );
      const config = await fetch(new URL('web-config.json', web.url));
      expect(await config.json()).toEqual({ demoApiUrl: sim.url });
      expect(failed).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('loads, syncs and shows every page under the app’s Content-Security-Policy without a violation', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
      await context.addInitScript(() => {
        const seen: string[] = [];
        Object.defineProperty(window, '__cspViolations', { value: seen });
        document.addEventListener('securitypolicyviolation', (event) => {
          seen.push(
            `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
          );
        });
      });
      const page = await context.newPage();
      const response = await page.goto(web.url);
      expect(response?.headers()['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
      const stats = await simStats(sim.url);
      await connectAndSync(page, web.url, sim.url, stats.invoices);
      for (const route of [
        'overview',
        'invoices',
        'lines',
        'names',
        'cost-centres',
        'analytics',
        'settings',
      ]) {
        await page.goto(`${web.url}#/${route}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
      }
      const violations = await page.evaluate((): unknown => Reflect.get(window, '__cspViolations'));
      expect(violations).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  }, 180_000);
});
