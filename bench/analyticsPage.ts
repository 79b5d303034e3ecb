import type { BrowserContext, Page } from 'playwright-core';
import { activeDatabaseName } from '../tests/testing/activeDatabase';
import { median } from './stats';

/**
 * The Analytics page in the synced archive: the time from navigation (a hash change from the
 * Overview, as a click in the navigation makes) to the first frame that shows its charts and its
 * cost centre x month table, and the time from each change of the selection (the page's own
 * controls, as the clerk uses them) to the first frame that shows the new figures. Times are taken
 * inside the page (performance.now, settled on requestAnimationFrame), not over the driver.
 */

export interface AnalyticsPageResult {
  months: number;
  allocatedRows: number;
  /** Median over the runs after the first; the first also loads the page's code. */
  firstPaintMs: number;
  firstPaintColdMs: number;
  /** ms: to the first frame with the new figures (summary, totals, tables); chartsMs: with the charts redrawn too. */
  periodChanges: Array<{ change: string; ms: number; chartsMs: number }>;
  periodChangeMaxMs: number;
  periodChangeChartsMaxMs: number;
  memoryMiB: number | null;
  targetMs: { firstPaint: number; periodChange: number };
}

const round = (value: number) => Math.round(value * 10) / 10;
// Plain text, run in the page: tsx would wrap named inner functions in a helper the page lacks.
const openAnalytics = `
  new Promise((resolve, reject) => {
    const started = performance.now();
    const ready = () =>
      document.querySelector('table[aria-labelledby="analytics-cross"] tbody tr') &&
      document.querySelectorAll('.analytics .recharts-surface').length >= 4;
    const check = () =>
      ready()
        ? requestAnimationFrame(() => resolve(performance.now() - started))
        : performance.now() - started > 20000
          ? reject(new Error('the Analytics page did not show its charts within 20 s'))
          : requestAnimationFrame(check);
    window.location.hash = '#/analytics';
    requestAnimationFrame(check);
  })
`;

const leaveAnalytics = `
  new Promise((resolve) => {
    window.location.hash = '#/overview';
    const check = () => (document.querySelector('.analytics') ? requestAnimationFrame(check) : resolve(true));
    requestAnimationFrame(check);
  })
`;

/** Changes one control of the selection and waits for the figures it changes to be on screen. */
const change = (control: string, value: string | boolean) => `
  new Promise((resolve, reject) => {
    const fingerprint = () =>
      [
        document.querySelector('.analytics__summary')?.textContent,
        document.querySelector('[data-testid="analytics-total"]')?.textContent,
        document.querySelectorAll('table[aria-labelledby="analytics-cross"] thead th').length,
        // Back to chosen months keeps the months on screen: what shows is the From and To fields.
        document.querySelectorAll('.analytics__selection select').length,
      ].join('|');
    const before = fingerprint();
    const element = document.querySelector(${JSON.stringify(control)});
    const started = performance.now();
    if (element instanceof HTMLSelectElement) {
      element.value = ${JSON.stringify(value)};
      element.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (element instanceof HTMLInputElement) {
      element.click();
    }
    let figuresMs = null;
    const grid = () => document.querySelector('.analytics__grid');
    const charted = () => grid()?.getAttribute('data-charted') === grid()?.getAttribute('data-chosen');
    const check = () => {
      if (figuresMs === null && fingerprint() !== before) figuresMs = performance.now() - started;
      if (figuresMs !== null && charted())
        requestAnimationFrame(() => resolve([figuresMs, performance.now() - started]));
      else if (performance.now() - started > 10000)
        reject(new Error('the change ${control} = ${String(value)} showed nothing within 10 s'));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })
`;

export const measureAnalyticsPage = async (
  context: BrowserContext,
  appUrl: string,
  runs: number,
  memoryOf: (page: Page) => Promise<number | null>,
): Promise<AnalyticsPageResult> => {
  const page = await context.newPage();
  await page.goto(`${appUrl}#/overview`);
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.waitForTimeout(1000);
  const paints: number[] = [];
  for (let run = 0; run < runs + 1; run += 1) {
    paints.push(Number(await page.evaluate(openAnalytics)));
    if (run < runs) await page.evaluate(leaveAnalytics);
  }
  const months = (await page.locator('table[aria-labelledby="analytics-cross"] thead th').count()) - 2;
  const allocatedRows = await page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error ?? new Error('open'));
        request.onsuccess = () => {
          const count = request.result
            .transaction('allocatedRollups')
            .objectStore('allocatedRollups')
            .count();
          count.onsuccess = () => {
            resolve(count.result);
            request.result.close();
          };
        };
      }),
    await activeDatabaseName(page),
  );
  const stored = await page
    .locator('.analytics__selection select')
    .nth(1)
    .locator('option')
    .evaluateAll((options) => options.map((option) => option.getAttribute('value') ?? ''));
  const from = (index: number) => stored[Math.max(0, stored.length - index)] ?? '';
  const changes: Array<[string, string, string | boolean]> = [
    ['from: the last 6 months', '', ''],
    ['compare with a year earlier', '.analytics__check input[type="checkbox"]', true],
    ['gross', 'input[name="analytics-measure"][value="gross"]', true],
    ['from: the last 12 months', '', ''],
    ['year to date', '', 'ytd'],
    ['rolling 12 months', '', 'rolling12'],
    ['VAT', 'input[name="analytics-measure"][value="vat"]', true],
    ['no comparison', '.analytics__check input[type="checkbox"]', false],
    ['back to the chosen months', '', 'range'],
    ['from: the first stored month', '', ''],
  ];
  const periodChanges: Array<{ change: string; ms: number; chartsMs: number }> = [];
  for (const [name, control, value] of changes) {
    let selector = control;
    let chosen: string | boolean = value;
    if (name.startsWith('from:')) {
      selector = '.analytics__selection label:nth-of-type(2) select';
      chosen = name.endsWith('6 months')
        ? from(6)
        : name.endsWith('12 months')
          ? from(12)
          : (stored[0] ?? '');
    } else if (control === '') selector = '.analytics__selection label:nth-of-type(1) select';
    const [figuresMs = 0, chartsMs = 0] = await page.evaluate<number[]>(change(selector, chosen));
    periodChanges.push({ change: name, ms: round(figuresMs), chartsMs: round(chartsMs) });
  }
  const memory = await memoryOf(page);
  await page.close();
  return {
    months,
    allocatedRows,
    firstPaintMs: round(median(paints.slice(1))),
    firstPaintColdMs: round(paints[0] ?? 0),
    periodChanges,
    periodChangeMaxMs: Math.max(...periodChanges.map((entry) => entry.ms)),
    periodChangeChartsMaxMs: Math.max(...periodChanges.map((entry) => entry.chartsMs)),
    memoryMiB: memory === null ? null : Math.round((memory / 1024 / 1024) * 10) / 10,
    targetMs: { firstPaint: 300, periodChange: 100 },
  };
};
