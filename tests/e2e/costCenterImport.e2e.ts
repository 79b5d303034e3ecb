import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostCenter } from '../../shared/api/schemas';
import {
  connectOperator,
  cutOperator,
  OPERATOR_CUT,
  reconnectAndSync,
  startSyncedApp,
  waitingChanges,
  waitUntilPushed,
} from './appHarness';
import { allowPageProblems } from './browser';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let web: typeof app.web;
let sim: typeof app.sim;
let page: Page;

beforeAll(async () => {
  app = await startSyncedApp();
  ({ web, sim, page } = app);
}, 180_000);

afterAll(async () => {
  await app.close();
});

const fixture = async (name: string) => readFile(new URL(`../fixtures/costCenters/${name}`, import.meta.url));

/**
 * Drags a file over the page and drops it, as the OS does: the File is built in the page from the
 * fixture's bytes and carried by a DataTransfer. `drop: false` stops after the drag entered.
 */
const dragFile = async (name: string, bytes: Uint8Array, options: { drop: boolean }) =>
  page.evaluate(
    ({ name, data, drop }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name));
      const fire = (type: string) =>
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      fire('dragenter');
      fire('dragover');
      if (drop) fire('drop');
    },
    { name, data: [...bytes], drop: options.drop },
  );

const dialog = () => page.getByRole('dialog', { name: 'Import cost centres' });
const preview = () => dialog().getByRole('grid', { name: 'Preview of the import' });
const centres = () => page.getByRole('main');

