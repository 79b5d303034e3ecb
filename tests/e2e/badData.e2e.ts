import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeDatabaseName } from '../testing/activeDatabase';
import { startSyncedApp } from './appHarness';
import { allowPageProblems } from './browser';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;
let webUrl: string;
let damaged: { invoiceId: string; blockInvoiceId: string; blockInvoiceNumber: string };

/**
 * Damages the archive the way a bug, an old build or a broken disk could: outside the app, straight
 * in IndexedDB. One invoice gets a money value with a decimal comma, one line block a column one
 * line short, and the quarantine a row whose date is not a date (which the sync panel cannot format).
 */
const damageArchive = async (target: Page) =>
  target.evaluate(
    (databaseName: string) =>
      new Promise<{ invoiceId: string; blockInvoiceId: string; blockInvoiceNumber: string }>(
        (resolve, reject) => {
          const request = indexedDB.open(databaseName);
          request.onerror = () => reject(new Error('cannot open the archive'));
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['invoices', 'lineBlocks', 'quarantine'], 'readwrite');
            const invoices = tx.objectStore('invoices');
            const blocks = tx.objectStore('lineBlocks');
            const result = { invoiceId: '', blockInvoiceId: '', blockInvoiceNumber: '' };
            const all = invoices.getAll();
            all.onsuccess = () => {
              const rows = (all.result as Array<{ id: string; number: string; lineCount: number }>)
                .filter((row) => row.lineCount > 0)
                .sort((a, b) => (a.id < b.id ? -1 : 1));
              const [first, second] = rows;
              if (!first || !second) return reject(new Error('need two invoices with lines'));
              result.invoiceId = first.id;
              invoices.put({ ...first, grossTotal: '12,5' });
              result.blockInvoiceId = second.id;
              result.blockInvoiceNumber = second.number;
              const block = blocks.get([second.id, 0]);
              block.onsuccess = () => {
                const stored = block.result as { count: number; netCentimes: Float64Array };
                blocks.put({ ...stored, netCentimes: new Float64Array(stored.count + 1) });
              };
              tx.objectStore('quarantine').add({
                kind: 'invoice',
                invoiceId: null,
                index: 0,
                itemId: 'no-such-invoice',
                issues: 'test',
                receivedAt: 'not a date',
              });
            };
            tx.oncomplete = () => {
              db.close();
              resolve(result);
            };
            tx.onerror = () => reject(new Error('cannot damage the archive'));
          };
        },
      ),
    await activeDatabaseName(target),
  );

const skipped = () => page.getByTestId('skipped-rows');

beforeAll(async () => {
  app = await startSyncedApp();
  page = app.page;
  webUrl = app.web.url;
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(webUrl).origin,
  });
  // Away from Settings first: its quarantine table would draw the damaged row before any test is
  // ready for that failure (the panel's failure is the subject of one test below).
  await page.goto(`${webUrl}#/overview`);
  await page.getByRole('heading', { name: 'Open amount' }).waitFor();
  damaged = await damageArchive(page);
  await page.reload();
}, 180_000);

afterAll(async () => {
  await app.close();
});

