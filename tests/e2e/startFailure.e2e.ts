import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_BACKEND_ABSENT } from './appHarness';
import { allowPageProblems, launchChromium } from './browser';
import { startWebServer } from './webServer';

// The web build loads its catalogue, platform and workers as chunks of their own: a server gone in
// the middle of a start must leave the clerk words, never keys or a blank page.
let browser: Browser;
let web: Awaited<ReturnType<typeof startWebServer>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [web, browser] = await Promise.all([startWebServer(), launchChromium()]);
});

afterAll(async () => {
  await browser.close();
  await web.close();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'de-CH' });
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

describe('a start whose files do not all load', () => {
  it('says in the clerk’s language that the app could not start, and a reload brings it back', async () => {
    allowPageProblems(DEMO_BACKEND_ABSENT, /net::ERR_FAILED/, /Invoice Desk could not start/);
    await context.route(/\/assets\/de-[\w-]+\.js$/, (route) => route.abort('failed'));
    await page.goto(web.url);

    const failure = page.getByRole('alert');
    await failure.getByRole('heading', { name: 'Invoice Desk konnte nicht starten' }).waitFor();
    expect(await failure.innerText()).toContain('Ihre Daten sind unverändert');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('body').innerText()).not.toMatch(/\b(nav|app|status)\.\w+/);

    await context.unrouteAll({ behavior: 'wait' });
    await failure.getByRole('button', { name: 'Neu laden' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Rechnungen' }).waitFor();
  });

  it('says in the status bar that the sync could not start when its worker does not load', async () => {
    allowPageProblems(DEMO_BACKEND_ABSENT, /net::ERR_FAILED/);
    await context.route(/\/assets\/syncWorker-[\w-]+\.js$/, (route) => route.abort('failed'));
    await page.goto(web.url);

    const status = page.getByRole('contentinfo', { name: 'Synchronisationsstatus' });
    await status
      .getByRole('alert')
      .getByText(/ein Teil der Anwendung konnte nicht geladen werden/)
      .waitFor();
    expect(await status.getByRole('button', { name: 'Jetzt synchronisieren' }).isVisible()).toBe(true);
  });
});
