import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialedApiClient } from '../../shared/api/client';
import type { Assignment, LineItem } from '../../shared/api/schemas';
import { allocateLine } from '../../shared/allocation';
import { formatAmount } from '../../shared/core/format';
import { startSyncedApp } from './appHarness';
import { allowPageProblems } from './browser';

const api = (url: string) =>
  createCredentialedApiClient({ baseUrl: url, clientId: 'demo', clientSecret: 'demo-secret', fetch });

/** Every line the simulator bills, read over its own API. */
const simulatorLines = async (url: string): Promise<LineItem[]> => {
  const client = api(url);
  const ids: string[] = [];
  for await (const page of client.iterateInvoiceChanges())
    ids.push(...page.items.map((invoice) => invoice.id));
  const lines: LineItem[] = [];
  for (const id of ids) lines.push(...(await client.getAllInvoiceLines(id)).items);
  return lines;
};

/** Net centimes charged to `code` over `lines` under `assignments`, by the engine the contract specifies. */
const chargedTo = (lines: readonly LineItem[], assignments: readonly Assignment[], code: string): number =>
  lines
    .flatMap((line) => allocateLine(line, assignments))
    .filter((part) => part.costCenterCode === code)
    .reduce((sum, part) => sum + part.netCentimes, 0);

const SPLIT_FROM = '2026-03-15';

/**
 * Waits for a confirmed dialog to close; if it does not, the error says what the dialog showed (a
 * failure, a Confirm still busy or one with nothing to apply), not only that it stayed open.
 */
const closed = async (dialog: ReturnType<Page['getByRole']>) => {
  try {
    await dialog.waitFor({ state: 'detached' });
  } catch (error) {
    const shown = await dialog.innerText({ timeout: 1_000 }).catch(() => '(unreadable)');
    throw new Error(`the dialog stayed open, showing: ${shown}`, { cause: error });
  }
};

