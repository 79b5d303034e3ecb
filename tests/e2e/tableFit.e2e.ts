import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../shared/i18n/catalogues';
import { languages, type Language } from '../../shared/i18n/languages';
import { startSyncedApp } from './appHarness';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;
let webUrl: string;

beforeAll(async () => {
  app = await startSyncedApp();
  ({ page } = app);
  webUrl = app.web.url;
}, 180_000);

afterAll(async () => {
  await app.close();
});

const viewports = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

interface TablePage {
  name: string;
  hash: () => string;
  grid: (language: Language) => string;
  /** Headers of the amount columns that must be shown, whole, at every size. */
  amounts: (language: Language) => string[];
}

let invoiceId = '';

const tablePages: TablePage[] = [
  {
    name: 'Invoices',
    hash: () => '#/invoices',
    grid: (language) => catalogues[language].invoices.tableLabel,
    amounts: (language) => [catalogues[language].invoices.columns.gross],
  },
  {
    name: 'Lines',
    hash: () => '#/lines',
    grid: (language) => catalogues[language].lines.tableLabel,
    amounts: (language) => [
      catalogues[language].invoice.columns.net,
      catalogues[language].invoice.columns.gross,
    ],
  },
  {
    name: 'invoice detail',
    hash: () => `#/invoices/${encodeURIComponent(invoiceId)}`,
    grid: (language) => catalogues[language].invoice.linesLabel.replace(/\{\{number\}\}.*$/, ''),
    amounts: (language) => [
      catalogues[language].invoice.columns.net,
      catalogues[language].invoice.columns.gross,
    ],
  },
  {
    name: 'Names',
    hash: () => '#/names',
    grid: (language) => catalogues[language].names.tableLabel,
    amounts: () => [],
  },
  {
    name: 'Cost centres',
    hash: () => '#/cost-centres',
    grid: (language) => catalogues[language].costCenterPage.tableLabel,
    amounts: (language) => [catalogues[language].costCenterPage.columns.budget],
  },
];

const setLanguage = async (language: Language) => {
  await page.evaluate((value) => localStorage.setItem('invoice-desk.language', value), language);
};

/** What the test measures on one page: page overflow, and each amount column's cells. */
const measure = (amountHeaders: string[]) =>
  page.evaluate((headers) => {
    const scrolling = document.scrollingElement;
    const main = document.querySelector('main');
    const grid = document.querySelector('[role="grid"]');
    const columns = headers.map((header) => {
      const cell = [...(grid?.querySelectorAll('[role="columnheader"]') ?? [])].find(
        (candidate) => candidate.getAttribute('title') === header,
      );
      const index = cell?.getAttribute('aria-colindex') ?? null;
      const cells =
        index === null
          ? []
          : [...(grid?.querySelectorAll(`[role="gridcell"][aria-colindex="${index}"]`) ?? [])];
      const gridBox = grid?.getBoundingClientRect();
      const bad = cells
        .filter((element) => {
          const box = element.getBoundingClientRect();
          // Rows scrolled out of the table's own view are not what the clerk sees.
          if (!gridBox || box.bottom > gridBox.bottom || box.top < gridBox.top) return false;
          return (
            element.scrollWidth > element.clientWidth ||
            box.left < 0 ||
            box.right > window.innerWidth ||
            box.right > gridBox.right
          );
        })
        .map((element) => `${element.textContent} (${element.scrollWidth} > ${element.clientWidth})`);
      return { header, shown: index !== null, cells: cells.length, bad };
    });
    return {
      pageOverflow: (scrolling?.scrollWidth ?? 0) - (scrolling?.clientWidth ?? 0),
      mainOverflow: (main?.scrollWidth ?? 0) - (main?.clientWidth ?? 0),
      columns,
    };
  }, amountHeaders);

