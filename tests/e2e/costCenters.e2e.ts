import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialedApiClient } from '../../shared/api/client';
import type { CostCenter } from '../../shared/api/schemas';
import { startSimulator } from '../../simulator/standalone';
import {
  connectAndSync,
  cutOperator,
  OPERATOR_CUT,
  reconnectAndSync,
  simStats,
  startSyncedApp,
} from './appHarness';
import { allowPageProblems, launchChromium } from './browser';
import { startWebServer } from './webServer';

const api = (url: string) =>
  createCredentialedApiClient({ baseUrl: url, clientId: 'demo', clientSecret: 'demo-secret', fetch });

/** The operator's copy of one cost centre, or undefined. */
const atOperator = async (url: string, code: string): Promise<CostCenter | undefined> =>
  (await api(url).listCostCenters()).items.find((center) => center.code === code);

/** Polls the operator until `predicate` holds for the centre (the app pushes on its own after an edit). */
const untilOperator = async (
  url: string,
  code: string,
  predicate: (center: CostCenter | undefined) => boolean,
): Promise<CostCenter | undefined> => {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const center = await atOperator(url, code);
    if (predicate(center)) return center;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the operator's ${code} never reached the expected state`);
};

const CODE = 'E2E-4711';
const NAME = 'Versuchslabor Genève';

