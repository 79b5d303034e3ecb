/**
 * `npm run bench [-- --quick] [-- --runs N]`: the one place where speed and memory are measured.
 * Starts the simulator (large profile: 1.3 million lines; --quick: medium, 100,000), serves the
 * browser build plus a same-origin bench page, drives Debian's Chromium through playwright-core, and
 * writes bench/results.json (or results-quick.json) and docs/BENCHMARKS.md.
 * `--only costCentreImport` measures just the cost-centre file import (no browser, no simulator) and
 * updates that entry of the results file and the page; `--only allocation` likewise measures just
 * the re-allocation and the cost table from the allocated rollups (bench/allocation.ts, in Node);
 * `--only allocationBrowser` the same in Chromium, in the archive of one sync (bench/page/main.ts);
 * `--only analyticsPage` the Analytics page's first paint and period changes (bench/analyticsPage.ts);
 * `--only exports` the workbook of every line and the SAP journal (bench/exports.ts, in Node).
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { startSimulator } from '../simulator/standalone';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser';
import { measureAllocation } from './allocation';
import { measureAnalyticsPage } from './analyticsPage';
import { measureExports } from './exports';
import {
  LINES_FIRST_ROWS_TARGET_MS,
  measureLinesFirstRows,
  measureLinesFirstRowsOnDisk,
} from './linesFirstRows';
import { measureCostCentreImport } from './costCenterImport';
import { COLD_START_AB_FILE, renderMarkdown, type ColdStartAB } from './report';
import {
  costDelta,
  lastSyncRun,
  measureFirstSync,
  simulatorCost,
  summarise,
  type SyncBreakdown,
} from './syncBreakdown';
import type { CostSnapshot, KindCost } from '../simulator/cost';
import { connectToSimulator, saveConnection, syncEnded } from './connect';
import { calibrate } from './calibrate';
import { median } from './stats';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = args.indexOf('--runs');
// Quick mode trades repetitions for time: two runs, so it ends in a few minutes on this machine.
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 2 : 3;
const profile = quick ? 'medium' : 'large';
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : undefined;
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The median of each member over runs. */
const medianRecord = (records: ReadonlyArray<Record<string, number>>): Record<string, number> => {
  const keys = new Set(records.flatMap((record) => Object.keys(record)));
  return Object.fromEntries(
    [...keys].map((key) => [key, Math.round(median(records.map((record) => record[key] ?? 0)))]),
  );
};

const medianCost = (costs: readonly CostSnapshot[]): CostSnapshot => {
  const of = (kind: keyof CostSnapshot): KindCost => {
    const middle = medianRecord(costs.map((cost) => ({ ...cost[kind] })));
    return {
      requests: middle.requests ?? 0,
      handlerMs: middle.handlerMs ?? 0,
      encodeMs: middle.encodeMs ?? 0,
      bodyBytes: middle.bodyBytes ?? 0,
      sentBytes: middle.sentBytes ?? 0,
    };
  };
  return { feed: of('feed'), lines: of('lines'), document: of('document'), other: of('other') };
};

/**
 * Installed in every page before the app runs: records main-thread tasks over 50 ms (start and
 * duration) and stamps the first table row on screen. Plain text, not a serialised function: tsx
 * would wrap named inner functions in a helper the page does not have, and the script would stop.
 */
const probes = `
  (() => {
    const state = { longTasks: [], firstRows: null };
    window.__bench = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    const observer = new MutationObserver(() => {
      if (state.firstRows !== null) return;
      if (!document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])')) return;
      state.firstRows = performance.now();
      observer.disconnect();
    });
    // Rows arrive as nodes or as a busy row turning ready: both are mutations worth a look.
    document.addEventListener('DOMContentLoaded', () =>
      observer.observe(document.body, { childList: true, subtree: true, attributes: true }),
    );
  })();
`;

const memoryOf = async (page: Page): Promise<number | null> =>
  page.evaluate(async () => {
    const measure = (
      performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }
    ).measureUserAgentSpecificMemory;
    if (!window.crossOriginIsolated || !measure) return null;
    return (await measure.call(performance)).bytes;
  });

const connectAndSync = async (page: Page, appUrl: string, simUrl: string) => {
  await connectToSimulator(page, appUrl, simUrl);
  const started = Date.now();
  // Tasks before this moment belong to loading the page, not to the sync.
  const syncStart = await page.evaluate(() => performance.now());
  await saveConnection(page);
  await syncEnded(page, 45 * 60_000);
  return { wallMs: Date.now() - started, syncStart };
};

