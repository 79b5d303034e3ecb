import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice, InvoiceFeedPage, Preferences } from '../../shared/api/schemas';
import { formatChf, formatFixed, formatInteger, formatMonth } from '../../shared/core/format';
import {
  paperlessSavings,
  pdfPageCount,
  type InvoiceForSavings,
  type PaperCost,
  type PeriodSavings,
} from '../../shared/preferences/savings';
import { allowPageProblems } from './browser';
import { connectOperator, startSyncedApp, type Operator, type Page } from './appHarness';

/** Every invoice the operator serves, each with its PDF's pages: what the synced archive holds. */
const operatorInvoices = async (operator: Operator): Promise<InvoiceForSavings[]> => {
  const invoices = new Map<string, Invoice>();
  let since: string | null = '';
  while (since !== null) {
    const query: string = since ? `&since=${encodeURIComponent(since)}` : '';
    const feed: InvoiceFeedPage = await operator.get(`/v1/invoices?limit=500${query}`);
    for (const invoice of feed.items) invoices.set(invoice.id, invoice);
    since = feed.next;
  }
  return Promise.all(
    [...invoices.values()].map(async (invoice) => ({
      issueDate: invoice.issueDate,
      pages: pdfPageCount(await operator.bytes(`/v1/invoices/${encodeURIComponent(invoice.id)}/document`)),
    })),
  );
};

const kilograms = (value: number) => `${formatFixed(value, 'en', 2)} kg`;

/** One row of the savings table as the page must show it (en). */
const expectedRow = (label: string, period: PeriodSavings, cost: PaperCost): string[] => [
  label,
  formatInteger(period.letters, 'en'),
  formatInteger(period.sheets, 'en'),
  cost.lowCentimes === cost.highCentimes
    ? formatChf(period.lowCentimes, 'en')
    : `${formatChf(period.lowCentimes, 'en')} to ${formatChf(period.highCentimes, 'en')}`,
  kilograms(period.paperTenthMilligrams / 10_000_000),
  kilograms(period.co2Grams / 1000),
];

const expectedRows = (invoices: InvoiceForSavings[], cost: PaperCost): string[][] => {
  const savings = paperlessSavings(invoices, cost);
  const last12 = savings.last12Months;
  if (!last12) throw new Error('The demo archive has no invoices');
  return [
    expectedRow(
      `Last 12 months (${formatMonth(last12.fromMonth, 'en', 'long')} – ${formatMonth(last12.toMonth, 'en', 'long')})`,
      last12,
      cost,
    ),
    ...[...savings.years].reverse().map((year) => expectedRow(year.year, year, cost)),
  ];
};

const shownRows = (page: Page) =>
  page
    .getByRole('table', { name: 'Savings per period' })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim())),
    );

