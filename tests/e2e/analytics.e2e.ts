import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncedApp } from './appHarness';

/**
 * The Analytics page against the demo archive: a period chosen through the controls, a bar, a
 * category and a table figure clicked, and the line explorer opened by each shows the same total
 * (the cost centre's charged share when the figure is one centre's), in net and in gross; the
 * selection survives a reload.
 */

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;

beforeAll(async () => {
  app = await startSyncedApp();
  page = app.page;
}, 180_000);

afterAll(async () => {
  await app.close();
});

const card = (name: string) => page.getByRole('region', { name, exact: true });
const crossTable = () => page.getByRole('table', { name: 'Cost centre by month' });

/** Every figure's link in a table, by its href: the amount it shows. */
const figuresOf = async (table: Locator): Promise<Map<string, string>> =>
  new Map(
    await table
      .locator('a[href^="#/lines"]')
      .evaluateAll((links) =>
        links.map((link) => [link.getAttribute('href') ?? '', link.textContent] as const),
      ),
  );

/** Clicks the largest bar of a chart: a thin segment may be under a pixel high. */
const clickLargestBar = async (chart: Locator) => {
  const bars = chart.locator('path.recharts-rectangle');
  await bars.first().waitFor();
  const areas = await bars.evaluateAll((paths) =>
    paths.map((path) => {
      const box = path.getBoundingClientRect();
      return box.width * box.height;
    }),
  );
  const largest = areas.indexOf(Math.max(...areas));
  if (largest === -1 || areas[largest] === 0) throw new Error('the chart shows no bar');
  await bars.nth(largest).click();
};

/** The charts follow a change of the selection one render after the tables: wait for them. */
const chartsCaughtUp = () =>
  page.waitForFunction(() => {
    const grid = document.querySelector('.analytics__grid');
    return grid !== null && grid.getAttribute('data-charted') === grid.getAttribute('data-chosen');
  });

const lineTotals = () => page.getByTestId('line-totals');

