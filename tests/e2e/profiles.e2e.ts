import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialedApiClient } from '../../shared/api/client';
import { DEFAULT_SIMULATOR_URL } from '../../shared/connection/settings';
import { startSimulator, type RunningSimulator } from '../../simulator/standalone';
import { simStats } from './appHarness';
import { allowPageProblems, launchChromium } from './browser';
import { startWebServer } from './webServer';

/**
 * A clerk tries the demo, connects a customer's back end (a second simulator with another seed, so
 * another customer), goes back to the demo, and deletes the other archive: each archive stays whole
 * and the status bar always names the customer whose archive is shown.
 */

let browser: Browser;
let web: Awaited<ReturnType<typeof startWebServer>>;
let demo: RunningSimulator;
let other: RunningSimulator;
let context: BrowserContext;
let page: Page;

const customerOf = async (sim: RunningSimulator) => {
  const client = createCredentialedApiClient({
    baseUrl: sim.url,
    clientId: 'demo',
    clientSecret: 'demo-secret',
    fetch: (url, init) => fetch(url, init),
  });
  const customer = await client.getCustomer();
  return `${customer.name} (${customer.customerNumber})`;
};

beforeAll(async () => {
  [web, demo, other, browser] = await Promise.all([
    startWebServer(),
    startSimulator({ port: 0, control: true, seed: 1, now: '2026-11-22' }),
    startSimulator({ port: 0, control: true, seed: 2, now: '2026-11-22' }),
    launchChromium(),
  ]);
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  // The browser build's demo mode talks to the simulator at its default address: served here by a
  // simulator on a free port, so that the test needs no fixed port.
  await context.route(`${DEFAULT_SIMULATOR_URL}/**`, async (route) => {
    const url = route.request().url().replace(DEFAULT_SIMULATOR_URL, demo.url);
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await Promise.all([web.close(), demo.close(), other.close()]);
});

const statusBar = () => page.getByRole('contentinfo', { name: 'Synchronisation status' });

const synced = async (invoices: number) => {
  await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="invoice-count"]')?.textContent === `${expected} invoices`,
    invoices,
    { timeout: 60_000 },
  );
  await statusBar()
    .getByText(/Last synchronised/)
    .waitFor({ timeout: 60_000 });
};

describe('one archive per customer, end to end', () => {
  it('demo, another back end (a wrong secret first), back to the demo, then delete the other archive', async () => {
    const [demoCustomer, otherCustomer, demoStats, otherStats] = await Promise.all([
      customerOf(demo),
      customerOf(other),
      simStats(demo.url),
      simStats(other.url),
    ]);
    expect(demoCustomer).not.toBe(otherCustomer);

    await page.goto(web.url);
    await synced(demoStats.invoices);
    await expect
      .poll(() => statusBar().getByTestId('profile-customer').innerText())
      .toBe(`Archive of ${demoCustomer}`);

    // A refused secret stays on the form: nothing is saved, the demo archive stays open.
    allowPageProblems(/status of 401 \(Unauthorized\) \(http:\/\/127\.0\.0\.1:\d+\/oauth\/token/);
    await page.goto(`${web.url}#/settings`);
    await page.getByRole('radio', { name: 'The operator’s billing API' }).check();
    await page.getByLabel('API base URL').fill(other.url);
    await page.getByLabel('Client ID').fill('demo');
    await page.getByLabel('Client secret').fill('wrong-secret');
    await page.getByRole('button', { name: 'Save connection' }).click();
    await page.getByText('The client ID or secret was refused').waitFor();
    expect(await statusBar().getByTestId('profile-customer').innerText()).toBe(`Archive of ${demoCustomer}`);

    await page.getByLabel('Client secret').fill('demo-secret');
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect
      .poll(() => statusBar().getByTestId('profile-customer').innerText(), { timeout: 30_000 })
      .toBe(`Archive of ${otherCustomer}`);
    await synced(otherStats.invoices);

    // Back to the demo from the list of archives: its archive is whole, without a new sync.
    await page.goto(`${web.url}#/settings`);
    const archives = page.getByRole('table', { name: 'Customer archives on this device' });
    await expect.poll(() => archives.getByRole('row').count()).toBe(3);
    await archives.getByRole('button', { name: `Open the archive of ${demoCustomer}` }).click();
    await expect
      .poll(() => statusBar().getByTestId('profile-customer').innerText(), { timeout: 30_000 })
      .toBe(`Archive of ${demoCustomer}`);
    await synced(demoStats.invoices);

    // Deleting the other archive takes its customer number, typed.
    await page.goto(`${web.url}#/settings`);
    await archives.getByRole('button', { name: `Delete the archive of ${otherCustomer}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete the archive of ${otherCustomer}?` });
    const number = /\((\d+)\)$/.exec(otherCustomer)?.[1] ?? '';
    const field = confirm.getByLabel(`Type ${number} to confirm`);
    await field.fill('12345');
    expect(await confirm.getByRole('button', { name: 'Delete the archive' }).isDisabled()).toBe(true);
    await field.fill(number);
    await confirm.getByRole('button', { name: 'Delete the archive' }).click();
    await page.getByText(`The archive of ${otherCustomer} was deleted.`).waitFor();
    expect(await archives.getByRole('row').count()).toBe(2);
    expect(await statusBar().getByTestId('invoice-count').innerText()).toBe(`${demoStats.invoices} invoices`);
  }, 240_000);
});
