import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, utils } from 'xlsx';
import type { Invoice } from '../../shared/api/schemas';
import { formatAmount, formatInteger } from '../../shared/core/format';
import { parseMoney } from '../../shared/core/money';
import { presetRange } from '../../shared/core/periods';
import { startSyncedApp } from './appHarness';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let web: typeof app.web;
let sim: typeof app.sim;
let page: Page;
let stats: typeof app.stats;
let invoices: Invoice[];
const errors: string[] = [];

/** Every invoice the simulator serves, read over its API as the app reads it. */
const fetchInvoices = async (): Promise<Invoice[]> => {
  const token = (await (
    await fetch(`${sim.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'demo',
        client_secret: 'demo-secret',
      }),
    })
  ).json()) as { access_token: string };
  const all: Invoice[] = [];
  let next: string | null = '/v1/invoices?limit=500';
  while (next) {
    const body = (await (
      await fetch(new URL(next, sim.url), { headers: { authorization: `Bearer ${token.access_token}` } })
    ).json()) as { items: Invoice[]; next: string | null };
    all.push(...body.items);
    next = body.next;
  }
  return all;
};

beforeAll(async () => {
  app = await startSyncedApp();
  ({ web, sim, page, stats } = app);
  page.on('pageerror', (error) => errors.push(error.message));
  invoices = await fetchInvoices();
  // The presets count from this day, whatever the machine's clock says.
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
}, 180_000);

afterAll(async () => {
  await app.close();
});

const invoiceGrid = () => page.getByRole('grid', { name: 'Invoices' });
const lineGrid = () => page.getByRole('grid', { name: 'Lines' });
const rowCount = async (grid = invoiceGrid()) => Number(await grid.getAttribute('aria-rowcount')) - 1;
/** Waits until the grid shows `expected` rows (the filter ran). */
const waitForRows = async (expected: number, grid = invoiceGrid()) => {
  await grid.waitFor();
  await expect.poll(() => rowCount(grid), { timeout: 20_000 }).toBe(expected);
};
const openInvoices = async (query = '') => {
  await page.goto(`${web.url}#/invoices${query ? `?${query}` : ''}`);
  await invoiceGrid().waitFor();
};
const search = async (text: string) => {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill(text);
};
/** Numbers of the invoices in the grid (all rows, by scrolling the virtual list not needed for few). */
const shownNumbers = async () => {
  const cells = invoiceGrid().getByRole('row').locator('[role="gridcell"]:first-child');
  return (await cells.allInnerTexts()).map((text) => text.trim());
};
const count = (predicate: (invoice: Invoice) => boolean) => invoices.filter(predicate).length;

describe('lists a clerk works in', () => {
  it('filters invoices by several statuses at once, kept in the URL', async () => {
    await openInvoices();
    await waitForRows(invoices.length);
    await page.getByRole('button', { name: /^Status / }).click();
    await page.getByRole('checkbox', { name: 'Open' }).check();
    // At once, before the URL has the first: the second tick adds to it (it used to replace it).
    await page.getByRole('checkbox', { name: 'Overdue' }).check();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.location.hash.includes('status=open&status=overdue'));
    const expected = count((invoice) => invoice.status === 'open' || invoice.status === 'overdue');
    expect(expected).toBeGreaterThan(count((invoice) => invoice.status === 'open'));
    await waitForRows(expected);
    expect(await page.getByRole('button', { name: /^Status / }).innerText()).toContain('Open, Overdue');
    await page.reload();
    await waitForRows(expected);
  });

  it('takes a period preset counted from today, and shows it in the app language', async () => {
    await openInvoices();
    await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Last quarter' });
    const range = presetRange('lastQuarter', '2026-11-22');
    expect(range).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    await page.waitForFunction(
      (expected) => window.location.hash.includes(`from=${expected.from}&to=${expected.to}`),
      range,
    );
    await waitForRows(count((invoice) => invoice.periodEnd >= range.from && invoice.periodStart <= range.to));
    // en-CH, not the browser's en-US ("7/1/2026").
    const from = page.getByRole('group', { name: 'Period from' });
    expect((await from.locator('.date-field__input').innerText()).replace(/\s/g, '')).toBe('01.07.2026');

    await page.goto(`${web.url}#/settings`);
    await page.getByLabel('Language').selectOption('de');
    try {
      await page.goto(`${web.url}#/invoices?from=2026-07-01&to=2026-09-30`);
      const von = page.getByRole('group', { name: 'Zeitraum von' });
      await von.waitFor();
      expect((await von.locator('.date-field__input').innerText()).replace(/\s/g, '')).toBe('01.07.2026');
      expect(await page.getByLabel('Zeitraum', { exact: true }).inputValue()).toBe('lastQuarter');
    } finally {
      await page.goto(`${web.url}#/settings`);
      await page.getByLabel('Sprache').selectOption('en');
    }
  });

  it('types a date in the app locale and says why a reversed period finds nothing', async () => {
    await openInvoices('to=2026-03-31');
    const from = page.getByRole('group', { name: 'Period from' });
    // Segment by segment, as a clerk types: each segment takes its digits, then the next one.
    const segments = from.getByRole('spinbutton');
    await segments.first().waitFor();
    await segments.nth(0).pressSequentially('01', { delay: 30 });
    await segments.nth(1).pressSequentially('05', { delay: 30 });
    await segments.nth(2).pressSequentially('2026', { delay: 30 });
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.location.hash.includes('from=2026-05-01'));
    await waitForRows(0);
    const notice = page.getByRole('status').filter({ hasText: 'The start date is after the end date' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Swap the dates' }).click();
    await page.waitForFunction(() => window.location.hash.includes('from=2026-03-31&to=2026-05-01'));
    await waitForRows(
      count((invoice) => invoice.periodEnd >= '2026-03-31' && invoice.periodStart <= '2026-05-01'),
    );
  });

  it('finds an invoice by number, by its QR reference typed or pasted with spaces, and by amount', async () => {
    const target = invoices.find((invoice) => invoice.qrReference && invoice.type === 'invoice');
    expect(target).toBeDefined();
    const invoice = target!;
    await openInvoices();
    await search(invoice.number);
    await waitForRows(1);
    expect(await shownNumbers()).toContain(invoice.number);

    // As printed on the slip: groups of five after the first two digits.
    const qr = invoice.qrReference ?? '';
    const spaced = `${qr.slice(0, 2)} ${qr.slice(2).replace(/(\d{5})(?=\d)/g, '$1 ')}`;
    for (const typed of [qr, spaced]) {
      await search(typed);
      await waitForRows(
        count((other) => (other.qrReference ?? '').includes(qr) || other.number.includes(qr)),
      );
      expect(await shownNumbers()).toContain(invoice.number);
    }
    // Pasted, not typed: the text goes through the real clipboard and Ctrl+V.
    await search('');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    await page.evaluate((text) => navigator.clipboard.writeText(text), spaced);
    await page.getByRole('searchbox', { name: 'Search' }).focus();
    await page.keyboard.press('Control+V');
    await page.waitForFunction(
      (expected) => decodeURIComponent(window.location.hash).replace(/\+/g, ' ').includes(expected),
      spaced,
    );
    expect(await shownNumbers()).toContain(invoice.number);

    const gross = parseMoney(invoice.grossTotal);
    const sameAmount = count((other) =>
      [other.grossTotal, other.netTotal, other.vatTotal].some(
        (value) => Math.abs(parseMoney(value)) === gross,
      ),
    );
    const whole = Math.trunc(gross / 100);
    const cents = String(gross % 100).padStart(2, '0');
    for (const typed of [
      `${whole.toLocaleString('de-CH').replace(/[’']/g, "'")}.${cents}`,
      `${whole}.${cents}`,
      `${whole},${cents}`,
    ]) {
      await search(typed);
      await expect.poll(() => rowCount(), { timeout: 20_000 }).toBeGreaterThanOrEqual(sameAmount);
      expect(await shownNumbers()).toContain(invoice.number);
    }
  });

  it('finds invoices by a customer reference as typed ("KST 7860"), not rewritten to its digits', async () => {
    await page.goto(`${web.url}#/lines?q=KST`);
    await lineGrid().getByRole('row').nth(1).getByRole('gridcell').first().waitFor({ timeout: 30_000 });
    // A fitted table may leave the column out: the clerk shows it from the Columns menu.
    await page.getByLabel('Columns of Lines').click();
    const show = page.getByRole('checkbox', { name: 'Customer reference', exact: true });
    if (!(await show.isChecked())) await show.check();
    await page.getByLabel('Columns of Lines').click();
    // Headers may wrap onto two lines: their title holds the name whole.
    const titles = () =>
      lineGrid()
        .getByRole('columnheader')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title') ?? ''));
    await expect.poll(titles).toContain('Customer reference');
    const column = (await titles()).indexOf('Customer reference');
    expect(column).toBeGreaterThanOrEqual(0);
    const reference = (
      await lineGrid().getByRole('row').nth(1).getByRole('gridcell').nth(column).innerText()
    ).trim();
    expect(reference).toMatch(/^KST \d{4}$/);
    await page.goto(`${web.url}#/lines?q=${encodeURIComponent(reference)}`);
    await lineGrid().getByRole('row').nth(1).getByRole('gridcell').first().waitFor();
    const lineInvoices = new Set(
      (await lineGrid().getByRole('row').locator('[role="gridcell"]:first-child').allInnerTexts()).map(
        (text) => text.trim(),
      ),
    );

    await openInvoices();
    await search(reference);
    await page.waitForFunction(
      (expected) => decodeURIComponent(window.location.hash).replace(/\+/g, ' ').includes(`q=${expected}`),
      reference,
    );
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe(reference);
    await expect.poll(() => rowCount(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const found = await shownNumbers();
    for (const number of lineInvoices) expect(found).toContain(number);
  });

  it('shows an unknown licence as chosen and says why no line matches', async () => {
    await page.goto(`${web.url}#/lines?lic=99999999`);
    const notice = page.getByRole('status').filter({ hasText: 'Nothing can match' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('Franking licence asks for 99999999');
    const button = page.getByRole('button', { name: /^Franking licence / });
    expect(await button.innerText()).toContain('99999999 (not in this archive)');
    await button.click();
    expect(await page.getByRole('checkbox', { name: '99999999 (not in this archive)' }).isChecked()).toBe(
      true,
    );
    await page.keyboard.press('Escape');
  });

  it('filters lines by several services and totals them to the centime', async () => {
    const [first, second] = Object.entries(stats.perService).sort((a, b) => b[1].lines - a[1].lines);
    const codes = [first![0], second![0]];
    await page.goto(`${web.url}#/lines?${codes.map((code) => `svc=${encodeURIComponent(code)}`).join('&')}`);
    const expectedLines = first![1].lines + second![1].lines;
    await waitForRows(expectedLines, lineGrid());
    const net = parseMoney(first![1].net) + parseMoney(second![1].net);
    expect(await page.getByTestId('line-totals').innerText()).toContain(formatAmount(net, 'en'));
  });

  it('groups lines by service with counts and totals equal to the operator sums, and exports them', async () => {
    await page.goto(`${web.url}#/lines?group=service`);
    const table = page.getByRole('table', { name: 'Subtotals by Service' });
    await table.waitFor({ timeout: 30_000 });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(Object.keys(stats.perService).length);
    for (const [code, expected] of Object.entries(stats.perService)) {
      const row = rows.filter({ has: page.getByText(`· ${code}`, { exact: true }) });
      const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
      expect(cells).toEqual([
        formatInteger(expected.lines, 'en'),
        formatAmount(parseMoney(expected.net), 'en'),
        formatAmount(parseMoney(expected.vat), 'en'),
        formatAmount(parseMoney(expected.gross), 'en'),
      ]);
    }
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Subtotals to CSV' }).click();
    const file = await download;
    const text = (await streamText(await file.createReadStream())).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(Object.keys(stats.perService).length + 1);
    for (const [code, expected] of Object.entries(stats.perService)) {
      const line = lines.find((candidate) => candidate.startsWith(`${code},`));
      expect(line?.endsWith(`,${expected.lines},${expected.net},${expected.vat},${expected.gross}`)).toBe(
        true,
      );
    }
  });

  it('sorts lines by a column both ways', async () => {
    await page.goto(`${web.url}#/lines`);
    await lineGrid().getByRole('row').nth(1).getByRole('gridcell').first().waitFor({ timeout: 30_000 });
    const header = lineGrid().getByRole('columnheader', { name: /^Net/ }).getByRole('button');
    const netColumn = (await lineGrid().getByRole('columnheader').allInnerTexts()).findIndex((text) =>
      text.trim().startsWith('Net'),
    );
    const netValues = async () =>
      (
        await lineGrid()
          .getByRole('row')
          .locator(`[role="gridcell"]:nth-child(${netColumn + 1})`)
          .allInnerTexts()
      )
        .slice(0, 15)
        .map((text) => Number(text.replace(/[’'\s]/g, '')));
    await header.click();
    await page.waitForFunction(() => window.location.hash.includes('sort=net&dir=asc'));
    await expect
      .poll(async () => (await netValues()).every((v, i, all) => i === 0 || all[i - 1]! <= v))
      .toBe(true);
    await header.click();
    await page.waitForFunction(() => window.location.hash.includes('sort=net&dir=desc'));
    await expect
      .poll(async () => (await netValues()).every((v, i, all) => i === 0 || all[i - 1]! >= v))
      .toBe(true);

    // From the keyboard: the header row is the grid's first row; Enter on a header sorts by it.
    await lineGrid().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const activeHeader = await lineGrid().getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${activeHeader ?? ''}"]`).getAttribute('role')).toBe('columnheader');
    const sortedBy = await page.locator(`[id="${activeHeader ?? ''}"]`).innerText();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator(`[id="${activeHeader ?? ''}"]`).getAttribute('aria-sort'))
      .not.toBe('none');
    expect(sortedBy.trim()).not.toBe('');
    // The sort buttons are for the mouse: Tab leaves the grid.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="grid"]') != null)).toBe(false);
  });

  it('exports the invoice list as shown to CSV and Excel', async () => {
    await openInvoices('status=paid');
    const expected = count((invoice) => invoice.status === 'paid');
    await waitForRows(expected);
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to CSV' }).click();
    const csv = (await streamText(await (await csvDownload).createReadStream())).replace(/^\uFEFF/, '');
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(expected + 1);
    expect(rows[0]).toContain('Number,Type,Debtor');
    const paid = invoices.filter((invoice) => invoice.status === 'paid');
    for (const invoice of paid) expect(csv).toContain(`${invoice.number},`);

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to Excel' }).click();
    const file = await xlsxDownload;
    expect(file.suggestedFilename()).toMatch(/^invoice-desk-invoices-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = read(await streamBytes(await file.createReadStream()), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const table = utils.sheet_to_json<Record<string, unknown>>(sheet);
    expect(table).toHaveLength(expected);
    const gross = table.reduce((sum, row) => sum + Math.round(Number(row.Gross) * 100), 0);
    expect(gross).toBe(paid.reduce((sum, invoice) => sum + parseMoney(invoice.grossTotal), 0));
  });

  it('downloads the PDFs of the list shown as one zip, each one the stored PDF', async () => {
    const debtor = invoices[0]!.debtorNumber;
    const reference = invoices[0]!.invoiceReference;
    await openInvoices(`ref=${reference}&debtor=${debtor}&from=2026-07-01&to=2026-09-30`);
    const expected = invoices.filter(
      (invoice) =>
        invoice.invoiceReference === reference &&
        invoice.debtorNumber === debtor &&
        invoice.periodEnd >= '2026-07-01' &&
        invoice.periodStart <= '2026-09-30',
    );
    expect(expected.length).toBeGreaterThan(0);
    await waitForRows(expected.length);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDFs as zip' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(await streamBytes(await file.createReadStream())));
    const missing = new TextDecoder().decode(files['missing-pdfs.txt'] ?? new Uint8Array());
    for (const invoice of expected) {
      const pdf = files[`${invoice.number}.pdf`];
      if (pdf) expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
      else expect(missing).toContain(invoice.number);
    }
    await page.getByRole('status').filter({ hasText: 'Zip saved' }).waitFor();
  });

  it('raised no uncaught error in the page', () => {
    expect(errors).toEqual([]);
  });
});

const streamBytes = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
};
const streamText = async (stream: NodeJS.ReadableStream) => (await streamBytes(stream)).toString('utf8');