describe('preferences and paperless savings in Settings', () => {
  let app: Awaited<ReturnType<typeof startSyncedApp>>;
  let operator: Operator;
  let invoices: InvoiceForSavings[];

  beforeAll(async () => {
    app = await startSyncedApp();
    operator = await connectOperator(app.sim.url);
    invoices = await operatorInvoices(operator);
  }, 240_000);

  afterAll(async () => {
    await app.close();
  });

  const panel = () => app.page.getByRole('region', { name: 'Notifications and paper' });

  /** Waits until the operator has preferences that `predicate` accepts, and returns them. */
  const operatorHas = async (predicate: (preferences: Preferences) => boolean): Promise<Preferences> => {
    for (let i = 0; i < 120; i += 1) {
      const preferences = await operator.get<Preferences>('/v1/preferences');
      if (predicate(preferences)) return preferences;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('The operator never got the edit');
  };

  it('edits notifications, addresses and paper; a bad address is refused with its message; the sync pushes it', async () => {
    const { page, web } = app;
    const before = await operator.get<Preferences>('/v1/preferences');
    await page.goto(`${web.url}#/settings`);
    await panel().waitFor();

    const reminders = panel().getByRole('checkbox', { name: 'Payment reminders by e-mail' });
    expect(await reminders.isChecked()).toBe(before.notifications.paymentReminders);
    await reminders.setChecked(!before.notifications.paymentReminders);
    await panel().getByRole('button', { name: 'Add address' }).click();
    const added = panel().getByRole('textbox', {
      name: `E-mail address ${before.notifications.emails.length + 1}`,
    });
    // "Add" puts the caret into the new row.
    await expect.poll(() => added.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('buchhaltung@');
    await page.keyboard.press('Tab');
    const message = `E-mail address ${before.notifications.emails.length + 1}: “buchhaltung@” is not a valid e-mail address.`;
    await panel().getByText(message).waitFor();
    expect(await added.getAttribute('aria-invalid')).toBe('true');

    await panel().getByRole('button', { name: 'Save preferences' }).click();
    await panel()
      .getByRole('alert')
      .filter({ hasText: 'Correct the marked addresses before saving.' })
      .waitFor();
    expect(await operator.get<Preferences>('/v1/preferences')).toEqual(before);

    await added.fill('buchhaltung@example.ch');
    expect(await panel().getByText(message).count()).toBe(0);
    await panel().getByRole('checkbox', { name: 'Invoice also by post' }).check();
    await panel().getByRole('button', { name: 'Save preferences' }).click();
    await panel().getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();

    const after = await operatorHas((preferences) => preferences.paper.invoiceByPost);
    expect(after).toEqual({
      notifications: {
        newDocuments: before.notifications.newDocuments,
        paymentReminders: !before.notifications.paymentReminders,
        emails: [...before.notifications.emails, 'buchhaltung@example.ch'],
      },
      paper: { invoiceByPost: true, detailedStatementByPost: before.paper.detailedStatementByPost },
    });
    // Pushed: nothing waits any more.
    await expect
      .poll(() => panel().getByText('Your change waits to be sent').count(), { timeout: 30_000 })
      .toBe(0);
  });

  it('while paper comes by post, says what switching would save: the figures of the synced invoices', async () => {
    const { page } = app;
    await panel().getByText('You still receive paper by post. Switching paper off would save:').waitFor();
    await expect
      .poll(() => shownRows(page), { timeout: 30_000 })
      .toEqual(expectedRows(invoices, { lowCentimes: 900, highCentimes: 1500 }));
    // Every demo PDF is cached and its pages read: no invoice counts the assumed sheets.
    expect(await panel().getByText('Invoices without a PDF in the archive').count()).toBe(0);

    await panel().getByRole('textbox', { name: 'From (CHF)' }).fill('12.35');
    await panel().getByRole('textbox', { name: 'To (CHF)' }).fill('12.35');
    await panel().getByRole('button', { name: 'Apply', exact: true }).click();
    await expect
      .poll(() => shownRows(page))
      .toEqual(expectedRows(invoices, { lowCentimes: 1235, highCentimes: 1235 }));
    await panel().getByRole('button', { name: 'Back to the default' }).click();
  });

  it('with paper off, shows what it saves; a 412 becomes a conflict the panel puts in words, settled by keep mine', async () => {
    const { page, sim } = app;
    // The browser logs the operator's 412 itself; the app turns it into the conflict asserted below.
    allowPageProblems(/status of 412 \(Precondition Failed\) \(http:\/\/127\.0\.0\.1:\d+\/v1\/preferences:/);
    const other = await fetch(`${sim.url}/__sim/other-user-edit`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'preferences' }),
    });
    expect(other.status).toBe(200);
    const theirs = (await other.json()) as Preferences;

    await panel().getByRole('checkbox', { name: 'Invoice also by post' }).uncheck();
    await panel().getByRole('checkbox', { name: 'Detailed statement by post' }).uncheck();
    await panel().getByRole('button', { name: 'Save preferences' }).click();
    await panel()
      .getByText('Another user changed these preferences at the operator before your change arrived.', {
        exact: false,
      })
      .waitFor({ timeout: 30_000 });
    await panel().getByRole('button', { name: 'Keep my preferences' }).click();

    const mine = await operatorHas((preferences) => !preferences.paper.invoiceByPost);
    expect(mine.paper).toEqual({ invoiceByPost: false, detailedStatementByPost: false });
    // Mine was written over theirs: the notifications are the ones the clerk saw when saving.
    expect(mine.notifications.paymentReminders).not.toBe(theirs.notifications.paymentReminders);
    await panel()
      .getByText('You receive your invoices by e-mail only. Compared with paper by post, this saves:')
      .waitFor({ timeout: 30_000 });
    expect(await shownRows(page)).toEqual(expectedRows(invoices, { lowCentimes: 900, highCentimes: 1500 }));
  });
});
