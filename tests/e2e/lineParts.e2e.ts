import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateLine } from '../../shared/allocation';
import type { Assignment, Invoice, LineItem } from '../../shared/api/schemas';
import { formatAmount, formatChf, formatDate, formatInteger } from '../../shared/core/format';
import { connectOperator, startSyncedApp, type Operator } from './appHarness';

/**
 * The line explorer charges each line as the allocation engine does: its total for a cost centre
 * equals the sum computed here from the simulator's own lines and assignments, fetched over HTTP and
 * allocated with allocateLine; a split line shows both parts, their amounts and why.
 */

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;
let operator: Operator;
let lines: Array<{ invoice: Invoice; line: LineItem }>;
let assignments: Assignment[];

/** Every invoice of the operator's feed (which may repeat an item across pages: kept once, the latest). */
const allInvoices = async (): Promise<Invoice[]> => {
  const invoices = new Map<string, Invoice>();
  let since: string | null = '';
  while (since !== null) {
    const query: string = since ? `&since=${encodeURIComponent(since)}` : '';
    const lot: { items: Invoice[]; next: string | null } = await operator.get(
      `/v1/invoices?limit=100${query}`,
    );
    for (const invoice of lot.items) invoices.set(invoice.id, invoice);
    since = lot.next;
  }
  return [...invoices.values()];
};

beforeAll(async () => {
  app = await startSyncedApp();
  page = app.page;
  operator = await connectOperator(app.sim.url);
  ({ items: assignments } = await operator.get<{ items: Assignment[] }>('/v1/cost-center-assignments'));
  const invoices = await allInvoices();
  lines = (
    await Promise.all(
      invoices.map(async (invoice) =>
        (await operator.linesOf(invoice.id)).map((line) => ({ invoice, line })),
      ),
    )
  ).flat();
  expect(lines).toHaveLength(app.stats.lines);
}, 180_000);

afterAll(async () => {
  await app.close();
});

/** The split assignment of the seed's data: the one the explorer must show in two parts. */
const splitAssignment = () => {
  const split = assignments.find((assignment) => assignment.splits.length > 1);
  if (!split) throw new Error('The simulator serves no split assignment');
  return split;
};

const lineTotals = () => page.getByTestId('line-totals');
const grid = () => page.getByRole('grid', { name: 'Lines' });

describe('the line explorer charges cost centres as the engine does', () => {
  it('its charged total for a cost centre with a split equals allocateLine over the operator’s lines', async () => {
    const centre = splitAssignment().splits[1]?.costCenterCode ?? '';
    let count = 0;
    let charged = 0;
    for (const { line } of lines) {
      const parts = allocateLine(line, assignments).filter((part) => part.costCenterCode === centre);
      if (parts.length === 0) continue;
      count += 1;
      charged += parts.reduce((sum, part) => sum + part.netCentimes, 0);
    }
    expect(count).toBeGreaterThan(0);

    await page.goto(`${app.web.url}#/lines?cc=${encodeURIComponent(centre)}`);
    await lineTotals()
      .getByText(`${formatInteger(count, 'en')} ${count === 1 ? 'line' : 'lines'}`, { exact: true })
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(() => lineTotals().innerText())
      .toContain(`Net charged to this cost centre: ${formatChf(charged, 'en')}`);
    // Each listed line shows its share in its own column.
    await grid().getByRole('columnheader', { name: 'Charged net' }).waitFor();
  });

  it('a split line shows both parts, their amounts and why, opened and closed by keyboard', async () => {
    const split = splitAssignment();
    const [first, second] = split.splits;
    const centre = second?.costCenterCode ?? '';
    await page.goto(
      `${app.web.url}#/lines?cc=${encodeURIComponent(centre)}&ref=${encodeURIComponent(split.key)}`,
    );
    const table = grid();
    await table.getByRole('row').nth(1).getByRole('gridcell').first().waitFor({ timeout: 30_000 });
    const partsButton = table.getByRole('button', { name: /^Cost-centre parts of line/ }).first();
    const label = (await partsButton.getAttribute('aria-label')) ?? '';
    expect(label).toContain(`${first?.costCenterCode} ${first?.percent}% · ${centre} ${second?.percent}%`);

    // The keyboard's way: into the grid, across to the cost-centre cell, Enter.
    const headers = await table.getByRole('columnheader').allInnerTexts();
    const column = headers.findIndex((text) => text.trim() === 'Cost centre');
    expect(column).toBeGreaterThan(0);
    await table.focus();
    for (let step = 0; step < column; step += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');

    const panel = page.getByRole('region', { name: /^Line \d+ of invoice \d+$/ });
    await panel.waitFor();
    const title = (await panel.getByRole('heading').innerText()).match(/^Line (\d+) of invoice (\d+)$/);
    expect(await panel.getByRole('heading').evaluate((heading) => heading === document.activeElement)).toBe(
      true,
    );
    if (!title) throw new Error('The parts panel names no line');
    const [, lineNo, invoiceNumber] = title;
    const found = lines.find(
      ({ invoice, line }) => invoice.number === invoiceNumber && String(line.lineNo) === lineNo,
    );
    if (!found) throw new Error(`No operator line for ${title[0]}`);
    const parts = allocateLine(found.line, assignments);
    expect(parts.map((part) => part.costCenterCode)).toEqual(
      split.splits.map((entry) => entry.costCenterCode),
    );
    const rows = await panel
      .getByRole('table')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent.trim())),
      );
    expect(rows).toHaveLength(2);
    parts.forEach((part, at) => {
      const row = rows[at] ?? [];
      expect(row[0]).toContain(part.costCenterCode ?? '');
      expect(row[1]).toBe(`${part.percent}%`);
      expect(row[2]).toBe(formatAmount(part.netCentimes, 'en'));
      expect(row[3]).toBe(formatAmount(part.vatCentimes, 'en'));
      const validity = split.validFrom ? `valid from ${formatDate(split.validFrom, 'en')}` : 'no time limit';
      expect(row[5]).toMatch(
        new RegExp(`^Reference ${split.key}( \\(.+\\))?, ${part.percent}% of the split, `),
      );
      expect(row[5]?.endsWith(validity)).toBe(true);
    });
    // Its share of the chosen centre is the line's charged figure in the table.
    expect(await table.getByRole('row').nth(1).innerText()).toContain(
      formatAmount(parts[1]?.netCentimes ?? 0, 'en'),
    );

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await table.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});
