import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/standalone';
import { DEMO_BACKEND_ABSENT, simStats } from './appHarness';
import { allowPageProblems, launchChromium } from './browser';
import { startWebServer } from './webServer';

// What a clerk meets in the first minutes and every day after: the first sync seen from the
// Overview, a cancelled sync, an edit that reaches the operator at once, and what is new since the
// last visit. One profile goes through all of it, in order.
let browser: Browser;
let web: Awaited<ReturnType<typeof startWebServer>>;
let sim: RunningSimulator;
let context: BrowserContext;
let page: Page;
let stats: Awaited<ReturnType<typeof simStats>>;

beforeAll(async () => {
  [web, sim, browser] = await Promise.all([
    startWebServer(),
    startSimulator({ port: 0, control: true, seed: 1, now: '2026-11-22' }),
    launchChromium(),
  ]);
  stats = await simStats(sim.url);
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 700 } });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context.close();
  await browser.close();
  await Promise.all([web.close(), sim.close()]);
});

const statusBar = () =>
  page.getByRole('contentinfo', { name: /Synchronisation status|État de la synchronisation/ });
const control = (path: string, init: RequestInit = {}) =>
  fetch(`${sim.url}/__sim/${path}`, { headers: { 'content-type': 'application/json' }, ...init });

/** The Overview's data table (hidden for the eye, read by screen readers): month and amount per row. */
const trendTable = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('.visually-hidden table tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    ),
  );

const operatorDesignations = async () => {
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
  const answer = (await (
    await fetch(`${sim.url}/v1/designations`, { headers: { authorization: `Bearer ${token.access_token}` } })
  ).json()) as { items: Array<{ kind: string; key: string; text: string }> };
  return answer.items;
};

