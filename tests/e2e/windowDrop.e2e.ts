import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncedApp } from './appHarness';
import { dropFile } from './browser';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  app = await startSyncedApp();
  ({ page } = app);
  baseUrl = app.web.url;
}, 180_000);

afterAll(async () => {
  await app.close();
});

const fixture = async (name: string) => readFile(new URL(`../fixtures/costCenters/${name}`, import.meta.url));

const dialog = () => page.getByRole('dialog', { name: 'Import cost centres' });
const preview = () => dialog().getByRole('grid', { name: 'Preview of the import' });
const hash = () => new URL(page.url()).hash;

describe('a file dropped on the window from the OS', () => {
  it('a spreadsheet dropped on any page opens the cost-centre import with it', async () => {
    await page.goto(`${baseUrl}#/invoices`);
    await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    const bytes = await fixture('it.ods');

    // While it is dragged, the window says where it will go.
    expect(await dropFile(page, { name: 'Centri di costo.ods', bytes }, { drop: false })).toEqual({
      cancelled: true,
    });
    await page.getByText('Drop the spreadsheet to import its cost centres').waitFor();

    // Dropped on the page's table, not the body: anywhere on the window counts.
    expect(await dropFile(page, { name: 'Centri di costo.ods', bytes }, { target: 'main' })).toEqual({
      cancelled: true,
    });
    await page.getByText('Drop the spreadsheet to import its cost centres').waitFor({ state: 'detached' });
    await dialog().waitFor();
    expect(hash()).toBe('#/cost-centres');
    // The file LibreOffice wrote, read as the import reads it: its rows and its one error.
    await preview().getByRole('gridcell', { name: 'Amministrazione' }).waitFor();
    await preview().getByRole('gridcell', { name: 'Vendite Ticino' }).waitFor();
    await expect(preview().getAttribute('aria-rowcount')).resolves.toBe(String(3 + 1));
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await page.getByRole('cell', { name: 'Amministrazione' }).count()).toBe(0);
  }, 120_000);

  it('on the Overview too, with an xlsx written by LibreOffice', async () => {
    await page.goto(`${baseUrl}#/overview`);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await dropFile(page, { name: 'SAP Kostenstellen.XLSX', bytes: await fixture('sap-export.xlsx') });
    await dialog().waitFor();
    await preview().getByRole('gridcell', { name: 'Verwaltung', exact: true }).waitFor();
    expect(hash()).toBe('#/cost-centres');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
  }, 120_000);

  it('any other file is refused with the reason, the page stays where it was and the app is not replaced', async () => {
    await page.goto(`${baseUrl}#/analytics`);
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    const { cancelled } = await dropFile(page, {
      name: 'Rechnung 2026-17.pdf',
      bytes: new TextEncoder().encode('%PDF-1.7\n'),
    });
    // The drop was the app's: the browser does not open the PDF in its place.
    expect(cancelled).toBe(true);
    const alert = page.getByRole('alert').filter({ hasText: 'Rechnung 2026-17.pdf' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      '“Rechnung 2026-17.pdf” cannot be imported: drop a spreadsheet of cost centres (.xlsx, .xls, .ods, .csv).',
    );
    expect(hash()).toMatch(/^#\/analytics/);
    expect(await dialog().count()).toBe(0);
    // The page has "Dismiss" buttons of its own (anomaly flags): this one sits beside the message.
    await page.locator('.window-drop__problem').getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    // A message left standing goes with the page it was shown on.
    await dropFile(page, { name: 'notes.txt', bytes: new TextEncoder().encode('x') });
    await page.getByRole('alert').filter({ hasText: 'notes.txt' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Exports' }).click();
    await page.getByRole('alert').filter({ hasText: 'notes.txt' }).waitFor({ state: 'detached' });
  }, 60_000);

  it('a page that takes files itself keeps them: the archive check gets the file, not the import', async () => {
    await page.goto(`${baseUrl}#/archive`);
    await page.getByRole('heading', { name: 'Archive', level: 1 }).waitFor();
    await dropFile(page, { name: 'Kostenstellen.csv', bytes: await fixture('de-semicolon-bom.csv') });
    // The archive page's own drop zone answered; the window's import did not step in.
    await page.getByText('“Kostenstellen.csv” is not a zip file.').waitFor();
    expect(hash()).toBe('#/archive');
    expect(await dialog().count()).toBe(0);
    expect(await page.getByText(/cannot be imported: drop a spreadsheet/).count()).toBe(0);
  }, 60_000);
});