describe('the Cost centres page', () => {
  let app: Awaited<ReturnType<typeof startSyncedApp>>;
  let page: Page;
  let webUrl = '';
  let simUrl = '';

  beforeAll(async () => {
    app = await startSyncedApp();
    ({ page } = app);
    webUrl = app.web.url;
    simUrl = app.sim.url;
  }, 180_000);

  afterAll(async () => {
    await app.close();
  });

  const grid = () => page.getByRole('grid', { name: 'Cost centres' });
  const row = (code: string) =>
    grid()
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: `Edit cost centre ${code}`, exact: true }) });
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      return element ? `${element.tagName}:${element.getAttribute('aria-label') ?? element.textContent}` : '';
    });

  it('creates a cost centre from the keyboard, refusing a wrong budget at its field first; it reaches the operator', async () => {
    await page.goto(`${webUrl}#/cost-centres`);
    await grid().getByRole('row').nth(1).waitFor();
    // The page's heading has the focus; the next Tab is "New cost centre…".
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('BUTTON:New cost centre…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New cost centre' });
    await dialog.waitFor();
    // Escape closes it and the focus goes back to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused()).toBe('BUTTON:New cost centre…');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await focused()).toMatch(/^INPUT:/);
    await page.keyboard.type(CODE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NAME);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Zoë Keller');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12,3,4');
    await page.keyboard.press('Enter');
    const budget = dialog.getByRole('textbox', { name: 'Monthly budget (CHF)' });
    await dialog.getByText('This is not an amount. Enter it like 1’250.00, 1250 or 1 250,50.').waitFor();
    expect(await budget.getAttribute('aria-invalid')).toBe('true');
    expect(await budget.evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type("1'250.50");
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused()).toBe('BUTTON:New cost centre…');

    await row(CODE).getByText(NAME, { exact: true }).waitFor();
    // Swiss form; the grouping mark is the ICU's (Chromium's ’, Node's ').
    await row(CODE)
      .getByText(/^CHF\s1['’]250\.50$/)
      .waitFor();
    const stored = await untilOperator(simUrl, CODE, (center) => center !== undefined);
    expect(stored).toMatchObject({
      name: NAME,
      owner: 'Zoë Keller',
      monthlyBudget: '1250.50',
      active: true,
      objectType: 'costCenter',
    });
    // Once pushed, its last change is the operator's time, no longer a waiting mark.
    await row(CODE).getByText('Waiting to be sent').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('an edit meeting another user’s edit becomes a conflict, settled in Settings with "Keep mine"', async () => {
    // Offline, so the edit waits while "another user" changes the same centre at the operator.
    allowPageProblems(
      OPERATOR_CUT,
      /status of 412 \(Precondition Failed\) \(http:\/\/127\.0\.0\.1:\d+\/v1\/cost-centers\//,
    );
    await cutOperator(simUrl);
    await page.goto(`${webUrl}#/cost-centres?q=${encodeURIComponent('versuchslabor geneve')}`);
    await row(CODE).waitFor();
    expect(Number(await grid().getAttribute('aria-rowcount')) - 1).toBe(1);
    // Enter on a row's plain cell edits it, from the keyboard.
    await grid().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Edit cost centre ${CODE}` });
    await dialog.waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Labor Lausanne');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused()).toBe('DIV:Cost centres');
    await page.goto(`${webUrl}#/cost-centres`);
    await row(CODE).getByText('Waiting to be sent').waitFor();

    const response = await fetch(`${simUrl}/__sim/other-user-edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'costCenter', id: CODE }),
    });
    expect(response.status).toBe(200);

    await reconnectAndSync(page, simUrl);
    await row(CODE).getByText('Conflict: see Settings').waitFor({ timeout: 30_000 });

    await page.goto(`${webUrl}#/settings`);
    const outbox = page.getByRole('table', { name: 'Changes waiting for the operator' });
    const conflict = outbox.getByRole('row').filter({ hasText: `Cost centre ${CODE}` });
    await conflict.getByText('Changed meanwhile by someone else').waitFor({ timeout: 30_000 });
    await conflict.getByText(/^Labor Lausanne · Zoë Keller · CHF\s1['’]250\.50$/).waitFor();
    await conflict.getByText(/^Versuchslabor Genève \(edited by another user\) · Other User · CHF/).waitFor();
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    const settled = await untilOperator(simUrl, CODE, (center) => center?.name === 'Labor Lausanne');
    expect(settled?.monthlyBudget).toBe('1250.50');
  });

  it('deactivates a centre, refuses to delete one in use with the reason, and deletes an unused one', async () => {
    await page.goto(`${webUrl}#/cost-centres`);
    await row(CODE).waitFor();
    const active = row(CODE).getByRole('checkbox', { name: `Active: cost centre ${CODE}` });
    expect(await active.isChecked()).toBe(true);
    await active.click();
    await page.waitForFunction(
      (name) => document.querySelector<HTMLInputElement>(`input[aria-label="${name}"]`)?.checked === false,
      `Active: cost centre ${CODE}`,
    );
    await untilOperator(simUrl, CODE, (center) => center?.active === false);
    await page.getByLabel('Show').selectOption('inactive');
    await row(CODE).waitFor();
    await page.getByLabel('Show').selectOption('all');

    // A code an assignment charges: the app says which, and offers to deactivate instead.
    const assignments = (await api(simUrl).listAssignments()).items;
    const used = assignments[0]?.splits[0]?.costCenterCode ?? '';
    const uses = assignments.filter((assignment) =>
      assignment.splits.some((split) => split.costCenterCode === used),
    ).length;
    expect(used).not.toBe('');
    await page.getByRole('searchbox', { name: 'Search' }).fill(used);
    await row(used)
      .getByRole('button', { name: `Delete cost centre ${used}` })
      .click();
    const refused = page.getByRole('dialog', { name: `Cost centre ${used} cannot be deleted` });
    await refused.waitFor();
    await refused
      .getByText(`${uses} ${uses === 1 ? 'assignment charges' : 'assignments charge'} postal costs to it:`)
      .waitFor();
    expect(await refused.getByRole('listitem').count()).toBe(uses);
    await refused.getByRole('button', { name: 'Deactivate instead' }).waitFor();
    await page.keyboard.press('Escape');
    await refused.waitFor({ state: 'detached' });
    expect(await atOperator(simUrl, used)).toBeDefined();

    // The unused one, from the keyboard: its Delete cell, Enter, then confirm.
    await page.getByRole('searchbox', { name: 'Search' }).fill(CODE);
    await row(CODE).waitFor();
    await grid().focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    for (let presses = 0; presses < 10; presses += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: `Delete cost centre ${CODE}?` });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await grid().getByText('No cost centre matches the search.').waitFor();
    await untilOperator(simUrl, CODE, (center) => center === undefined);
    // The operator's 204 (an empty body) also settles the deletion in the app: nothing stays queued.
    await page.goto(`${webUrl}#/settings`);
    await page.getByText('All your changes have reached the operator.').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('contentinfo', { name: 'Synchronisation status' }).textContent()).not.toMatch(
      /waiting to be sent/,
    );
  });
});

describe('the Cost centres page without the cost-centre option', () => {
  it('says the option is off and that the advisor enables it, and offers no way to create', async () => {
    const [web, sim, browser] = await Promise.all([
      startWebServer(),
      startSimulator({ port: 0, control: true, seed: 1, now: '2026-11-22', costCenterOption: false }),
      launchChromium(),
    ]);
    // The operator refuses the cost-centre resources to this customer: the sync expects it.
    allowPageProblems(/status of 403 \(Forbidden\) \(http:\/\/127\.0\.0\.1:\d+\/v1\/cost-center/);
    try {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await connectAndSync(page, web.url, sim.url, (await simStats(sim.url)).invoices);
      await page.goto(`${web.url}#/cost-centres`);
      await page
        .getByRole('heading', { name: 'The cost-centre option is not enabled for this customer' })
        .waitFor();
      await page.getByText(/Your customer advisor at the operator can enable it/).waitFor();
      expect(await page.getByRole('button', { name: 'New cost centre…' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^(Edit|Delete) cost centre/ }).count()).toBe(0);
      expect(await page.getByRole('checkbox', { name: /^Active: cost centre/ }).count()).toBe(0);
      await context.close();
    } finally {
      await browser.close();
      await Promise.all([web.close(), sim.close()]);
    }
  }, 180_000);
});
