import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_BY_CODE } from '../../simulator/data/catalogue';
import { startSyncedApp } from './appHarness';
import { allowPageProblems } from './browser';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let web: typeof app.web;
let sim: typeof app.sim;
let context: BrowserContext;
let page: Page;
let stats: typeof app.stats;

beforeAll(async () => {
  app = await startSyncedApp();
  ({ web, sim, context, page, stats } = app);
}, 180_000);

afterAll(async () => {
  await app.close();
});

const OWN_NAME = 'Frankiermaschine Genève';
const namesGrid = () => page.getByRole('grid', { name: 'Names' });
const search = () => page.getByRole('searchbox', { name: 'Search', exact: true });
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
const waitingChanges = () =>
  page.getByRole('contentinfo', { name: 'Synchronisation status' }).getByText('1 change waiting to be sent');

describe('the Names page', () => {
  it('renames a service found by its operator name from the keyboard; the own name shows everywhere and survives a reload', async () => {
    // The most used service, so the line explorer has lines to show it on.
    const [code] = Object.entries(stats.perService).sort((a, b) => b[1].lines - a[1].lines)[0]!;
    const operatorName = SERVICE_BY_CODE.get(code)?.names.en ?? '';
    expect(operatorName.length).toBeGreaterThan(4);
    const renameLabel = `Rename Service ${code}`;
    const rename = namesGrid().getByRole('button', { name: renameLabel, exact: true });
    const row = namesGrid()
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: renameLabel, exact: true }) });

    // Offline, so the rename stays in the outbox until this test lets it through.
    allowPageProblems(/net::ERR_INTERNET_DISCONNECTED \(http:\/\/127\.0\.0\.1:\d+\//);
    await context.route(`${sim.url}/**`, (route) => route.abort('internetdisconnected'));
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

    // Tab to the rename button, Enter, type, Enter.
    for (let presses = 0; presses < 80 && (await focusedLabel()) !== renameLabel; presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedLabel()).toBe(renameLabel);
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: `Own name for Service ${code}`, exact: true }).waitFor();
    expect(await focusedLabel()).toBe(`Own name for Service ${code}`);
    await page.keyboard.type(OWN_NAME);
    await page.keyboard.press('Enter');
    await row.getByText(OWN_NAME, { exact: true }).waitFor();
    await row.getByText('Waiting to be sent', { exact: true }).waitFor();
    // Focus is back where it was, so the clerk can go on from the keyboard.
    expect(await focusedLabel()).toBe(renameLabel);

    // The line explorer names the service the clerk's way, before and after a reload.
    await page.goto(`${web.url}#/lines?svc=${encodeURIComponent(code)}`);
    const linesGrid = page.getByRole('grid', { name: 'Lines' });
    await linesGrid.getByText(OWN_NAME, { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.reload();
    await linesGrid.getByText(OWN_NAME, { exact: true }).first().waitFor({ timeout: 30_000 });
    await waitingChanges().waitFor();

    // Back online: the rename reaches the operator and its mark goes.
    await context.unroute(`${sim.url}/**`);
    await page.getByRole('button', { name: 'Synchronise now' }).click();
    await waitingChanges().waitFor({ state: 'detached', timeout: 30_000 });

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