describe('an archive with damaged rows', () => {
  it('the overview renders and says a stored invoice was skipped', async () => {
    await page.goto(`${webUrl}#/overview`);
    await page.getByRole('heading', { name: 'Open amount' }).waitFor();
    await skipped().getByText('1 stored invoice is damaged and was skipped.').waitFor();
    expect(await skipped().innerText()).toContain(damaged.invoiceId);
  });

  it('the invoice list shows every other invoice and the notice where the damaged one would be', async () => {
    await page.goto(`${webUrl}#/invoices`);
    const grid = page.getByRole('grid', { name: 'Invoices' });
    await grid.getByRole('row').nth(1).waitFor();
    expect(Number(await grid.getAttribute('aria-rowcount')) - 1).toBe(app.stats.invoices - 1);
    await skipped().getByText('1 stored invoice is damaged and was skipped.').waitFor();
  });

  it('the line explorer loads the rest and names both the damaged invoice and the damaged block', async () => {
    await page.goto(`${webUrl}#/lines`);
    await page
      .getByTestId('line-totals')
      .getByText(/lines?$/)
      .first()
      .waitFor({ timeout: 30_000 });
    await skipped().getByText('1 stored invoice is damaged and was skipped.').waitFor();
    await skipped().getByText('1 stored block of lines is damaged and was skipped.').waitFor();
    expect(await page.getByRole('grid', { name: 'Lines' }).getByRole('row').nth(1).isVisible()).toBe(true);
  });

  it('the damaged invoice’s own page says it is damaged; Copy details puts the reason on the clipboard', async () => {
    await page.goto(`${webUrl}#/invoices/${encodeURIComponent(damaged.invoiceId)}`);
    await page
      .getByRole('heading', { name: 'This stored invoice is damaged and cannot be shown.' })
      .waitFor();
    await skipped().getByRole('button', { name: 'Copy details' }).click();
    await skipped().getByText('The details are on the clipboard.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`${damaged.invoiceId}: grossTotal:`);
    expect(copied).toContain(`Page: #/invoices/${encodeURIComponent(damaged.invoiceId)}`);
  });

  it('an invoice with a damaged line block shows its header, the other lines and the notice', async () => {
    await page.goto(`${webUrl}#/invoices/${encodeURIComponent(damaged.blockInvoiceId)}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(damaged.blockInvoiceNumber) }).waitFor();
    await skipped().getByText('1 stored block of lines is damaged and was skipped.').waitFor();
    expect(await skipped().innerText()).toContain(`${damaged.blockInvoiceId}#0`);
  });

  it('names, analytics and cost centres still render', async () => {
    for (const [path, heading] of [
      ['names', 'Names'],
      ['analytics', 'Analytics'],
      ['cost-centres', 'Cost centres'],
    ] as const) {
      await page.goto(`${webUrl}#/${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
  });

  it('a panel that fails leaves the rest of Settings usable, and another page clears the failure', async () => {
    await page.goto(`${webUrl}#/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // The damage is deliberate: the boundary logs the render failure it catches.
    allowPageProblems(/Invalid time value/);
    // The sync panel cannot draw the quarantine row's date: it alone shows the failure.
    const failure = page.getByTestId('error-fallback');
    await failure.getByText('This part could not be shown.').waitFor();
    expect(await failure.count()).toBe(1);
    expect(await page.getByLabel('API base URL').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Changes waiting for the operator' }).isVisible()).toBe(
      true,
    );
    await failure.getByRole('button', { name: 'Copy details' }).click();
    await failure.getByText('The details are on the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /Where: settings synchronisation\nError: RangeError/,
    );

    // The rest of the page works: switching the language re-renders everything around the failure.
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('navigation').getByRole('link', { name: 'Rechnungen' }).waitFor();
    await page.getByText('Dieser Teil kann nicht angezeigt werden.').waitFor();
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1).waitFor();
    expect(await page.getByTestId('error-fallback').count()).toBe(0);
  });

  // Last: it leaves the archive unreadable for this build.
  it('an archive a newer release wrote gets a full-page message and is left as it was', async () => {
    const archive = async () =>
      page.evaluate(
        (databaseName: string) =>
          new Promise<{ version: number; invoices: number }>((resolve, reject) => {
            const request = indexedDB.open(databaseName);
            request.onerror = () => reject(new Error('cannot open the archive'));
            request.onsuccess = () => {
              const db = request.result;
              const count = db.transaction('invoices').objectStore('invoices').count();
              count.onsuccess = () => {
                db.close();
                resolve({ version: db.version, invoices: count.result });
              };
            };
          }),
        await activeDatabaseName(page),
      );
    // A later release's schema: version 99 (Dexie stores n as 10n) with a store this build does not know.
    await page.evaluate(
      (databaseName: string) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(databaseName, 990);
          request.onupgradeneeded = () => request.result.createObjectStore('budgets');
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(new Error('cannot upgrade the archive'));
        }),
      await activeDatabaseName(page),
    );
    const before = await archive();
    expect(before.version).toBe(990);
    await page.reload();
    await page
      .getByRole('heading', { name: 'This archive was written by a newer version of Invoice Desk' })
      .waitFor();
    expect(await page.getByText('Nothing in the archive was changed.', { exact: false }).isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await archive()).toEqual(before);
  });
});