describe('importing cost centres from a file', () => {
  it('drop a file: the overlay shows where, the preview lists new rows and errors; Apply waits for "valid rows only"; the import is undone before the push', async () => {
    // Offline, so the import stays in the outbox until this test lets it through.
    allowPageProblems(OPERATOR_CUT);
    await cutOperator(sim.url);
    await page.goto(`${web.url}#/cost-centres`);
    await page.getByRole('button', { name: 'Import…' }).waitFor();

    const bytes = await fixture('de-semicolon-bom.csv');
    await dragFile('Kostenstellen.csv', bytes, { drop: false });
    await page.getByText('Drop the file here to import its cost centres').waitFor();
    await dragFile('Kostenstellen.csv', bytes, { drop: true });

    await dialog().waitFor();
    await dialog().getByText('CSV, UTF-8, separated by semicolons').waitFor();
    await preview().getByRole('gridcell', { name: 'Geschäftsleitung' }).waitFor();
    // Every row of the file: four new ones and the five with errors, each error naming row, column and value.
    await expect(preview().getAttribute('aria-rowcount')).resolves.toBe(String(9 + 1));
    await preview()
      .getByText(/Row 6, column A: “41 00” is not a valid cost centre/)
      .waitFor();
    const apply = dialog().getByRole('button', { name: 'Apply' });
    expect(await apply.isDisabled()).toBe(true);
    await dialog()
      .getByText(/Some rows have errors/)
      .waitFor();

    // The filter shows the errors alone.
    await dialog().getByLabel('Show').selectOption({ label: 'Error (5)' });
    await expect(preview().getAttribute('aria-rowcount')).resolves.toBe(String(5 + 1));
    await dialog().getByLabel('Show').selectOption({ label: 'All rows (9)' });

    await dialog()
      .getByRole('checkbox', { name: 'Import the valid rows only, skip 5 rows with errors' })
      .check();
    await apply.click();
    await dialog().waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .getByText(/Imported from Kostenstellen\.csv: 4 new, 0 changed/)
      .waitFor();
    await centres().getByText('Geschäftsleitung', { exact: true }).waitFor();
    await waitingChanges(page).waitFor();

    // Not yet pushed: the whole import can be undone, and nothing of it stays.
    await page.getByRole('button', { name: 'Undo the import' }).click();
    await page.getByText('The import was undone: 4 cost centres are as they were.').waitFor();
    await centres().getByText('Geschäftsleitung', { exact: true }).waitFor({ state: 'detached' });
    await waitingChanges(page).waitFor({ state: 'detached' });
  }, 120_000);

  it('apply the valid rows: the cost centres show, survive a reload, and the sync pushes them to the operator', async () => {
    // Still offline from the test before, until the push below.
    allowPageProblems(OPERATOR_CUT);
    await page.goto(`${web.url}#/cost-centres`);
    await page.getByRole('button', { name: 'Import…' }).waitFor();
    await dragFile('Kostenstellen.csv', await fixture('de-semicolon-bom.csv'), { drop: true });
    await preview().getByRole('gridcell', { name: 'Geschäftsleitung' }).waitFor();
    await dialog()
      .getByRole('checkbox', { name: /Import the valid rows only/ })
      .check();
    await dialog().getByRole('button', { name: 'Apply' }).click();
    await dialog().waitFor({ state: 'detached' });
    for (const name of ['Geschäftsleitung', 'Einkauf', 'Produktion', 'Lager'])
      await centres().getByText(name, { exact: true }).waitFor();

    await page.reload();
    await centres().getByText('Geschäftsleitung', { exact: true }).waitFor({ timeout: 30_000 });
    await waitingChanges(page).waitFor();
    // Still unpushed after the reload: the undo is still offered.
    await page.getByRole('button', { name: 'Undo the import' }).waitFor();

    // Back online: the import reaches the operator. "Synchronise now" may meet a retry already
    // sending: a PUT that reached the operator is then resent and answered 412 with its own value,
    // which the engine settles as already applied (shared/sync/outbox.ts); the browser logs the 412.
    allowPageProblems(
      /status of 412 \(Precondition Failed\) \(http:\/\/127\.0\.0\.1:\d+\/v1\/cost-centers\/0[1-4]00/,
    );
    await reconnectAndSync(page, sim.url);
    // A run still retrying the cut connection finishes its backoff first (seconds; more under load).
    await waitUntilPushed(page, 90_000);
    const { items: stored } = await (
      await connectOperator(sim.url)
    ).get<{ items: CostCenter[] }>('/v1/cost-centers');
    expect(stored.filter((center) => ['0100', '0200', '0300', '0400'].includes(center.code))).toEqual([
      expect.objectContaining({ code: '0100', name: 'Geschäftsleitung', monthlyBudget: '1250.00' }),
      expect.objectContaining({ code: '0200', name: 'Einkauf' }),
      expect.objectContaining({ code: '0300', name: 'Produktion', monthlyBudget: '1250.50' }),
      expect.objectContaining({ code: '0400', name: 'Lager' }),
    ]);
    // Nothing became a conflict: every centre is as the file says, on both sides.
    await expect(page.getByText(/conflict/i).count()).resolves.toBe(0);
    // Once pushed, the undo is gone and the page says why.
    await page
      .getByText('The import can no longer be undone: the sync has already sent it to the operator.')
      .waitFor({ timeout: 30_000 });
  }, 180_000);

  it('pick a file through the file chooser; a file that is no spreadsheet gets a clear message and changes nothing', async () => {
    await page.goto(`${web.url}#/cost-centres`);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'Cost centres.csv',
      mimeType: 'text/csv',
      buffer: await fixture('en-tab.csv'),
    });
    await dialog().getByText('CSV, UTF-8, separated by tabs').waitFor();
    await preview().getByRole('gridcell', { name: 'Head office' }).waitFor();
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect(centres().getByText('Head office', { exact: true }).count()).resolves.toBe(0);

    await dragFile('list.xlsx', await fixture('text-renamed.xlsx'), { drop: true });
    await dialog().getByRole('alert').waitFor();
    expect(await dialog().getByRole('alert').textContent()).toContain('list.xlsx');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await dialog().waitFor({ state: 'detached' });
  }, 120_000);

  it('the export of the cost centres, dropped again, changes nothing; the template downloads as an Excel workbook', async () => {
    await page.goto(`${web.url}#/cost-centres`);
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export cost centres' }).click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/^invoice-desk-cost-centres-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = await readFile(await exported.path());
    await dragFile(exported.suggestedFilename(), bytes, { drop: true });
    await dialog().getByText('Nothing to change: the cost centres already are as in the file.').waitFor();
    expect(await dialog().getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await dialog().getByRole('button', { name: 'Cancel' }).click();

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download template' }).click(),
    ]);
    expect(template.suggestedFilename()).toMatch(/^invoice-desk-cost-centres-template-.*\.xlsx$/);
    // An xlsx is a zip: it starts with PK.
    expect([...(await readFile(await template.path())).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  }, 120_000);

  it('a preview of 10,000 rows keeps only a window of them in the page', async () => {
    const lines = ['Code;Name'];
    for (let index = 1; index <= 10_000; index += 1)
      lines.push(`K${String(index).padStart(5, '0')};Centre ${index}`);
    await page.goto(`${web.url}#/cost-centres`);
    await page.getByRole('button', { name: 'Import…' }).waitFor();
    const started = Date.now();
    await dragFile('many.csv', new TextEncoder().encode(lines.join('\n')), { drop: true });
    await preview().getByRole('gridcell', { name: 'Centre 1', exact: true }).waitFor({ timeout: 30_000 });
    const shownAfterMs = Date.now() - started;
    await expect(preview().getAttribute('aria-rowcount')).resolves.toBe(String(10_000 + 1));
    const inDom = async () => preview().locator('[role="row"]').count();
    expect(await inDom()).toBeLessThan(60);
    // Scrolled to the end, the last rows are drawn and the DOM still holds only a window.
    await preview().evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
    await preview().getByRole('gridcell', { name: 'Centre 10000', exact: true }).waitFor();
    expect(await inDom()).toBeLessThan(60);
    console.info(`10,000-row preview shown ${shownAfterMs} ms after the drop`);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
  }, 120_000);
});
