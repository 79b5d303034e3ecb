import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { DEMO_BACKEND_ABSENT } from './appHarness';
import { allowPageProblems, launchChromium } from './browser';
import { startWebServer } from './webServer';

let browser: Browser;
let server: Awaited<ReturnType<typeof startWebServer>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startWebServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

beforeEach(async () => {
  // Every test here runs on a fresh demo profile, without the demo back end.
  allowPageProblems(DEMO_BACKEND_ABSENT);
  // A fresh profile each time, in English, so the default language is predictable.
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
});

afterEach(async () => {
  await context.close();
});

const navigation = () => page.getByRole('navigation', { name: 'Main navigation' });

describe('application shell', () => {
  it('loads on the overview and reaches every page through the navigation', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    for (const name of [
      'Invoices',
      'Lines',
      'Names',
      'Cost centres',
      'Assignments',
      'Analytics',
      'Exports',
      'Archive',
      'Audit trail',
      'Settings',
      'Overview',
    ]) {
      await navigation().getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await expect(navigation().getByRole('link', { name }).getAttribute('aria-current')).resolves.toBe(
        'page',
      );
    }
  });

  it('follows the browser language on first start', async () => {
    const german = await browser.newContext({ locale: 'de-CH' });
    const germanPage = await german.newPage();
    await germanPage.goto(server.url);
    await germanPage.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await german.close();
  });

  it('switches to German from Settings and keeps the choice after a reload', async () => {
    await page.goto(`${server.url}#/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
    const labels = await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link')
      .allTextContents();
    expect(labels).toEqual([
      'Übersicht',
      'Rechnungen',
      'Positionen',
      'Bezeichnungen',
      'Kostenstellen',
      'Zuordnungen',
      'Auswertungen',
      'Exporte',
      'Archiv',
      'Prüfprotokoll',
      'Einstellungen',
    ]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
    await expect(
      page
        .getByRole('navigation', { name: 'Hauptnavigation' })
        .getByRole('link', { name: 'Rechnungen' })
        .isVisible(),
    ).resolves.toBe(true);
  });

  it('shows an unknown route as not found with a way back', async () => {
    await page.goto(`${server.url}#/nowhere`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });

  it('applies the chosen theme to the document', async () => {
    await page.goto(`${server.url}#/settings`);
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await page.reload();
    await expect(page.getByLabel('Theme').inputValue()).resolves.toBe('dark');
  });
});