/** Waits until the explorer has counted its lines and returns what its totals say. */
const explorerTotals = async (): Promise<string> => {
  await page.getByRole('heading', { level: 1, name: 'Lines' }).waitFor();
  await lineTotals()
    .getByText(/^[\d’',]+ lines?$/)
    .waitFor({ timeout: 60_000 });
  return lineTotals().innerText();
};

/** The figure the explorer must show for `hash`: the charged share under a cost centre, else the lines' total. */
const expectExplorerShows = async (hash: string, amount: string, measure: 'net' | 'gross') => {
  const totals = await explorerTotals();
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  if (params.has('cc')) {
    expect(totals).toContain(
      measure === 'net' ? `Net charged to this cost centre: ${amount}` : `gross charged: ${amount}`,
    );
  } else {
    expect(totals).toContain(measure === 'net' ? `Net ${amount} ·` : `Gross ${amount}`);
  }
};

const openAnalytics = async (query = '') => {
  await page.goto(`${app.web.url}#/analytics${query}`);
  await crossTable().waitFor();
};

const currentHash = () => page.evaluate(() => window.location.hash);

describe('Analytics', () => {
  it('a bar chosen over a period opens the line explorer with the same total, net and gross', async () => {
    await openAnalytics();
    // A period through the controls: the last three stored months.
    const months = await page.getByRole('combobox', { name: /^From/ }).locator('option').allTextContents();
    expect(months.length).toBeGreaterThan(3);
    await page.getByRole('combobox', { name: /^From/ }).selectOption({ label: months.at(-3) ?? '' });
    await page.waitForFunction(() => window.location.hash.includes('from='));
    await expect.poll(async () => (await crossTable().locator('thead th').count()) - 2).toBe(3);

    const figures = await figuresOf(crossTable());
    await chartsCaughtUp();
    await clickLargestBar(card('Cost per month by cost centre'));
    await page.waitForFunction(() => window.location.hash.startsWith('#/lines'));
    const bar = await currentHash();
    expect(bar).toMatch(/cc=[^&]+&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
    const barFigure = figures.get(bar);
    expect(barFigure).toBeDefined();
    await expectExplorerShows(bar, barFigure ?? '', 'net');

    // Back to the page: the period is still chosen; now in gross.
    await page.goBack();
    await crossTable().waitFor();
    await expect.poll(async () => (await crossTable().locator('thead th').count()) - 2).toBe(3);
    await page.getByRole('radio', { name: 'Gross' }).check();
    await page.waitForFunction(() => window.location.hash.includes('m=gross'));
    await page.getByRole('region', { name: 'Gross cost per cost centre' }).waitFor();
    const grossFigures = await figuresOf(crossTable());
    await chartsCaughtUp();
    await clickLargestBar(card('Cost per month by cost centre'));
    await page.waitForFunction(() => window.location.hash.startsWith('#/lines'));
    const grossBar = await currentHash();
    await expectExplorerShows(grossBar, grossFigures.get(grossBar) ?? 'missing', 'gross');
  });

  it('a table figure, a month’s total and a service category open the lines they add up', async () => {
    await openAnalytics('?m=gross');
    const figures = await figuresOf(crossTable());
    // A cost centre's figure for one month, and one month's total over all centres.
    const cell = crossTable().locator('tbody a[href*="cc="]').first();
    const cellHref = (await cell.getAttribute('href')) ?? '';
    await cell.click();
    await expectExplorerShows(cellHref, figures.get(cellHref) ?? 'missing', 'gross');
    await page.goBack();
    await crossTable().waitFor();
    const column = crossTable().locator('tfoot a').first();
    const columnHref = (await column.getAttribute('href')) ?? '';
    await column.click();
    await expectExplorerShows(columnHref, figures.get(columnHref) ?? 'missing', 'gross');

    await page.goBack();
    await crossTable().waitFor();
    const categories = card('Cost per service category');
    const categoryFigures = await figuresOf(categories.getByRole('table'));
    await clickLargestBar(categories);
    await page.waitForFunction(() => window.location.hash.startsWith('#/lines'));
    const category = await currentHash();
    expect(category).toContain('svc=');
    await expectExplorerShows(category, categoryFigures.get(category) ?? 'missing', 'gross');
  });

  it('year to date against a year earlier, in VAT, survives a reload', async () => {
    await openAnalytics();
    await page.getByRole('combobox', { name: /^Months/ }).selectOption('ytd');
    await page.getByRole('checkbox', { name: 'Compare with the same period a year earlier' }).check();
    await page.getByRole('radio', { name: 'VAT' }).check();
    await page.waitForFunction(() => window.location.hash.includes('m=vat'));
    expect(await currentHash()).toBe('#/analytics?p=ytd&cmp=1&m=vat');
    const summary = await page.getByText(/^Showing .*, compared with .*\.$/).innerText();

    await page.reload();
    await crossTable().waitFor();
    await expect(page.getByRole('combobox', { name: /^Months/ }).inputValue()).resolves.toBe('ytd');
    await expect(
      page.getByRole('checkbox', { name: 'Compare with the same period a year earlier' }).isChecked(),
    ).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: 'VAT' }).isChecked()).resolves.toBe(true);
    await expect(page.getByText(/^Showing .*, compared with .*\.$/).innerText()).resolves.toBe(summary);
    await page.getByRole('region', { name: 'VAT per cost centre' }).waitFor();
  });

  it('copies a chart’s table as tab-separated plain amounts', async () => {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openAnalytics();
    const centres = page.getByRole('region', { name: 'Net cost per cost centre' });
    await centres.getByRole('button', { name: 'Copy table' }).click();
    await centres.getByText('Table copied.').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const rows = text.split('\n').map((row) => row.split('\t'));
    expect(rows[0]).toEqual(['Cost centre', 'Net', 'Share']);
    expect(rows.at(-2)?.[0]).toBe('Not charged to any cost centre');
    // Plain decimals, and the total is the sum of the rows to the centime.
    const centimes = (value: string) => Math.round(Number(value) * 100);
    for (const row of rows.slice(1)) expect(row[1]).toMatch(/^-?\d+\.\d{2}$/);
    const body = rows.slice(1, -1).reduce((sum, row) => sum + centimes(row[1] ?? ''), 0);
    expect(centimes(rows.at(-1)?.[1] ?? '')).toBe(body);
  });

  it('saves a chart as a PNG through the platform', async () => {
    await openAnalytics('?cmp=1');
    const trend = page.getByRole('region', { name: 'Trend of a cost centre against the year before' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      trend.getByRole('button', { name: 'Save as PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Trend of a cost centre against the year before.png');
    const bytes = await readFile(await download.path());
    // The PNG signature, then the IHDR chunk: width and height at twice the chart's size.
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const chartWidth = (await trend.locator('svg.recharts-surface').boundingBox())?.width ?? 0;
    expect(Math.abs(bytes.readUInt32BE(16) - (chartWidth + 32) * 2)).toBeLessThanOrEqual(2);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(400);
    await trend.getByText('Picture saved.').waitFor();
  });

  it('works from the keyboard: amounts by arrows, a hidden table shown when its figures get the focus', async () => {
    await openAnalytics();
    await page.getByRole('radio', { name: 'Net' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.location.hash.includes('m=vat'));
    await page.getByRole('region', { name: 'VAT per cost centre' }).waitFor();

    const categories = card('Cost per service category');
    const show = categories.getByRole('button', { name: 'Show table' });
    // The table is there for screen readers while hidden, and shows itself to the keyboard.
    await categories.getByRole('button', { name: 'Save as PNG' }).focus();
    await page.keyboard.press('Tab');
    const focused = categories.locator('table a:focus');
    await focused.waitFor();
    expect((await focused.boundingBox())?.height ?? 0).toBeGreaterThan(8);
    await show.focus();
    await page.keyboard.press('Enter');
    await categories.getByRole('button', { name: 'Hide table' }).waitFor();
    expect(await categories.getByRole('button', { name: 'Hide table' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect((await categories.getByRole('table').boundingBox())?.height ?? 0).toBeGreaterThan(40);
  });
});
