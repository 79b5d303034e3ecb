import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/standalone';
import { DEMO_BACKEND_ABSENT } from './appHarness';
import { allowPageProblems, launchChromium } from './browser';
import { startWebServer } from './webServer';

let browser: Browser;
let web: Awaited<ReturnType<typeof startWebServer>>;
let sim: RunningSimulator;
let noCostCenters: RunningSimulator;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [web, sim, noCostCenters, browser] = await Promise.all([
    startWebServer(),
    startSimulator({ port: 0, control: true, seed: 1, now: '2026-11-22' }),
    startSimulator({ port: 0, seed: 2, now: '2026-11-22', costCenterOption: false }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser.close();
  await Promise.all([web.close(), sim.close(), noCostCenters.close()]);
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

const fillConnection = async (baseUrl: string, clientId: string, secret: string) => {
  await page.getByRole('radio', { name: 'The operator’s billing API' }).check();
  await page.getByLabel('API base URL').fill(baseUrl);
  await page.getByLabel('Client ID').fill(clientId);
  await page.getByLabel('Client secret').fill(secret);
};

const testConnection = async () => {
  await page.getByRole('button', { name: 'Test connection' }).click();
  const status = page.getByRole('status').filter({ hasNotText: 'Testing' }).filter({ hasText: /./ });
  await page.waitForFunction(() => !document.body.innerText.includes('Testing the connection'));
  return (await status.first().innerText()).trim();
};

const statusBar = () => page.getByRole('contentinfo', { name: 'Synchronisation status' });

describe('connection and sync, end to end', () => {
  it('explains each way a connection can fail, in words', async () => {
    // Each refusal this test provokes is logged by the browser.
    allowPageProblems(
      DEMO_BACKEND_ABSENT,
      /ERR_UNSAFE_PORT \(http:\/\/127\.0\.0\.1:9\//,
      /status of 401 \(Unauthorized\) \(http:\/\/127\.0\.0\.1:\d+\/oauth\/token/,
      /status of 403 \(Forbidden\) \(http:\/\/127\.0\.0\.1:\d+\/v1\/cost-centers/,
      /status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/oauth\/token/,
    );
    await page.goto(`${web.url}#/settings`);
    await fillConnection('http://127.0.0.1:9', 'demo', 'demo-secret');
    expect(await testConnection()).toContain('The server cannot be reached');

    await fillConnection(sim.url, 'demo', 'wrong-secret');
    expect(await testConnection()).toContain('The client ID or secret was refused');

    await fillConnection(noCostCenters.url, 'demo', 'demo-secret');
    const forbidden = await testConnection();
    expect(forbidden).toContain('Connected to');
    expect(forbidden).toContain('The cost-centre option is not active');

    await fillConnection(web.url, 'demo', 'demo-secret');
    expect(await testConnection()).toContain('not as the billing API does');

    await fillConnection('ftp://example.ch', 'demo', 'x');
    expect(await testConnection()).toContain('Enter an http or https address');
  });

  it('connects from an empty profile, syncs everything, and shows it offline after a reload', async () => {
    // Offline after the reload, the start's sync fails as it should.
    allowPageProblems(DEMO_BACKEND_ABSENT, /net::ERR_INTERNET_DISCONNECTED/);
    const stats = (await (await fetch(`${sim.url}/__sim/stats`)).json()) as { invoices: number };
    await page.goto(`${web.url}#/settings`);
    await fillConnection(sim.url, 'demo', 'demo-secret');
    expect(await testConnection()).toContain('Connected to');
    await page.getByRole('button', { name: 'Save connection' }).click();

    const count = statusBar().getByTestId('invoice-count');
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="invoice-count"]')?.textContent === `${expected} invoices`,
      stats.invoices,
      { timeout: 60_000 },
    );
    await statusBar()
      .getByText(/Last synchronised/)
      .waitFor({ timeout: 60_000 });
    expect(await count.innerText()).toBe(`${stats.invoices} invoices`);

    // The operator goes away once the app has started again; the archive does not. (Offline in the
    // middle of the start, the web build's server is gone too: startFailure.e2e.ts covers that.)
    await page.reload({ waitUntil: 'networkidle' });
    await context.setOffline(true);
    await statusBar().getByText('Offline: showing the local archive').waitFor();
    expect(await statusBar().getByTestId('invoice-count').innerText()).toBe(`${stats.invoices} invoices`);
    await statusBar()
      .getByText(/Last synchronised/)
      .waitFor();
  });
});
