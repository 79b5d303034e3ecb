import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_BY_CODE } from '../../simulator/data/catalogue';
import { cutOperator, OPERATOR_CUT, reconnectAndSync, startSyncedApp, waitUntilPushed } from './appHarness';
import { allowPageProblems } from './browser';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let web: typeof app.web;
let sim: typeof app.sim;
let page: Page;
let stats: typeof app.stats;

beforeAll(async () => {
  app = await startSyncedApp();
  ({ web, sim, page, stats } = app);
}, 180_000);

afterAll(async () => {
  await app.close();
});

const OWN_NAME = 'Frankiermaschine Genève';
const namesGrid = () => page.getByRole('grid', { name: 'Names' });
const search = () => page.getByRole('searchbox', { name: 'Search', exact: true });
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
/** The grid's active cell's text, when the grid has the focus. */
const activeCellText = () =>
  page.evaluate(() => {
    const grid = document.activeElement;
    if (grid?.getAttribute('role') !== 'grid') return null;
    const id = grid.getAttribute('aria-activedescendant');
    return id === null ? null : (document.getElementById(id)?.textContent ?? null);
  });
const waitingChanges = () =>
  page.getByRole('contentinfo', { name: 'Synchronisation status' }).getByText('1 change waiting to be sent');

describe('the Names page', () => {
  it('renames a service found by its operator name from the keyboard (F2 on its cell, the pencil no Tab stop); the own name shows everywhere and survives a reload', async () => {
    // The most used service, so the line explorer has lines to show it on.
    const [code] = Object.entries(stats.perService).sort((a, b) => b[1].lines - a[1].lines)[0]!;
    const operatorName = SERVICE_BY_CODE.get(code)?.names.en ?? '';
    expect(operatorName.length).toBeGreaterThan(4);
    const renameLabel = `Rename service ${code}`;
    const rename = namesGrid().getByRole('button', { name: renameLabel, exact: true });
    const row = namesGrid()
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: renameLabel, exact: true }) });

    // Offline, so the rename stays in the outbox until this test lets it through.
    allowPageProblems(OPERATOR_CUT);
    await cutOperator(sim.url);
    await page.goto(`${web.url}#/names`);
    await namesGrid().getByRole('row').nth(1).getByRole('gridcell').first().waitFor();
    const everything = Number(await namesGrid().getAttribute('aria-rowcount')) - 1;
    expect(everything).toBeGreaterThan(Object.keys(stats.perService).length);

    // "/" jumps to the search; part of the operator's name, in capitals, finds the service.
    await page.keyboard.press('/');
    await expect(search().evaluate((field) => field === document.activeElement)).resolves.toBe(true);
    const part = operatorName.slice(1, -1).toUpperCase();
    await page.keyboard.type(part);
    await page.waitForFunction(
      (expected) => new URLSearchParams(window.location.hash.split('?')[1]).get('q') === expected,
      part,
    );
    await rename.waitFor();
    expect(Number(await namesGrid().getAttribute('aria-rowcount')) - 1).toBeLessThan(everything);
    await row.getByRole('gridcell', { name: operatorName, exact: true }).waitFor();

    // From the search, Tab reaches the table in a few presses and never lands on a pencil.
    const stops: (string | null)[] = [];
    for (let presses = 0; presses < 10 && (await focusedLabel()) !== 'Names'; presses += 1) {
      await page.keyboard.press('Tab');
      stops.push(await focusedLabel());
    }
    expect(await focusedLabel()).toBe('Names');
    expect(stops.filter((label) => label?.startsWith('Rename'))).toEqual([]);
    // The next Tab leaves the table rather than walking its pencils.
    await page.keyboard.press('Tab');
    expect((await focusedLabel()) ?? '').not.toMatch(/^Rename/);
    expect(await page.evaluate(() => document.activeElement?.closest('[role="grid"]') != null)).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Names');
    // To the own name's cell (kind, code, operator's name, own name), F2, type, Escape: nothing changes.
    await page.keyboard.press('Home');
    for (let presses = 0; presses < 3; presses += 1) await page.keyboard.press('ArrowRight');
    const ownNameField = page.getByRole('textbox', { name: `Own name for service ${code}`, exact: true });
    await page.keyboard.press('F2');
    await ownNameField.waitFor();
    expect(await focusedLabel()).toBe(`Own name for service ${code}`);
    await page.keyboard.type('Not this one');
    await page.keyboard.press('Escape');
    await ownNameField.waitFor({ state: 'detached' });
    // Escape returns the focus to the cell the rename started from.
    expect(await focusedLabel()).toBe('Names');
    expect(await activeCellText()).toBe('✎');
    expect(await row.getByText('Not this one').count()).toBe(0);
    // Enter on the name cell renames too; Enter in the field saves.
    await page.keyboard.press('Enter');
    await ownNameField.waitFor();
    await page.keyboard.type(OWN_NAME);
    await page.keyboard.press('Enter');
    await row.getByText(OWN_NAME, { exact: true }).waitFor();
    await row.getByText('Waiting to be sent', { exact: true }).waitFor();
    // Focus is back on the cell, so the clerk can go on from the keyboard.
    expect(await focusedLabel()).toBe('Names');
    expect(await activeCellText()).toBe(`${OWN_NAME}✎`);

    // The line explorer names the service the clerk's way, before and after a reload.
    await page.goto(`${web.url}#/lines?svc=${encodeURIComponent(code)}`);
    const linesGrid = page.getByRole('grid', { name: 'Lines' });
    await linesGrid.getByText(OWN_NAME, { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.reload();
    await linesGrid.getByText(OWN_NAME, { exact: true }).first().waitFor({ timeout: 30_000 });
    await waitingChanges().waitFor();

    // Back online: the rename reaches the operator and its mark goes.
    await reconnectAndSync(page, sim.url);
    await waitUntilPushed(page, 30_000);

    // The own name is searchable too, without its accent; the search survives a reload.
    await page.goto(`${web.url}#/names`);
    await namesGrid().getByRole('row').nth(1).getByRole('gridcell').first().waitFor();
    await search().fill('frankiermaschine geneve');
    await rename.waitFor();
    expect(Number(await namesGrid().getAttribute('aria-rowcount')) - 1).toBe(1);
    await page.reload();
    await rename.waitFor({ timeout: 30_000 });
    expect(await search().inputValue()).toBe('frankiermaschine geneve');
    await row.getByText(OWN_NAME, { exact: true }).waitFor();
    expect(await row.getByText('Waiting to be sent').count()).toBe(0);
  });

  it('in the line explorer, F2 renames the focused line’s service, Escape returns to the cell, and no pencil is a Tab stop', async () => {
    await page.goto(`${web.url}#/lines`);
    const linesGrid = page.getByRole('grid', { name: 'Lines' });
    await linesGrid.getByRole('row').nth(1).getByRole('gridcell').first().waitFor({ timeout: 30_000 });
    const stops: (string | null)[] = [];
    for (let presses = 0; presses < 30 && (await focusedLabel()) !== 'Lines'; presses += 1) {
      await page.keyboard.press('Tab');
      stops.push(await focusedLabel());
    }
    expect(await focusedLabel()).toBe('Lines');
    expect(stops.filter((label) => label?.startsWith('Rename'))).toEqual([]);
    // The next Tab leaves the table rather than walking its pencils.
    await page.keyboard.press('Tab');
    expect((await focusedLabel()) ?? '').not.toMatch(/^Rename/);
    expect(await page.evaluate(() => document.activeElement?.closest('[role="grid"]') != null)).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Lines');
    // On the invoice number's cell, F2 renames the row's first name: its service.
    await page.keyboard.press('ArrowDown');
    const field = page.getByRole('textbox', { name: /^Own name for service / });
    await page.keyboard.press('F2');
    await field.waitFor();
    await page.keyboard.press('Escape');
    await field.waitFor({ state: 'detached' });
    expect(await focusedLabel()).toBe('Lines');
    // Still on this page: the Escape belonged to the rename.
    expect(page.url()).toContain('#/lines');
    // The focus came back to the service's cell: Enter there renames again.
    await page.keyboard.press('Enter');
    await field.waitFor();
    await page.keyboard.press('Escape');
    await field.waitFor({ state: 'detached' });
    // Enter on a cell that is not a name opens the line's invoice, as before.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^(Invoice|Credit note) \d{10}$/ }).waitFor();
  });

  it('filters by kind, keeping the choice in the URL', async () => {
    await page.goto(`${web.url}#/names`);
    await namesGrid().getByRole('row').nth(1).getByRole('gridcell').first().waitFor();
    await page.getByLabel('Kind', { exact: true }).selectOption('licences');
    await page.waitForFunction(() => window.location.hash === '#/names?kind=licences');
    const kinds = await namesGrid().getByRole('row').locator('[role="gridcell"]:first-child').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Franking licence']));
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.waitForFunction(() => window.location.hash === '#/names');
  });
});