describe('a clerk’s first minutes and days', () => {
  it('during the first sync the chart shows only complete months, never a negative one', async () => {
    allowPageProblems(DEMO_BACKEND_ABSENT);
    // Lines and PDFs arrive slowly, so the first sync can be watched (six requests in flight) and is
    // still running when the next test reloads: about 30 s, the commits keeping pace with the requests.
    await control('faults', {
      method: 'POST',
      body: JSON.stringify({ latencyMs: 400, pathPrefix: '/v1/invoices/' }),
    });
    await page.goto(`${web.url}#/settings`);
    await page.getByRole('radio', { name: 'The operator’s billing API' }).check();
    await page.getByLabel('API base URL').fill(sim.url);
    await page.getByLabel('Client ID').fill('demo');
    await page.getByLabel('Client secret').fill('demo-secret');
    await page.getByRole('button', { name: 'Save connection' }).click();
    await page.goto(`${web.url}#/overview`);
    await statusBar()
      .getByRole('status')
      .getByText(/ lines/)
      .waitFor({ timeout: 60_000 });

    let sawIncomplete = false;
    let incompleteNote = '';
    const shownNegative: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const rows = await trendTable();
      for (const [month = '', amount = ''] of rows) {
        if (amount === 'still being synchronised') sawIncomplete = true;
        else if (/[-−]/.test(amount)) shownNegative.push(`${month} ${amount}`);
      }
      const note = page.getByTestId('trend-incomplete');
      if (incompleteNote === '' && (await note.count()) > 0) incompleteNote = await note.innerText();
      if (!(await statusBar().getByText(/lines/).isVisible())) break;
      await page.waitForTimeout(250);
    }
    expect(sawIncomplete).toBe(true);
    expect(shownNegative).toEqual([]);
    expect(incompleteNote).toMatch(/^\d+ months? (is|are) still being synchronised/);
  }, 90_000);

  it('a cancelled sync says it is incomplete and what remains; the status bar keeps to one line in French at 1024 px', async () => {
    // In French, a start in the middle of the first sync resumes it.
    await page.evaluate(() => localStorage.setItem('invoice-desk.language', 'fr'));
    await page.reload();
    const running = statusBar().getByRole('status');
    await running.getByText(/Synchronisation en cours/).waitFor({ timeout: 30_000 });
    await running.getByText(/postes|documents/).waitFor({ timeout: 30_000 });
    const box = await statusBar().boundingBox();
    expect(box?.height).toBeLessThan(50);
    // What an ellipsis may cut is whole in the title.
    expect(await running.getAttribute('title')).toMatch(
      /^Synchronisation en cours… [\d\s’']+ sur [\d\s’']+ (postes|documents)/,
    );

    await statusBar().getByRole('button', { name: 'Annuler' }).click();
    const state = statusBar().getByTestId('sync-state');
    await state.getByText(/^Synchronisation incomplète, reste à récupérer : /).waitFor({ timeout: 30_000 });
    const text = await state.innerText();
    expect(text).toMatch(/\d+ (postes?|PDF)/);
    expect(text).not.toContain('Dernière synchronisation');
    const remainingLines = Number((/([\d\s’']+) postes?/.exec(text)?.[1] ?? '0').replace(/\D/g, ''));
    expect(remainingLines).toBeLessThan(stats.lines);

    // Back to English and full speed: the next run completes the archive, and says so.
    await control('faults', { method: 'DELETE' });
    await page.evaluate(() => localStorage.setItem('invoice-desk.language', 'en'));
    await page.reload();
    await statusBar()
      .getByText(/^Last synchronised/)
      .waitFor({ timeout: 90_000 });
    expect(await statusBar().getByTestId('invoice-count').innerText()).toBe(`${stats.invoices} invoices`);
    await page.goto(`${web.url}#/overview`);
    await page.getByRole('heading', { name: 'Open amount' }).waitFor();
    expect(await page.getByTestId('trend-incomplete').count()).toBe(0);
    expect((await trendTable()).map(([, amount]) => amount)).not.toContain('still being synchronised');
  });

  it('after the first sync nothing is “new”; the not-charged link opens the card’s 12 months', async () => {
    await page.reload();
    const fresh = page.getByRole('region', { name: 'New since your last visit' });
    await fresh.getByText('No new invoices since your last visit.').waitFor({ timeout: 30_000 });

    // Nothing on the Overview scrolls sideways, at either size (its hidden data table did).
    for (const width of [1024, 1440]) {
      await page.setViewportSize({ width, height: width === 1024 ? 700 : 900 });
      await page.getByRole('heading', { name: 'Open amount' }).waitFor();
      const sideways = await page.evaluate(() =>
        [document.documentElement, ...document.querySelectorAll('body *')]
          .filter((element) => {
            const overflow = getComputedStyle(element).overflowX;
            const scrolls =
              element === document.documentElement || overflow === 'auto' || overflow === 'scroll';
            return scrolls && element.scrollWidth > element.clientWidth;
          })
          .map(
            (element) =>
              `${element.tagName}.${element.className}: ${element.scrollWidth - element.clientWidth} px`,
          ),
      );
      expect(sideways).toEqual([]);
      // The window itself never scrolls: the page scrolls inside its main area.
      const windowOverflow = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return root.scrollHeight - root.clientHeight;
      });
      expect(windowOverflow).toBe(0);
    }
    await page.setViewportSize({ width: 1024, height: 700 });

    const card = page.getByRole('region', { name: 'Not charged to any cost centre' });
    const rows = await trendTable();
    const first = rows[0]?.[0] ?? '';
    const last = rows.at(-1)?.[0] ?? '';
    const [year = 0, month = 1] = last.split('-').map(Number);
    const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const figure = await card.locator('.figure').innerText();
    await card.getByRole('link').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/lines'));
    const params = new URLSearchParams(await page.evaluate(() => window.location.hash.split('?')[1] ?? ''));
    expect(params.get('cc')).toBe('-');
    expect(params.get('from')).toBe(`${first}-01`);
    expect(params.get('to')).toBe(lastDay);
    // The explorer's net total for that filter is the card's figure.
    await page.getByTestId('line-totals').getByText(figure).first().waitFor({ timeout: 30_000 });
  });

  it('an edit reaches the operator within seconds, without waiting for the next scheduled sync', async () => {
    await page.goto(`${web.url}#/lines`);
    const grid = page.getByRole('grid', { name: 'Lines' });
    await grid.getByRole('row').nth(1).getByRole('gridcell').first().waitFor({ timeout: 30_000 });
    await grid
      .getByRole('button', { name: /^Rename / })
      .first()
      .click();
    await page.getByRole('textbox', { name: /^Own name for / }).fill('Pushed at once');
    const typedAt = Date.now();
    await page.keyboard.press('Enter');
    for (;;) {
      if ((await operatorDesignations()).some((item) => item.text === 'Pushed at once')) break;
      // 2 s of quiet after the edit, then one sync run: well under 15 s.
      expect(Date.now() - typedAt).toBeLessThan(15_000);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await statusBar()
      .getByText(/change waiting to be sent/)
      .waitFor({ state: 'detached' });
  });

  it('invoices that arrive later are new since the last visit, five shown and the rest on demand', async () => {
    // Two months pass at the operator: new invoices are issued.
    await control('clock', { method: 'POST', body: JSON.stringify({ advanceDays: 61 }) });
    await page.goto(`${web.url}#/overview`);
    // The start's sync brings them.
    await page.reload();
    const fresh = page.getByRole('region', { name: 'New since your last visit' });
    const showAll = fresh.getByRole('button', { name: /^Show all \(\d+\)$/ });
    await showAll.waitFor({ timeout: 90_000 });
    expect(await fresh.getByRole('listitem').count()).toBe(5);
    const total = Number(/\((\d+)\)/.exec(await showAll.innerText())?.[1]);
    expect(total).toBeGreaterThan(5);
    await showAll.click();
    expect(await fresh.getByRole('listitem').count()).toBe(total);
    await fresh.getByRole('button', { name: 'Show fewer' }).click();
    expect(await fresh.getByRole('listitem').count()).toBe(5);
  }, 120_000);
});
