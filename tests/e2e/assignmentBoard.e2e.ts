import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, CostCenter, Customer } from '../../shared/api/schemas';
import { lastTwelveMonths } from '../../shared/allocation/board';
import { addMonthsClamped } from '../../shared/core/dates';
import { formatMonth } from '../../shared/core/format';
import { startSimulator } from '../../simulator/standalone';
import { connectAndSync, simStats, startSyncedApp } from './appHarness';
import { allowPageProblems } from './browser';

/**
 * The assignment board against the simulator: a licence dragged onto a cost centre with the mouse,
 * another assigned with the keyboard only, each confirmed after its impact; undo and redo; what
 * the board shows reaches the operator; the Not charged bucket moves by what the impact said.
 */

const TODAY = '2026-11-22';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;
let operator: Operator;

interface Operator {
  get: <T>(path: string) => Promise<T>;
}

const connectOperator = async (simUrl: string): Promise<Operator> => {
  const response = await fetch(`${simUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'demo',
      client_secret: 'demo-secret',
    }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  return {
    get: async <T>(path: string) => {
      const answer = await fetch(`${simUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(200);
      return (await answer.json()) as T;
    },
  };
};

const operatorAssignments = async (): Promise<Assignment[]> => {
  const all: Assignment[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const lot: { items: Assignment[]; next?: string | null } = await operator.get(
      `/v1/cost-center-assignments${query}`,
    );
    all.push(...lot.items);
    cursor = lot.next ?? null;
  } while (cursor);
  return all;
};

/** Polls the operator until `predicate` holds for its assignments (the app pushes on its own after an edit). */
const untilOperator = async (predicate: (items: Assignment[]) => boolean): Promise<Assignment[]> => {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const items = await operatorAssignments();
    if (predicate(items)) return items;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the operator never reached the expected assignments');
};

/** "CHF 1’234.50", "−12.05", "+3.10" in centimes. */
const centimesOf = (text: string): number => {
  const digits = text.replace(/[^\d]/g, '');
  const negative = /[-−]/.test(text);
  return (negative ? -1 : 1) * Number(digits);
};

const grid = () => page.getByRole('grid', { name: 'Keys' });
const rows = () =>
  grid()
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') });
const announcement = () => page.getByTestId('board-announcement');
const bucketAmount = async () => centimesOf(await page.getByTestId('not-charged-amount').innerText());

/** What the impact preview says the Not charged bucket gains over the board's twelve months. */
const impactOnBucket = async (dialog: Locator): Promise<number> => {
  const table = dialog.getByRole('table');
  await table.waitFor({ timeout: 30_000 });
  const headers = await table.locator('thead th').allInnerTexts();
  const column = headers.indexOf('Not charged');
  expect(column).toBeGreaterThan(0);
  const { from } = lastTwelveMonths(TODAY);
  const window = new Set(
    Array.from({ length: 12 }, (_, index) =>
      formatMonth(addMonthsClamped(`${from}-01`, index).slice(0, 7), 'en', 'long'),
    ),
  );
  let sum = 0;
  for (const row of await table.locator('tbody tr').all()) {
    const cells = await row.locator('th, td').allInnerTexts();
    if (window.has(cells[0] ?? '')) sum += centimesOf(cells[column] ?? '');
  }
  return sum;
};

let centre: CostCenter;
/** Licences of references no assignment charges: their lines are in the Not charged bucket. */
let uncharged: string[] = [];
let mouseKey = '';
let keyboardKey = '';

beforeAll(async () => {
  app = await startSyncedApp();
  page = app.page;
  operator = await connectOperator(app.sim.url);
  const { items } = await operator.get<{ items: CostCenter[] }>('/v1/cost-centers');
  const active = items.filter((item) => item.active).sort((a, b) => a.code.localeCompare(b.code));
  const first = active[0];
  if (!first) throw new Error('the simulator has no active cost centre');
  centre = first;
  const customer = await operator.get<Customer>('/v1/customer');
  const assigned = await operatorAssignments();
  const charged = (kind: Assignment['kind'], key: string) =>
    assigned.some((item) => item.kind === kind && item.key === key);
  uncharged = customer.debtors
    .flatMap((debtor) => debtor.invoiceReferences)
    .filter((reference) => !charged('invoiceReference', reference.number))
    .flatMap((reference) => reference.frankingLicences)
    .filter((licence) => !charged('frankingLicence', licence));
  // The board counts its twelve months from this day, whatever the machine's clock says.
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${app.web.url}#/assignments`);
  await rows().first().waitFor({ timeout: 30_000 });
}, 240_000);

