import type { BrowserContext, Page } from 'playwright-core';
import type { LineItem } from '../../shared/api/schemas';
import { startSimulator } from '../../simulator/standalone';
import { allowPageProblems, launchChromium } from './browser';

/**
 * A new profile starts on the built-in demo back end, which the end-to-end web server does not run:
 * the browser logs its refused requests until the test connects the simulator. Allowed per test.
 */
export const DEMO_BACKEND_ABSENT =
  /Failed to load resource: net::ERR_CONNECTION_REFUSED \(http:\/\/127\.0\.0\.1:8787\//;
import { startWebServer } from './webServer';

/** Steps several end-to-end tests share: connect a fresh profile to a simulator and wait for the first full sync. */
export const connectAndSync = async (
  page: Page,
  webUrl: string,
  simUrl: string,
  expectedInvoices: number,
) => {
  allowPageProblems(DEMO_BACKEND_ABSENT);
  await page.goto(`${webUrl}#/settings`);
  await page.getByRole('radio', { name: 'The operator’s billing API' }).check();
  await page.getByLabel('API base URL').fill(simUrl);
  await page.getByLabel('Client ID').fill('demo');
  await page.getByLabel('Client secret').fill('demo-secret');
  await page.getByRole('button', { name: 'Save connection' }).click();
  await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="invoice-count"]')?.textContent === `${expected} invoices`,
    expectedInvoices,
    { timeout: 60_000 },
  );
  await page
    .getByRole('contentinfo', { name: 'Synchronisation status' })
    .getByText(/Last synchronised/)
    .waitFor({ timeout: 90_000 });
};

export const simStats = async (simUrl: string) =>
  (await (await fetch(`${simUrl}/__sim/stats`)).json()) as {
    invoices: number;
    lines: number;
    perService: Record<string, { lines: number; net: string; vat: string; gross: string }>;
  };

export type { BrowserContext, Page };

/**
 * The operator's API as another program sees it (the demo credentials), read independently of the
 * app: what a test compares the app's screens and pushes with.
 */
export interface Operator {
  /** GETs `path` ("/v1/cost-centers"), which must answer 200. */
  get: <T>(path: string) => Promise<T>;
  /** Every line of one invoice, all pages. */
  linesOf: (invoiceId: string) => Promise<LineItem[]>;
  /** GETs `path` ("/v1/invoices/…/document"), which must answer 200, as bytes. */
  bytes: (path: string) => Promise<Uint8Array>;
}

export const connectOperator = async (simUrl: string): Promise<Operator> => {
  const response = await fetch(`${simUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'demo',
      client_secret: 'demo-secret',
    }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  const get = async <T>(path: string): Promise<T> => {
    const answer = await fetch(`${simUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
    return (await answer.json()) as T;
  };
  return {
    get,
    bytes: async (path) => {
      const answer = await fetch(`${simUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
      return new Uint8Array(await answer.arrayBuffer());
    },
    linesOf: async (invoiceId) => {
      const lines: LineItem[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const lotPage: { items: LineItem[]; next: string | null } = await get(
          `/v1/invoices/${encodeURIComponent(invoiceId)}/lines?limit=5000${query}`,
        );
        lines.push(...lotPage.items);
        cursor = lotPage.next;
      }
      return lines;
    },
  };
};

/**
 * A browser, the web build, a simulator and one profile already synced against it: what most suites
 * start from. `prepare` runs against the simulator before the first sync (e.g. to plant an anomaly).
 */
export const startSyncedApp = async (options: { prepare?: (simUrl: string) => Promise<void> } = {}) => {
  const [web, sim, browser] = await Promise.all([
    startWebServer(),
    startSimulator({ port: 0, control: true, seed: 1, now: '2026-11-22' }),
    launchChromium(),
  ]);
  await options.prepare?.(sim.url);
  const stats = await simStats(sim.url);
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await connectAndSync(page, web.url, sim.url, stats.invoices);
  return {
    web,
    sim,
    browser,
    context,
    page,
    stats,
    close: async () => {
      await context.close();
      await browser.close();
      await Promise.all([web.close(), sim.close()]);
    },
  };
};

/**
 * Cuts the operator off as a lost connection does: its requests fail at once, while the app's own
 * pages still load (so a reload works offline).
 */
export const cutOperator = (context: BrowserContext, simUrl: string) =>
  context.route(`${simUrl}/**`, (route) => route.abort('internetdisconnected'));

/**
 * Lets the operator through again and presses "Synchronise now". It waits for the app to be idle (the
 * button shows only then) and for every interception in progress to finish before the route goes: a
 * request caught between the two would otherwise hang until its 30 s timeout, longer than the test
 * waits for the push.
 */
export const reconnectAndSync = async (context: BrowserContext, page: Page) => {
  const syncNow = page.getByRole('button', { name: 'Synchronise now' });
  await syncNow.waitFor();
  await context.unrouteAll({ behavior: 'wait' });
  await syncNow.click();
};
