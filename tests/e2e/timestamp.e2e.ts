import { createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATOR_URL } from '../../shared/connection/settings';
import { formatDateTime } from '../../shared/core/format';
import { startSimulator, type RunningSimulator } from '../../simulator/standalone';
import { allowPageProblems, launchChromium } from './browser';
import { startWebServer } from './webServer';

/**
 * A clerk sets the time-stamping authority in Settings and presses "Test": the page (the browser
 * build has no main process) posts an RFC 3161 query to the simulator's test TSA, checks the reply
 * and shows who stamped and when, by the simulator's clock. The archive's own e2e covers the zip.
 */

const NOW = '2026-11-22';

let browser: Browser;
let web: Awaited<ReturnType<typeof startWebServer>>;
let sim: RunningSimulator;
let context: BrowserContext;
let page: Page;

/** A loopback port nothing listens on: taken, then released. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
};

beforeAll(async () => {
  [web, sim, browser] = await Promise.all([
    startWebServer(),
    startSimulator({ port: 0, control: true, seed: 1, now: NOW }),
    launchChromium(),
  ]);
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  // The browser build's demo mode talks to the simulator at its default address: served here by the
  // simulator on a free port.
  await context.route(`${DEFAULT_SIMULATOR_URL}/**`, async (route) => {
    const url = route.request().url().replace(DEFAULT_SIMULATOR_URL, sim.url);
    try {
      await route.fulfill({ response: await route.fetch({ url }) });
    } catch {
      // The context closed while the demo's sync was still fetching: nobody waits for the answer.
    }
  });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context.close();
  await browser.close();
  await Promise.all([web.close(), sim.close()]);
});

const section = () => page.getByRole('region', { name: 'Time stamp' });
const urlField = () => section().getByRole('textbox', { name: 'Time-stamping authority (URL)' });
const testOutcome = () => section().getByRole('status').last();

describe('the time-stamping authority in Settings', () => {
  it('refuses an address the app will not post to', async () => {
    await page.goto(`${web.url}#/settings`);
    await urlField().fill('http://tsa.example/tsr');
    await section().getByRole('button', { name: 'Save' }).click();

    await section()
      .getByText('Enter an https address (http only on this computer), without a user name or password.')
      .waitFor();
    expect(await urlField().getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.evaluate(() => localStorage.getItem('invoice-desk.timestamp-authority-url')),
    ).toBeNull();
  });

  it('keeps the simulator’s TSA and stamps a test digest at the simulator’s time', async () => {
    await urlField().fill(`${sim.url}/tsa`);
    await section().getByRole('button', { name: 'Save' }).click();
    await section().getByText('Saved.').waitFor();
    await page.reload();
    expect(await urlField().inputValue()).toBe(`${sim.url}/tsa`);

    await section().getByRole('button', { name: 'Test' }).press('Enter');

    const time = formatDateTime(`${NOW}T12:00:00Z`, 'en');
    await section()
      .getByText(`Stamp received from Invoice Desk Test TSA (Billing API Simulator), time ${time}.`)
      .waitFor({ timeout: 30_000 });
    expect(await testOutcome().textContent()).toContain(time);
  });

  it('says, in words, that an authority cannot be reached', async () => {
    const port = await closedPort();
    allowPageProblems(new RegExp(`ERR_CONNECTION_REFUSED.*127\\.0\\.0\\.1:${port}/tsa`));
    await urlField().fill(`http://127.0.0.1:${port}/tsa`);
    await section().getByRole('button', { name: 'Test' }).click();

    await section()
      .getByText('The authority cannot be reached. Check the address and the network.')
      .waitFor({ timeout: 30_000 });
  });

  it('turns the time stamp off when the address is emptied', async () => {
    await urlField().fill('');
    await section().getByRole('button', { name: 'Save' }).click();
    await section().getByText('No authority: archives are exported without a time stamp.').waitFor();
    expect(
      await page.evaluate(() => localStorage.getItem('invoice-desk.timestamp-authority-url')),
    ).toBeNull();
  });
});