/**
 * Navigation start to the first table row on screen, stamped by the page's own observer: polling
 * from the test driver would add its own retry interval (up to half a second) to the figure.
 */
const coldStart = async (context: BrowserContext, url: string) => {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __bench: { firstRows: number | null } }).__bench.firstRows !== null,
    null,
    { timeout: 120_000 },
  );
  const firstRows = await page.evaluate(
    () => (window as unknown as { __bench: { firstRows: number } }).__bench.firstRows,
  );
  return { page, firstRows };
};

/** Replaces one entry of an existing results file and renders the page again. */
const updateEntryOnly = (entry: Record<string, unknown>) => {
  const file = quick ? 'bench/results-quick.json' : 'bench/results.json';
  const other = quick ? 'bench/results.json' : 'bench/results-quick.json';
  const read = (path: string): Record<string, unknown> | null =>
    existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : null;
  const current = read(file);
  if (current === null) throw new Error(`${file} does not exist yet: run the whole bench once`);
  const updated = { ...current, ...entry };
  writeFileSync(file, `${JSON.stringify(updated, null, 2)}\n`);
  const previous = read(other);
  type Results = Parameters<typeof renderMarkdown>[0];
  writeFileSync(
    'docs/BENCHMARKS.md',
    renderMarkdown(
      (quick ? previous : updated) as Results,
      (quick ? updated : previous) as Results,
      coldStartAB(),
    ),
  );
  log(`updated ${file} and docs/BENCHMARKS.md`);
};

/** The builds compared by bench/coldStartAB.ts, kept on the page whatever else is measured. */
const coldStartAB = (): ColdStartAB | null =>
  existsSync(COLD_START_AB_FILE)
    ? (JSON.parse(readFileSync(COLD_START_AB_FILE, 'utf8')) as ColdStartAB)
    : null;

