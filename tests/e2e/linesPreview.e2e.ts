import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncedApp } from './appHarness';

/**
 * A cold start of the line explorer shows its first rows from the newest blocks before the worker
 * has built its index, with the count said to be loading; the rows are the ones the whole index
 * shows once it is built, and only then do the count and totals appear.
 */

let app: Awaited<ReturnType<typeof startSyncedApp>>;

beforeAll(async () => {
  app = await startSyncedApp();
}, 180_000);

afterAll(async () => {
  await app.close();
});

/** The first rows the page drew, and what the totals said at that moment; plain text for the page. */
const probe = `
  (() => {
    const state = { rows: null, busy: null, totals: null };
    window.__firstRows = state;
    const shown = () =>
      [...document.querySelectorAll('[role="grid"] [role="row"][aria-rowindex]:not([aria-busy])')]
        .filter((row) => Number(row.getAttribute('aria-rowindex')) > 1)
        .map((row) => row.getAttribute('aria-rowindex') + ' ' + row.innerText);
    document.addEventListener('DOMContentLoaded', () => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])')) return;
        const totals = document.querySelector('[data-testid="line-totals"]');
        state.rows = shown();
        state.busy = totals ? totals.getAttribute('aria-busy') : null;
        state.totals = totals ? totals.innerText : null;
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  })();
`;

interface FirstRows {
  rows: string[] | null;
  busy: string | null;
  totals: string | null;
}

const rowsNow = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="grid"] [role="row"][aria-rowindex]:not([aria-busy])')]
      .filter((row) => Number(row.getAttribute('aria-rowindex')) > 1)
      .map((row) => `${row.getAttribute('aria-rowindex')} ${row.innerText}`),
  );

describe('the line explorer’s first rows', () => {
  // A filter few lines match may be answered by the whole index first: its preview has to read more.
  it.each([
    ['every line', '#/lines', true],
    ['one service', '#/lines?svc=PP-PRI', true],
    ['a customer reference', '#/lines?q=KST', false],
  ])('of %s come before the count, and are the rows the whole index shows', async (_label, hash, early) => {
    const page = await app.context.newPage();
    await page.addInitScript({ content: probe });
    await page.goto(`${app.web.url}${hash}`);
    await page.waitForFunction(
      () => (window as unknown as { __firstRows: FirstRows }).__firstRows.rows !== null,
    );
    const first = await page.evaluate(() => (window as unknown as { __firstRows: FirstRows }).__firstRows);
    if (early || first.busy === 'true') {
      // The count is not known yet, and the page says so rather than showing a wrong one.
      expect(first.busy).toBe('true');
      expect(first.totals).toContain('Counting the lines… the newest are shown meanwhile.');
      expect(first.totals).not.toMatch(/\d+ lines?\b/);
    }

    await page
      .getByTestId('line-totals')
      .getByText(/^[\d’',.]+ lines?$/)
      .waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('[role="grid"] [role="row"][aria-busy]'));
    const whole = await rowsNow(page);
    expect(first.rows?.length).toBeGreaterThan(5);
    expect(whole.slice(0, first.rows?.length)).toEqual(first.rows);
    await page.close();
  });
});
