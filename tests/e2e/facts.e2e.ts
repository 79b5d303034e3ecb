import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Assignment,
  CostCenter,
  Customer,
  Invoice,
  LineItem,
  Preferences,
} from '../../shared/api/schemas';
import { formatChf, formatDate, formatPercent } from '../../shared/core/format';
import { parseMoney, parseVatRate } from '../../shared/core/money';
import { connectOperator, startSyncedApp, type Operator } from './appHarness';

/**
 * Facts the operator sends that the app used to hide: each page is checked against what the
 * simulator serves over its own API, read here independently of the app.
 */

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;
let webUrl: string;
let operator: Operator;

beforeAll(async () => {
  app = await startSyncedApp();
  page = app.page;
  webUrl = app.web.url;
  operator = await connectOperator(app.sim.url);
}, 180_000);

afterAll(async () => {
  await app.close();
});

/** The operator's net over every line it serves, from the simulator's own per-service sums. */
const operatorNet = () =>
  Object.values(app.stats.perService).reduce((sum, entry) => sum + parseMoney(entry.net), 0);

const cellsOf = async (table: ReturnType<Page['getByRole']>) =>
  table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim())),
    );

describe('facts the operator sends', () => {
  it('the Cost centres page lists every synced cost centre and assignment', async () => {
    const { items: centers } = await operator.get<{ items: CostCenter[] }>('/v1/cost-centers');
    const { items: assignments } = await operator.get<{ items: Assignment[] }>('/v1/cost-center-assignments');
    expect(centers.length).toBeGreaterThan(0);
    expect(assignments.length).toBeGreaterThan(0);

    await page.goto(`${webUrl}#/cost-centres`);
    const grid = page.getByRole('grid', { name: 'Cost centres' });
    const row = (code: string) =>
      grid
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: `Edit cost centre ${code}`, exact: true }) });
    await grid.getByRole('row').nth(1).waitFor();
    // Every synced cost centre, none more (the header row is the first).
    expect(await grid.getByRole('row').count()).toBe(centers.length + 1);
    for (const center of centers) {
      await row(center.code).getByText(center.name, { exact: true }).waitFor();
      expect(
        await row(center.code)
          .getByRole('checkbox', { name: `Active: cost centre ${center.code}` })
          .isChecked(),
      ).toBe(center.active);
      if (center.monthlyBudget)
        await row(center.code)
          .getByText(formatChf(parseMoney(center.monthlyBudget), 'en'), { exact: true })
          .waitFor();
    }

    await page.getByText(`${assignments.length} assignments`).click();
    const assignmentTable = page.getByRole('table', { name: `${assignments.length} assignments` });
    const assignmentRows = await cellsOf(assignmentTable);
    expect(assignmentRows).toHaveLength(assignments.length);
    const kindWords = {
      frankingLicence: 'Franking licence',
      invoiceReference: 'Invoice reference',
      service: 'Service',
    };
    for (const assignment of assignments) {
      const row = assignmentRows.find((cells) => cells[1]?.startsWith(assignment.key));
      expect(row?.[0]).toBe(kindWords[assignment.kind]);
      for (const split of assignment.splits) {
        const name = centers.find((center) => center.code === split.costCenterCode)?.name ?? '';
        expect(row?.[2]).toContain(`${split.percent}% to ${split.costCenterCode} ${name}`);
      }
      expect(row?.[3]).toBe(
        assignment.validFrom && !assignment.validTo
          ? `From ${formatDate(assignment.validFrom, 'en')}`
          : !assignment.validFrom && !assignment.validTo
            ? 'Without limit'
            : row?.[3],
      );
    }
    // The customer has the option: the clerk may add cost centres.
    await page.getByRole('button', { name: 'New cost centre…' }).waitFor();
  });

  it('Analytics shows the cost per cost centre; over all months the total is the operator’s net to the centime', async () => {
    const { items: centers } = await operator.get<{ items: CostCenter[] }>('/v1/cost-centers');
    await page.goto(`${webUrl}#/analytics`);
    const table = page.getByRole('table', { name: 'Net cost per cost centre' });
    await table.waitFor();
    const total = formatChf(operatorNet(), 'en');
    await expect(page.getByTestId('analytics-total').innerText()).resolves.toBe(total);
    const rows = await cellsOf(table);
    const amounts = rows.map((row) => row[1] ?? '');
    // The rows add up to the total: parse the amounts the page shows back to centimes.
    const centimes = (text: string) => parseMoney(text.replace(/[^0-9.-]/g, ''));
    expect(amounts.reduce((sum, text) => sum + centimes(text), 0)).toBe(operatorNet());
    expect(rows.at(-1)?.[0]).toBe('Not charged to any cost centre');
    for (const row of rows.slice(0, -1)) {
      const code = row[0]?.split(' ')[0];
      expect(centers.some((center) => center.code === code && row[0] === `${code} ${center.name}`)).toBe(
        true,
      );
    }
    // A shorter period costs less, and its link to the lines carries that period.
    const months = await page.getByLabel('From').locator('option').allTextContents();
    expect(months.length).toBeGreaterThan(2);
    await page.getByLabel('From').selectOption({ index: months.length - 1 });
    await page.waitForFunction(
      (previous) => document.querySelector('[data-testid="analytics-total"]')?.textContent !== previous,
      total,
    );
    const href = await table.getByRole('link').first().getAttribute('href');
    expect(href).toMatch(/#\/lines\?cc=[^&]+&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
  });

  it('Invoices and the invoice detail show debtor names and the operator’s reference labels', async () => {
    const customer = await operator.get<Customer>('/v1/customer');
    const debtor = customer.debtors.find((entry) =>
      entry.invoiceReferences.some((reference) => reference.label),
    );
    expect(debtor).toBeDefined();
    const { items: feed } = await operator.get<{ items: Invoice[] }>('/v1/invoices?limit=500');
    const invoice = feed.find((entry) => entry.debtorNumber === debtor?.number && entry.type === 'invoice');
    expect(invoice).toBeDefined();
    if (!invoice || !debtor) return;

    await page.goto(`${webUrl}#/invoices?q=${invoice.number}`);
    const grid = page.getByRole('grid', { name: 'Invoices' });
    const row = grid.getByRole('row').filter({ hasText: invoice.number });
    await row.first().waitFor();
    await row.first().getByText(`${invoice.debtorNumber} · ${debtor.name}`).waitFor();
    const reference = debtor.invoiceReferences.find((entry) => entry.number === invoice.invoiceReference);
    const referenceCell = row.first().getByText(new RegExp(`^${invoice.invoiceReference} · `));
    await referenceCell.waitFor();
    expect(await referenceCell.innerText()).not.toBe(invoice.invoiceReference);

    await page.goto(`${webUrl}#/invoices/${encodeURIComponent(invoice.id)}`);
    const details = page.getByRole('region', { name: 'Invoice details' });
    await details.getByText(`${invoice.debtorNumber} · ${debtor.name}`).waitFor();
    if (reference?.label) await expect(details.innerText()).resolves.toContain(reference.label);
  });

  it('the invoice detail shows the VAT per rate of the operator’s lines and reconciles them with figures', async () => {
    const { items: feed } = await operator.get<{ items: Invoice[] }>('/v1/invoices?limit=500');
    // An invoice with a few hundred lines is enough, as long as it has more than one rate.
    let chosen: { invoice: Invoice; lines: LineItem[] } | undefined;
    for (const invoice of [...feed].sort((a, b) => a.lineCount - b.lineCount)) {
      if (invoice.lineCount < 20) continue;
      const lines = await operator.linesOf(invoice.id);
      if (new Set(lines.map((line) => line.vatRate)).size > 1) {
        chosen = { invoice, lines };
        break;
      }
    }
    expect(chosen).toBeDefined();
    if (!chosen) return;
    const perRate = new Map<number, { lines: number; net: number; vat: number }>();
    for (const line of chosen.lines) {
      const rate = parseVatRate(line.vatRate);
      const entry = perRate.get(rate) ?? { lines: 0, net: 0, vat: 0 };
      entry.lines += 1;
      entry.net += parseMoney(line.netAmount);
      entry.vat += parseMoney(line.vatAmount);
      perRate.set(rate, entry);
    }
    const expected = [...perRate.entries()]
      .sort(([a], [b]) => a - b)
      .map(([rate, entry]) => [
        formatPercent(rate / 10_000, 'en', 1),
        String(entry.lines),
        formatChf(entry.net, 'en'),
        formatChf(entry.vat, 'en'),
        formatChf(entry.net + entry.vat, 'en'),
      ]);

    await page.goto(`${webUrl}#/invoices/${encodeURIComponent(chosen.invoice.id)}`);
    const vatTable = page.getByRole('table', { name: 'VAT summary' });
    await vatTable.waitFor();
    // The page may still show the invoice an earlier test opened until this one's rows arrive.
    await expect.poll(() => cellsOf(vatTable), { timeout: 15_000 }).toEqual(expected);

    const figures = page.getByRole('table', { name: 'Lines compared with the invoice totals' });
    const zero = formatChf(0, 'en');
    await expect
      .poll(() => cellsOf(figures), { timeout: 15_000 })
      .toEqual([
        [
          'Net',
          formatChf(parseMoney(chosen.invoice.netTotal), 'en'),
          formatChf(parseMoney(chosen.invoice.netTotal), 'en'),
          zero,
        ],
        [
          'VAT',
          formatChf(parseMoney(chosen.invoice.vatTotal), 'en'),
          formatChf(parseMoney(chosen.invoice.vatTotal), 'en'),
          zero,
        ],
        [
          'Gross',
          formatChf(parseMoney(chosen.invoice.grossTotal), 'en'),
          formatChf(parseMoney(chosen.invoice.grossTotal), 'en'),
          zero,
        ],
      ]);
    await page.getByRole('status').filter({ hasText: 'The lines add up to the invoice totals.' }).waitFor();
  });

  it('Settings shows the operator’s notification and paper preferences in words', async () => {
    const preferences = await operator.get<Preferences>('/v1/preferences');
    await page.goto(`${webUrl}#/settings`);
    const panel = page.getByRole('region', { name: 'Notifications and paper' });
    await panel.waitFor();
    const checked = (name: string) => panel.getByRole('checkbox', { name, exact: true }).isChecked();
    expect(await checked('E-mail when a new document is available')).toBe(
      preferences.notifications.newDocuments,
    );
    expect(await checked('Payment reminders by e-mail')).toBe(preferences.notifications.paymentReminders);
    expect(await checked('Invoice also by post')).toBe(preferences.paper.invoiceByPost);
    expect(await checked('Detailed statement by post')).toBe(preferences.paper.detailedStatementByPost);
    const addresses = await panel.getByRole('textbox', { name: /^E-mail address \d$/ }).all();
    expect(await Promise.all(addresses.map((input) => input.inputValue()))).toEqual(
      preferences.notifications.emails,
    );
    expect(await panel.innerText()).not.toMatch(/true|false|newDocuments|invoiceByPost/);
  });
});