afterAll(async () => {
  await app.close();
});

/** Under load an announcement or a re-render can take seconds: the default second is not enough. */
const POLL = { timeout: 15_000 };

describe('the assignment board', () => {
  it('drags a licence onto a cost centre with the mouse, shows the impact, and the bucket moves by it', async () => {
    await page.getByLabel('Kind').selectOption('frankingLicence');
    await page.getByLabel('Only keys not charged today').check();
    mouseKey = uncharged[0] ?? '';
    await page.getByRole('searchbox', { name: 'Search' }).fill(mouseKey);
    const row = rows().filter({ hasText: mouseKey }).first();
    await row.getByText('Not assigned').waitFor();
    const before = await bucketAmount();

    const from = await row.boundingBox();
    const to = await page.locator(`[data-centre="${centre.code}"]`).boundingBox();
    if (!from || !to) throw new Error('the key or the cost centre is not on screen');
    await page.mouse.move(from.x + 40, from.y + from.height / 2);
    await page.mouse.down();
    // Past the activation distance first, then over the centre in steps: dnd-kit follows moves.
    await page.mouse.move(from.x + 60, from.y + from.height / 2 + 10, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();

    const dialog = page.getByRole('dialog', { name: `Assign 1 key to ${centre.code} ${centre.name}` });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(mouseKey);
    const moved = await impactOnBucket(dialog);
    // The licence was not charged: its cost leaves the bucket.
    expect(moved).toBeLessThan(0);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => announcement().innerText())
      .toBe(
        `Done: assign 1 key to ${centre.code} ${centre.name}. It is sent to the operator with the next sync.`,
      );
    await expect.poll(bucketAmount, POLL).toBe(before + moved);
  });

  it('assigns another licence with the keyboard only: Tab to the list, Space, A, type-ahead, Enter', async () => {
    // The search field is the keyboard's way in; the mouse's licence has left the "not charged" list.
    keyboardKey = uncharged[1] ?? '';
    await page.getByRole('searchbox', { name: 'Search' }).focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(keyboardKey);
    await rows().filter({ hasText: keyboardKey }).first().waitFor();
    for (let tab = 0; tab < 6; tab += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('role'))) === 'row') break;
    }
    const focused = page.locator('[role="row"]:focus');
    expect((await focused.locator('.board-keys__code').innerText()).trim()).toBe(keyboardKey);
    await page.keyboard.press('Space');
    await expect.poll(() => focused.getAttribute('aria-selected'), POLL).toBe('true');
    await page.keyboard.press('a');
    const chooser = page.getByRole('dialog', { name: 'Assign 1 key to…' });
    await chooser.waitFor();
    await page.keyboard.type(centre.name.slice(0, 4));
    await expect
      .poll(() => chooser.getByRole('option', { selected: true }).innerText())
      .toContain(centre.code);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Assign 1 key to ${centre.code} ${centre.name}` });
    await dialog.getByRole('table').waitFor({ timeout: 30_000 });
    // Confirm has the focus.
    await page.keyboard.press('Enter');
    await expect
      .poll(() => announcement().innerText())
      .toBe(
        `Done: assign 1 key to ${centre.code} ${centre.name}. It is sent to the operator with the next sync.`,
      );
  });

  it('undoes with Ctrl+Z and redoes with the button, each announced', async () => {
    const label = `assign 1 key to ${centre.code} ${centre.name}`;
    await page.getByLabel('Only keys not charged today').uncheck();
    await page.getByRole('searchbox', { name: 'Search' }).fill(keyboardKey);
    const row = rows().filter({ hasText: keyboardKey }).first();
    await row.getByText(`${centre.code} ${centre.name} 100 % · without limit`).waitFor();
    await row.click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => announcement().innerText(), POLL).toBe(`Undone: ${label}.`);
    await row.getByText('Not assigned').waitFor();
    await page.getByRole('button', { name: `Redo: ${label}` }).click();
    await expect.poll(() => announcement().innerText(), POLL).toBe(`Redone: ${label}.`);
    await row.getByText(`${centre.code} ${centre.name} 100 % · without limit`).waitFor();
    await page.getByRole('button', { name: `Undo: ${label}` }).waitFor();
  });

  it('drags with the keyboard too: Enter picks up, the arrows go from centre to centre, Enter drops; Escape cancels', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByLabel('Only keys not charged today').check();
    const row = rows().first();
    const key = (await row.locator('.board-keys__code').innerText()).trim();
    await row.focus();
    await page.keyboard.press('Enter');
    const live = page.locator('[aria-live]').filter({ hasText: /Picked up|Over/ });
    await expect.poll(() => live.first().innerText(), POLL).toBe(`Picked up 1 key: ${key}.`);
    // Sorted by code, the first arrow reaches the first centre.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => live.first().innerText(), POLL).toMatch(/^Over \S+ /);
    const over = (await live.first().innerText()).replace(/^Over (.*)\.$/, '$1');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Assign 1 key to ${over}` });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(key);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Not assigned').waitFor();
  });

  it('after the sync, the operator holds what the board shows', async () => {
    const wholly = (items: Assignment[], key: string) =>
      items.filter(
        (item) =>
          item.kind === 'frankingLicence' &&
          item.key === key &&
          JSON.stringify(item.splits) === JSON.stringify([{ costCenterCode: centre.code, percent: 100 }]) &&
          !item.validFrom &&
          !item.validTo,
      );
    const items = await untilOperator(
      (current) => wholly(current, mouseKey).length === 1 && wholly(current, keyboardKey).length === 1,
    );
    // Exactly one assignment per key: the undo's delete and the redo's put reached the operator too.
    expect(items.filter((item) => item.key === keyboardKey)).toHaveLength(1);
    expect(items.filter((item) => item.key === mouseKey)).toHaveLength(1);
    await page.getByLabel('Only keys not charged today').uncheck();
    for (const key of [mouseKey, keyboardKey]) {
      await page.getByRole('searchbox', { name: 'Search' }).fill(key);
      await rows()
        .filter({ hasText: key })
        .first()
        .getByText(`${centre.code} ${centre.name} 100 % · without limit`)
        .waitFor();
    }
  });
});

