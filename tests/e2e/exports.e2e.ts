import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, utils, type WorkBook } from 'xlsx';
import { parseMoney } from '../../shared/core/money';
import { startSyncedApp } from './appHarness';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;

beforeAll(async () => {
  app = await startSyncedApp();
  page = app.page;
  // Chromium's save picker is a native dialog a test cannot answer: without it the export is
  // gathered and downloaded, the browser fallback (the picker path is unit-tested in web.test.ts).
  await app.context.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined });
  });
  await page.goto(`${app.web.url}#/exports`);
  // A new document, so the script above runs (a hash change alone keeps the page).
  await page.reload();
  await page.getByRole('heading', { name: 'Exports', level: 1 }).waitFor();
}, 240_000);

afterAll(async () => {
  await app.close();
});

const bytesOf = async (download: Download): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks);
};

const table = (book: WorkBook, name: string): unknown[][] => {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
};

const centimes = (value: unknown): number => Math.round(Number(value) * 100);

/** Every month the archive holds: the first option of "From" and the last of "To". */
const chooseWholeArchive = async () => {
  const from = page.getByRole('combobox', { name: 'From' });
  const firstMonth = await from.locator('option').first().getAttribute('value');
  await from.selectOption(firstMonth ?? '');
  const to = page.getByRole('combobox', { name: 'To' });
  const lastMonth = await to.locator('option').last().getAttribute('value');
  await to.selectOption(lastMonth ?? '');
};

/** The simulator's own totals over every line it serves. */
const simulatorNet = (): number =>
  Object.values(app.stats.perService).reduce((total, service) => total + parseMoney(service.net), 0);

describe('exports', () => {
  it('exports the workbook of the whole archive from the dialog: read back, its figures are the simulator’s', async () => {
    await chooseWholeArchive();
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('radio', { name: /Excel workbook/ }).isChecked()).resolves.toBe(true);
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^invoice-desk-export-[0-9-]+\.xlsx$/);
    await dialog
      .getByRole('status')
      .getByText(/The workbook is saved/)
      .waitFor({ timeout: 60_000 });

    const book = read(await bytesOf(file), { type: 'buffer', cellDates: true });
    expect(book.SheetNames.slice(0, 2)).toEqual(['Overview', 'Lines']);
    expect(book.SheetNames.slice(-3)).toEqual(['Invoices', 'Cost centre x month', 'Allocation journal']);

    const overview = table(book, 'Overview');
    const net = centimes(overview.find((row) => row[0] === 'Net (CHF)')?.[1]);
    expect(net).toBe(simulatorNet());
    expect(overview.find((row) => row[0] === 'Lines')?.[1]).toBe(app.stats.lines);
    expect(overview.find((row) => row[0] === 'Invoices')?.[1]).toBe(app.stats.invoices);

    // Every line, each once; the cost-centre table's grand total and the journal agree to the centime.
    const lines = table(book, 'Lines').slice(1);
    expect(lines).toHaveLength(app.stats.lines);
    expect(lines[0]?.[2]).toBeInstanceOf(Date);
    const grid = table(book, 'Cost centre x month');
    expect(centimes(grid.at(-1)?.at(-1))).toBe(net);
    const journal = table(book, 'Allocation journal').slice(1);
    expect(journal.reduce<number>((total, row) => total + centimes(row[5]), 0)).toBe(net);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('exports a SAP journal: KOSTL with leading zeros, and the same net', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog');
    // Keyboard only: the arrow moves to the journal, Tab reaches the layout.
    await dialog.getByRole('radio', { name: /Excel workbook/ }).press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: /Allocation journal/ }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('combobox', { name: 'Layout' }).selectOption('sap');
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    await dialog
      .getByRole('status')
      .getByText(/The journal is saved/)
      .waitFor();

    const text = (await bytesOf(file)).toString('utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const book = read(text, { type: 'string', FS: ';', raw: true });
    const rows = table(book, book.SheetNames[0] ?? '');
    expect(rows[0]).toEqual([
      'PERIOD',
      'KOSTL',
      'SERVICE',
      'NET_AMOUNT',
      'VAT_RATE',
      'VAT_AMOUNT',
      'GROSS_AMOUNT',
      'INVOICES',
    ]);
    const kostl = rows.slice(1).map((row) => row[1]);
    expect(
      kostl
        .filter((value) => typeof value === 'string' && value !== '')
        .every((value) => /^[0-9]{10}$|^[A-Z]/.test(String(value))),
    ).toBe(true);
    const net = rows.slice(1).reduce<number>((total, row) => total + centimes(row[3]), 0);
    // The page's period is still the whole archive.
    expect(net).toBe(simulatorNet());
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
