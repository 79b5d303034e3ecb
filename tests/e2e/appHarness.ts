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
 * What the browser logs for each request to an operator that is cut off (cutOperator): the
 * simulator closes the connection before answering. Tests allow it while they keep it cut off.
 */
export const OPERATOR_CUT =
  /net::ERR_(EMPTY_RESPONSE|CONNECTION_RESET|CONNECTION_CLOSED) \(http:\/\/127\.0\.0\.1:\d+\//;

/** Sets some of the simulator's faults (simulator/README.md); the others keep their value. */
export const setFaults = async (simUrl: string, faults: { dropRate?: number; latencyMs?: number }) => {
  const response = await fetch(`${simUrl}/__sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (response.status !== 200) throw new Error(`POST /__sim/faults answered ${response.status}`);
};

/**
 * Cuts the operator off as a lost connection does: the simulator closes every connection before it
 * answers or handles anything, while the app's own pages still load (so a reload works offline).
 * On the server, not by intercepting the browser's requests: nothing of the browser is changed.
 */
export const cutOperator = (simUrl: string) => setFaults(simUrl, { dropRate: 1 });

/**
 * Lets the operator answer again and presses "Synchronise now", which shows only while the app is
 * idle (while a run goes on, the same place holds Cancel).
 */
export const reconnectAndSync = async (page: Page, simUrl: string) => {
  const syncNow = page.getByRole('button', { name: 'Synchronise now' });
  await syncNow.waitFor();
  await setFaults(simUrl, { dropRate: 0 });
  await syncNow.click();
};

const syncStatus = (page: Page) => page.getByRole('contentinfo', { name: 'Synchronisation status' });

/** The status bar's count of the clerk's edits not yet sent to the operator, whatever the count. */
export const waitingChanges = (page: Page) => syncStatus(page).getByText(/changes? waiting to be sent/);

/**
 * Waits until no change waits to be sent. A timeout says what the status bar showed (a sync error,
 * a run still going), which a bare "still visible" does not.
 */
export const waitUntilPushed = async (page: Page, timeout: number) => {
  const status = syncStatus(page);
  try {
    await waitingChanges(page).waitFor({ state: 'detached', timeout });
  } catch (error) {
    const shown = await status.innerText().catch(() => '(the status bar could not be read)');
    throw new Error(`Changes still waiting after ${timeout} ms; the status bar showed: ${shown}`, {
      cause: error,
    });
  }
};