describe('tables fit the window', () => {
  it('finds an invoice to open', async () => {
    await page.goto(`${webUrl}#/invoices`);
    const link = page.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1).getByRole('link');
    const href = (await link.getAttribute('href')) ?? '';
    invoiceId = decodeURIComponent(href.replace(/^#\/invoices\//, '').split('?')[0] ?? '');
    expect(invoiceId.length).toBeGreaterThan(0);
  });

  for (const viewport of viewports) {
    for (const language of languages) {
      it(`at ${viewport.width}x${viewport.height} in ${language}: no sideways scroll, amounts whole`, async () => {
        await page.setViewportSize(viewport);
        await setLanguage(language);
        for (const tablePage of tablePages) {
          await page.goto(`${webUrl}${tablePage.hash()}`);
          await page.reload();
          const grid = page.getByRole('grid', { name: tablePage.grid(language) });
          await grid.getByRole('row').nth(1).getByRole('gridcell').first().waitFor({ timeout: 30_000 });
          const result = await measure(tablePage.amounts(language));
          const where = `${tablePage.name} ${viewport.width} ${language}`;
          expect(result.pageOverflow, where).toBeLessThanOrEqual(0);
          expect(result.mainOverflow, where).toBeLessThanOrEqual(0);
          for (const column of result.columns) {
            expect(column.shown, `${where}: ${column.header} shown`).toBe(true);
            expect(column.cells, `${where}: ${column.header} cells`).toBeGreaterThan(0);
            expect(column.bad, `${where}: ${column.header} cut`).toEqual([]);
          }
        }
      });
    }
  }
});

describe('column choices', () => {
  const header = (name: string) =>
    page.getByRole('grid', { name: 'Invoices' }).getByRole('columnheader', { name, exact: true });
  const headerFacts = async (name: string) =>
    header(name).evaluate((element) => ({
      width: Math.round(element.getBoundingClientRect().width),
      index: Number(element.getAttribute('aria-colindex')),
    }));

  it('resizes and moves a column from the keyboard, remembers it across a reload, and resets', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await setLanguage('en');
    await page.goto(`${webUrl}#/invoices`);
    await page.reload();
    await page.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1).waitFor();
    const before = await headerFacts('Gross');

    const menu = page.getByText('Columns', { exact: true });
    await menu.focus();
    await page.keyboard.press('Enter');
    const wider = page.getByRole('button', { name: 'Make Gross wider' });
    await wider.focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Move Gross left' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    // Escape closed the menu and left the clerk on this page.
    await expect(wider.isVisible()).resolves.toBe(false);
    expect(page.url()).toContain('#/invoices');

    const after = await headerFacts('Gross');
    expect(after.width).toBe(before.width + 48);
    // One step left; a wider Gross may also leave out a column the window no longer holds.
    expect(after.index).toBeLessThan(before.index);

    await page.reload();
    await page.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1).waitFor();
    expect(await headerFacts('Gross')).toEqual(after);

    await menu.click();
    await page.getByRole('button', { name: 'Reset columns' }).click();
    expect(await headerFacts('Gross')).toEqual(before);
    await page.reload();
    await page.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1).waitFor();
    expect(await headerFacts('Gross')).toEqual(before);
  });

  it('resizes a column by dragging its edge and moves one by dragging its header', async () => {
    await page.goto(`${webUrl}#/invoices`);
    await page.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1).waitFor();
    const before = await headerFacts('Invoice reference');
    const handle = await page.locator('.vtable__resize[data-column="reference"]').boundingBox();
    if (!handle) throw new Error('no resize handle');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 60, handle.y + handle.height / 2, { steps: 5 });
    await page.mouse.up();
    const resized = await headerFacts('Invoice reference');
    // The pointer went from the handle's middle (3.5 px in) to 60 px right of its left edge.
    expect(Math.abs(resized.width - (before.width + 56.5))).toBeLessThanOrEqual(2);

    const status = await headerFacts('Status');
    await header('Status').dragTo(header('Number'));
    expect((await headerFacts('Status')).index).toBe(1);
    expect((await headerFacts('Number')).index).toBe(2);
    await page.reload();
    await page.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1).waitFor();
    expect((await headerFacts('Status')).index).toBe(1);
    expect(status.index).toBeGreaterThan(1);
    await page.getByText('Columns', { exact: true }).click();
    await page.getByRole('button', { name: 'Reset columns' }).click();
  });
});