const main = async () => {
  const started = Date.now();
  const calibration = calibrate();
  log(
    `calibration: ${calibration.medianMs} ms (a fixed Node workload; load average ${calibration.loadAverage})`,
  );
  // First, while nothing else of the bench runs: pure computation, timed in this process.
  const measureAllocationHere = async () => {
    // It builds its own archive in this process (fake-indexeddb), the browser not yet started.
    log(`allocation: ${quick ? 'medium' : 'large'} profile through the sync's commit`);
    const result = await measureAllocation(quick, Math.max(5, runs));
    log(`allocation: ${result.status}`);
    return result;
  };
  if (only === 'allocation') {
    updateEntryOnly({ allocation: await measureAllocationHere() });
    return;
  }
  if (only === 'exports') {
    log(`exports: ${quick ? 'medium' : 'large'} profile, the workbook of every line and the SAP journal`);
    const result = await measureExports(quick);
    log(`exports: ${result.status}`);
    updateEntryOnly({ exports: result });
    return;
  }
  // Only the browser's allocation figures: nothing else of the bench is measured.
  const browserOnly = only === 'allocationBrowser' || only === 'analyticsPage';
  if (!browserOnly) log('cost-centre import: 10,000-row xlsx');
  const costCentreImport = browserOnly ? null : measureCostCentreImport(quick ? 5 : 9);
  if (costCentreImport) log(`cost-centre import: ${costCentreImport.status}`);
  if (only === 'costCentreImport' && costCentreImport) {
    updateEntryOnly({ costCentreImport });
    return;
  }
  const allocation = browserOnly ? null : await measureAllocationHere();
  log(`building (profile ${profile}, ${runs} runs)`);
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.bench.config.ts', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  const sim = await startSimulator({ port: 0, profile, control: true });
  const stats = (await (await fetch(`${sim.url}/__sim/stats`)).json()) as { invoices: number; lines: number };
  log(`simulator ${profile}: ${stats.invoices} invoices, ${stats.lines} lines`);
  const server = await preview({
    configFile: 'bench/vite.bench.config.ts',
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1' },
  });
  const base = server.resolvedUrls?.local[0] ?? '';
  const appUrl = `${base}renderer/index.html`;
  const benchUrl = `${base}bench/page/index.html`;
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--enable-precise-memory-info'],
  });

  // 1. Initial sync, several fresh profiles; the last one stays for the rest (one for the allocation alone).
  const syncRunCount = browserOnly ? 1 : runs;
  const syncRuns: Array<Record<string, number>> = [];
  const syncSteps: Array<{ stepMs: Record<string, number>; simulator: CostSnapshot }> = [];
  let context: BrowserContext | null = null;
  let memoryAfterSync: number | null = null;
  for (let run = 0; run < syncRunCount; run += 1) {
    await context?.close();
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: probes });
    const page = await context.newPage();
    const costBefore = await simulatorCost(sim.url);
    const { wallMs, syncStart } = await connectAndSync(page, appUrl, sim.url);
    const record = await lastSyncRun(page);
    const simulator = costDelta(await simulatorCost(sim.url), costBefore);
    const allTasks = await page.evaluate(
      () =>
        (window as unknown as { __bench: { longTasks: Array<{ start: number; duration: number }> } }).__bench
          .longTasks,
    );
    const longTasks = allTasks.filter((task) => task.start >= syncStart).map((task) => task.duration);
    const pageLoadLongestTask = Math.round(
      Math.max(0, ...allTasks.filter((task) => task.start < syncStart).map((task) => task.duration)),
    );
    const phaseMs = (record?.phaseMs ?? {}) as Record<string, number>;
    const lines = Number(record?.linesStored ?? 0);
    const linesMs = phaseMs.lines ?? 1;
    syncRuns.push({
      lines,
      wallMs,
      linesPhaseMs: linesMs,
      linesPerSecond: Math.round(lines / (linesMs / 1000)),
      overallLinesPerSecond: Math.round(lines / (wallMs / 1000)),
      invoicesPhaseMs: phaseMs.invoices ?? 0,
      documentsPhaseMs: phaseMs.documents ?? 0,
      resourcesPhaseMs: phaseMs.resources ?? 0,
      maxLongTaskMs: Math.round(Math.max(0, ...longTasks)),
      longTasksOver50: longTasks.length,
      longTasksOver200: longTasks.filter((duration) => duration > 200).length,
      pageLoadLongestTask,
    });
    syncSteps.push({
      stepMs: (record?.stepMs ?? {}) as Record<string, number>,
      simulator,
    });
    memoryAfterSync = await memoryOf(page);
    log(
      `sync run ${run + 1}: ${lines} lines, lines phase ${Math.round(linesMs)} ms (${syncRuns.at(-1)?.linesPerSecond} lines/s), wall ${wallMs} ms`,
    );
    await page.close();
  }
  if (!context) throw new Error('no runs');

  /** Re-allocation and the allocated cost table in the app's own archive, in Chromium. */
  const allocationInBrowser = async (browserContext: BrowserContext) => {
    const page = await browserContext.newPage();
    await page.goto(benchUrl);
    await page.getByText('ready').waitFor();
    log('allocation in the browser');
    const result = await page.evaluate(([n, wanted]) => window.invoiceDeskBench.allocation(n, wanted), [
      Math.max(5, runs),
      quick ? 10_000 : 100_000,
    ] as const);
    log(
      `allocation in the browser: re-allocation ${result.reallocationMs} ms (${result.keyLines} lines, ${result.blocksRead} blocks), cost table ${result.costTableMs} ms`,
    );
    await page.close();
    return { ...result, targetMs: { reallocation: 500, costTable: 50 } };
  };
  /** The Analytics page: first paint after navigation, and each change of its selection. */
  const analyticsPageHere = async (browserContext: BrowserContext) => {
    log('analytics page');
    const result = await measureAnalyticsPage(browserContext, appUrl, runs, memoryOf);
    log(
      `analytics page: ${result.months} months, first paint ${result.firstPaintMs} ms (cold ${result.firstPaintColdMs} ms), slowest period change ${result.periodChangeMaxMs} ms`,
    );
    return result;
  };
  if (only === 'analyticsPage') {
    updateEntryOnly({ analyticsPage: await analyticsPageHere(context) });
    await browser.close();
    await server.close();
    await sim.close();
    return;
  }
  if (only === 'allocationBrowser') {
    updateEntryOnly({ allocationBrowser: await allocationInBrowser(context) });
    await browser.close();
    await server.close();
    await sim.close();
    return;
  }
  if (!costCentreImport || !allocation) throw new Error('measured in this process above');

  // 2. The per-row ceiling, in the same browser, same origin, same chunk size.
  const benchPage = await context.newPage();
  await benchPage.goto(benchUrl);
  await benchPage.getByText('ready').waitFor();
  const ceilingRows = quick ? 100_000 : 200_000;
  log(`ceiling: raw IndexedDB put loop over ${ceilingRows} lines`);
  const ceiling = await benchPage.evaluate(
    ([url, rows]) => window.invoiceDeskBench.ceiling(url, rows, 5000),
    [sim.url, ceilingRows] as const,
  );
  log(`columnar ceiling: the same lines encoded into blocks, one record per page`);
  const columnarCeiling = await benchPage.evaluate(
    ([url, rows]) => window.invoiceDeskBench.columnarCeiling(url, rows, 5000),
    [sim.url, quick ? 100_000 : 400_000] as const,
  );
  log(`columnar ceiling: ${columnarCeiling.rowsPerSecond} rows/s`);
  await benchPage.close();

  // 2b. A newcomer's first sync of the demo back end, cold, in the browser build.
  const demo = await startSimulator({ port: 0, profile: 'demo', control: true });
  writeFileSync('dist-bench/renderer/web-config.json', `${JSON.stringify({ demoApiUrl: demo.url })}\n`);
  const demoRuns: SyncBreakdown[] = [];
  for (let run = 0; run < Math.max(3, runs); run += 1) {
    const result = await measureFirstSync(browser, appUrl, demo.url, false);
    demoRuns.push(result);
    log(
      `demo sync ${run + 1}: first invoice rows ${result.firstInvoiceRowsMs} ms, all lines ${result.allLinesMs} ms, all PDFs ${result.allDocumentsMs} ms`,
    );
  }
  await demo.close();
  rmSync('dist-bench/renderer/web-config.json', { force: true });

  // 3. Cold start with everything cached: first invoice rows, first line rows, memory per page.
  const cold: Array<{ invoices: number; lines: number }> = [];
  const memoryPerPage: Record<string, number | null> = {};
  for (let run = 0; run < runs; run += 1) {
    const invoices = await coldStart(context, `${appUrl}#/invoices`);
    if (run === 0) memoryPerPage.invoices = await memoryOf(invoices.page);
    await invoices.page.close();
    const lines = await coldStart(context, `${appUrl}#/lines`);
    if (run === 0) memoryPerPage.lines = await memoryOf(lines.page);
    await lines.page.close();
    cold.push({ invoices: invoices.firstRows, lines: lines.firstRows });
    log(
      `cold start ${run + 1}: invoices ${Math.round(invoices.firstRows)} ms, lines ${Math.round(lines.firstRows)} ms`,
    );
  }
  log('line explorer first rows and count');
  const linesFirstRows = await measureLinesFirstRows(context, appUrl, runs);
  log(`line explorer: first rows ${linesFirstRows.firstRowsMs} ms, count ${linesFirstRows.countedMs} ms`);
  log('line explorer, archive on disk: a profile on disk syncs the archive');
  const linesOnDisk = await measureLinesFirstRowsOnDisk(appUrl, sim.url, runs);
  log(`line explorer on disk: first rows ${linesOnDisk.firstRowsMs} ms, count ${linesOnDisk.countedMs} ms`);
  const tour = await context.newPage();
  for (const [name, hash] of [
    ['overview', '#/overview'],
    ['analytics', '#/analytics'],
    ['settings', '#/settings'],
  ] as const) {
    await tour.goto(`${appUrl}${hash}`);
    await tour.waitForTimeout(quick ? 1000 : 2000);
    memoryPerPage[name] = await memoryOf(tour);
  }
  await tour.goto(`${appUrl}#/invoices`);
  await tour.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1).dblclick();
  await tour.getByText(/SHA-256 verified/).waitFor({ timeout: 60_000 });
  await tour.waitForTimeout(2000);
  memoryPerPage.invoiceDetail = await memoryOf(tour);
  await tour.close();

  // 4. Queries and 5. analytics, each against the naive full scan in the same run.
  const probe = await context.newPage();
  await probe.goto(benchUrl);
  await probe.getByText('ready').waitFor();
  log('queries');
  const queries = await probe.evaluate(([n, naive]) => window.invoiceDeskBench.queries(n, naive), [
    20,
    quick ? 3 : 2,
  ] as const);
  log('analytics');
  const analytics = await probe.evaluate(([n, naive]) => window.invoiceDeskBench.analytics(n, naive), [
    10,
    quick ? 3 : 2,
  ] as const);
  await probe.close();
  const allocationBrowser = await allocationInBrowser(context);
  const analyticsPage = await analyticsPageHere(context);

  const results = {
    measuredAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    runs,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      chromium: browser.version(),
      calibration,
    },
    dataset: { profile, invoices: stats.invoices, lines: stats.lines },
    sync: {
      runs: syncRuns,
      medianLinesPerSecond: median(syncRuns.map((run) => run.linesPerSecond ?? 0)),
      medianOverallLinesPerSecond: median(syncRuns.map((run) => run.overallLinesPerSecond ?? 0)),
      medianWallMs: median(syncRuns.map((run) => run.wallMs ?? 0)),
      maxLongTaskMs: Math.max(...syncRuns.map((run) => run.maxLongTaskMs ?? 0)),
      maxPageLoadTaskMs: Math.max(...syncRuns.map((run) => run.pageLoadLongestTask ?? 0)),
      ceiling,
      ratioToCeiling:
        Math.round((median(syncRuns.map((run) => run.linesPerSecond ?? 0)) / ceiling.rowsPerSecond) * 100) /
        100,
      columnarCeiling,
      ratioToColumnarCeiling:
        Math.round(
          (median(syncRuns.map((run) => run.linesPerSecond ?? 0)) / columnarCeiling.rowsPerSecond) * 100,
        ) / 100,
      maxLongTasksOver50: Math.max(...syncRuns.map((run) => run.longTasksOver50 ?? 0)),
      phasesMs: medianRecord(
        syncRuns.map((run) => ({
          invoices: run.invoicesPhaseMs ?? 0,
          lines: run.linesPhaseMs ?? 0,
          documents: run.documentsPhaseMs ?? 0,
          resources: run.resourcesPhaseMs ?? 0,
        })),
      ),
      stepMs: medianRecord(syncSteps.map((run) => run.stepMs)),
      simulator: medianCost(syncSteps.map((run) => run.simulator)),
    },
    demoSync: {
      ...summarise(demoRuns),
      stepMs: medianRecord(demoRuns.map((run) => run.stepMs)),
      simulator: medianCost(demoRuns.map((run) => run.simulator)),
      maxLongTaskMs: Math.max(...demoRuns.map((run) => run.maxLongTaskMs)),
      targetMs: 3000,
    },
    coldStart: {
      invoicesFirstRowsMs: Math.round(median(cold.map((run) => run.invoices))),
      linesFirstRowsMs: Math.round(median(cold.map((run) => run.lines))),
      linesExplorer: { ...linesFirstRows, targetMs: LINES_FIRST_ROWS_TARGET_MS },
      linesExplorerOnDisk: { ...linesOnDisk, targetMs: LINES_FIRST_ROWS_TARGET_MS },
      runs: cold.map((run) => ({ invoices: Math.round(run.invoices), lines: Math.round(run.lines) })),
    },
    queries,
    analytics,
    memoryMiB: {
      afterSync: memoryAfterSync === null ? null : mb(memoryAfterSync),
      ...Object.fromEntries(
        Object.entries(memoryPerPage).map(([name, bytes]) => [name, bytes === null ? null : mb(bytes)]),
      ),
    },
    costCentreImport,
    allocation,
    allocationBrowser,
    analyticsPage,
  };
  const file = quick ? 'bench/results-quick.json' : 'bench/results.json';
  // Entries only `--only …` measures (the exports) are kept from the file's last run.
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const written = { ...earlier, ...results };
  writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
  const other = quick ? 'bench/results.json' : 'bench/results-quick.json';
  const previous: unknown = existsSync(other) ? JSON.parse(readFileSync(other, 'utf8')) : null;
  writeFileSync(
    'docs/BENCHMARKS.md',
    renderMarkdown(
      quick ? (previous as typeof results | null) : written,
      quick ? written : (previous as typeof results | null),
      coldStartAB(),
    ),
  );
  log(`wrote ${file} and docs/BENCHMARKS.md in ${results.durationSeconds} s`);
  console.log(
    JSON.stringify(
      {
        sync: results.sync,
        demoSync: { ...results.demoSync, runs: undefined },
        coldStart: results.coldStart,
        queries: results.queries,
        analytics: results.analytics,
        memoryMiB: results.memoryMiB,
        costCentreImport: results.costCentreImport,
        allocation: results.allocation,
        allocationBrowser: results.allocationBrowser,
        analyticsPage: results.analyticsPage,
      },
      null,
      2,
    ),
  );

  await browser.close();
  await server.close();
  await sim.close();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