describe('the split dialog', () => {
  let app: Awaited<ReturnType<typeof startSyncedApp>>;
  let context: BrowserContext;
  let page: Page;
  let stored: Assignment;
  let lines: LineItem[];

  beforeAll(async () => {
    app = await startSyncedApp();
    ({ context, page } = app);
    const assignments = (await api(app.sim.url).listAssignments()).items;
    const found = assignments.find((assignment) => assignment.id === 'asg-rrn-logistics');
    if (!found) throw new Error('the simulator has no assignment asg-rrn-logistics');
    stored = found;
    lines = (await simulatorLines(app.sim.url)).filter((line) => line.invoiceReference === stored.key);
  }, 240_000);

  afterAll(async () => {
    await context.close();
    await app.close();
  });

  const dialog = () => page.getByRole('dialog', { name: `Split or edit invoice reference ${stored.key}` });
  /** The board's way into the split dialog for one key, found by the board's search (its list is long). */
  const openButton = (key: string) => page.getByRole('button', { name: `Split or edit ${key}`, exact: true });
  const findOnBoard = async (key: string) => {
    await page.getByRole('search', { name: 'Filter the keys' }).getByLabel('Search').fill(key);
    await openButton(key).waitFor();
  };
  /** The key's periods as the cost-centre page lists them (one row each). */
  const periodsOf = async (key: string) => {
    await page.goto(`${app.web.url}#/cost-centres`);
    const list = page.locator('details.cc-assignments');
    await list.waitFor();
    if ((await list.getAttribute('open')) === null)
      await page.getByRole('heading', { name: /^\d+ assignments?$/ }).click();
    // The rows come in one render, from the archive.
    await list.locator('tbody tr').first().waitFor();
    return list.locator('tbody tr').filter({ hasText: key }).count();
  };
  const board = async () => {
    await page.goto(`${app.web.url}#/assignments`);
    await page.getByRole('button', { name: /^(Undo|Nothing to undo)/ }).waitFor();
  };

  it('splits an invoice reference 70/30 from mid-month, shows what moves, confirms, undoes and redoes', async () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(await periodsOf(stored.key)).toBe(1);
    await board();
    await findOnBoard(stored.key);
    await openButton(stored.key).click();
    await dialog().waitFor();

    // A new period from the 15th; the open one ends on the 14th, in the same batch.
    await dialog().getByLabel('New period from').fill('15.03.2026');
    const endOpen = dialog().getByRole('checkbox', {
      name: 'End the period without limit on 14.03.2026',
      exact: true,
    });
    expect(await endOpen.isChecked()).toBe(true);
    await dialog().getByRole('button', { name: 'Add period' }).click();
    // The period's legend reads its dates, which the clerk is about to change.
    const editor = dialog().locator('fieldset');
    await editor.waitFor();

    // 70 % alone: refused at the splits before anything is written, Confirm stays off.
    const first = editor.getByLabel('Share of cost centre 1 in percent');
    await first.fill('70 %');
    await editor.getByText('Sum: 70 % = 70 %').waitFor();
    await editor.getByText('The percentages add up to 70 %; they must add up to 100 %.').waitFor();
    expect(await dialog().getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);

    await editor.getByRole('button', { name: 'Add a cost centre' }).click();
    expect(await editor.getByLabel('Share of cost centre 2 in percent').inputValue()).toBe('30');
    const centre = editor.getByRole('combobox', { name: 'Cost centre 2' });
    await centre.fill('2100');
    await page.getByRole('option', { name: /^2100 / }).click();
    await editor.getByText('Sum: 70 % + 30 % = 100 %').waitFor();

    // The new period may not start before the old one ends: the overlap is named at its field.
    const from = editor.getByLabel('Valid from');
    await from.fill('1.3.2026');
    const overlap = editor.getByText(
      /^Another assignment of this key applies on some of the same days: 3300 .* 100 %, until 14\.03\.2026\.$/,
    );
    await overlap.waitFor();
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await from.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(await overlap.textContent());
    await from.fill('15.03.2026');
    await overlap.waitFor({ state: 'detached' });

    // What moves: 30 % of the reference's net cost from 15 March on, from 3300 to 2100, exactly.
    const after: Assignment[] = [
      { ...stored, validTo: '2026-03-14' },
      {
        ...stored,
        id: 'new',
        validFrom: SPLIT_FROM,
        validTo: null,
        splits: [
          { costCenterCode: '3300', percent: 70 },
          { costCenterCode: '2100', percent: 30 },
        ],
      },
    ];
    const moved = chargedTo(lines, after, '2100') - chargedTo(lines, [stored], '2100');
    expect(moved).toBeGreaterThan(0);
    const impact = dialog().getByRole('region', { name: 'Net cost moved per month and cost centre' });
    const total = impact.locator('tfoot tr');
    await total.waitFor();
    const headers = await impact.locator('thead th').allTextContents();
    const column = headers.findIndex((text) => text.startsWith('2100'));
    expect(column).toBeGreaterThan(0);
    expect(await total.locator('th, td').nth(column).textContent()).toBe(`+${formatAmount(moved, 'en')}`);

    await dialog().getByRole('button', { name: 'Confirm' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: `Done: split ${stored.key}.` })
      .waitFor();
    expect(await periodsOf(stored.key)).toBe(2);

    await board();
    await page.getByRole('button', { name: `Undo: split ${stored.key}` }).click();
    await page.getByRole('button', { name: `Redo: split ${stored.key}` }).waitFor();
    expect(await periodsOf(stored.key)).toBe(1);
    await board();
    await page.getByRole('button', { name: `Redo: split ${stored.key}` }).click();
    await page.getByRole('button', { name: `Undo: split ${stored.key}` }).waitFor();
    expect(await periodsOf(stored.key)).toBe(2);

    // The sync pushes the batch: the operator ends up with both periods.
    await expect
      .poll(
        async () =>
          (await api(app.sim.url).listAssignments()).items
            .filter((assignment) => assignment.key === stored.key)
            .map((assignment) => `${assignment.validFrom ?? ''}…${assignment.validTo ?? ''}`)
            .sort(),
        { timeout: 60_000, interval: 500 },
      )
      .toEqual([`${stored.validFrom ?? ''}…2026-03-14`, `${SPLIT_FROM}…`].sort());
  }, 180_000);

  it('shows the operator’s 409 in Settings with the overlapping assignment, and lets the clerk edit again', async () => {
    // The browser logs the operator's refusal it is about to receive; that refusal is the point here.
    allowPageProblems(
      /status of 409 \(Conflict\) \(http:\/\/127\.0\.0\.1:\d+\/v1\/cost-center-assignments\//,
    );
    const operator = api(app.sim.url);
    const service = (await operator.listServices()).items.find((row) => row.code !== 'MM-PROMO');
    if (!service) throw new Error('the simulator has no second service');
    // The operator has the service charged until May; the app knows it after a sync.
    await operator.createAssignment('e2e-base', {
      kind: 'service',
      key: service.code,
      splits: [{ costCenterCode: '2100', percent: 100 }],
      validFrom: null,
      validTo: '2026-05-31',
    });
    await board();
    await page.getByRole('button', { name: 'Synchronise now' }).click();
    await expect.poll(() => periodsOf(service.code), { timeout: 60_000 }).toBe(1);
    await board();
    await findOnBoard(service.code);
    const open = openButton(service.code);
    // Another user charges it from September on while the clerk works offline: a sync still queued
    // from the steps above would otherwise tell the app before the clerk's edit.
    await context.setOffline(true);
    await operator.createAssignment('e2e-theirs', {
      kind: 'service',
      key: service.code,
      splits: [{ costCenterCode: '3300', percent: 100 }],
      validFrom: '2026-09-01',
      validTo: null,
    });

    await open.click();
    const split = page.getByRole('dialog', { name: `Split or edit service ${service.code}` });
    await split.getByLabel('New period from').fill('1.6.2026');
    await split.getByRole('button', { name: 'Add period' }).click();
    await split.getByRole('combobox', { name: 'Cost centre 1' }).fill('3300');
    await page.getByRole('option', { name: /^3300 / }).click();
    await split.getByRole('button', { name: 'Confirm' }).click();
    await closed(split);
    // Back online, the app syncs at once: the push is refused, the pull brings their assignment.
    await context.setOffline(false);

    // Settings names the assignment the push collides with, once the pull brought it.
    await page.goto(`${app.web.url}#/settings`);
    const outbox = page.getByRole('table', { name: 'Changes waiting for the operator' });
    const refused = outbox.getByRole('row').filter({ hasText: `service ${service.code}` });
    await refused
      .getByText('Another assignment of this key already applies on some of the same days: 3300 ', {
        exact: false,
      })
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(() => refused.textContent(), { timeout: 60_000 })
      .toMatch(/3300 .+ 100 %, from 01\.09\.2026\./);
    expect(await refused.textContent()).toContain(
      'Refused by the operator: it overlaps with an existing entry',
    );

    await refused
      .getByRole('button', { name: `Edit the assignment of service ${service.code} again` })
      .click();
    await split.waitFor();
    const mine = split.getByRole('button', { name: 'Edit the period from 01.06.2026' });
    await mine.click();
    const editor = split.locator('fieldset');
    await editor
      .getByText('Another assignment of this key applies on some of the same days: 3300 ', { exact: false })
      .waitFor();
    await editor.getByLabel('Valid until').fill('31.8.2026');
    await split.getByRole('button', { name: 'Confirm' }).click();
    await closed(split);

    await page.getByText('All your changes have reached the operator.').waitFor({ timeout: 60_000 });
    expect(
      (await operator.listAssignments()).items
        .filter((row) => row.key === service.code)
        .map((row) => `${row.validFrom ?? ''}…${row.validTo ?? ''}`)
        .sort(),
    ).toEqual(['…2026-05-31', '2026-06-01…2026-08-31', '2026-09-01…'].sort());
  }, 180_000);
});