describe('the assignment board without the cost-centre option', () => {
  it('explains as the Cost centres page does, and offers no drop, no assignment, no split', async () => {
    const sim = await startSimulator({
      port: 0,
      control: true,
      seed: 1,
      now: '2026-11-22',
      costCenterOption: false,
    });
    // The operator refuses the cost-centre resources to this customer: the sync expects it.
    allowPageProblems(/status of 403 \(Forbidden\) \(http:\/\/127\.0\.0\.1:\d+\/v1\/cost-center/);
    const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 700 } });
    try {
      const other = await context.newPage();
      await other.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
      await connectAndSync(other, app.web.url, sim.url, (await simStats(sim.url)).invoices);
      await other.goto(`${app.web.url}#/assignments`);
      await other
        .getByRole('heading', { name: 'The cost-centre option is not enabled for this customer' })
        .waitFor();
      await other.getByRole('grid', { name: 'Keys' }).getByRole('row').nth(1).waitFor();
      expect(await other.getByRole('button', { name: 'Assign to…' }).count()).toBe(0);
      expect(await other.getByRole('button', { name: /^Split or edit/ }).count()).toBe(0);
      expect(await other.getByRole('button', { name: /undo|redo/i }).count()).toBe(0);
      expect(await other.getByRole('heading', { name: 'Cost centres' }).count()).toBe(0);
    } finally {
      await context.close();
      await sim.close();
    }
  }, 180_000);
});
