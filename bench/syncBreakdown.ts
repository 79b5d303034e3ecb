/**
 * Where a first sync's time goes, in the browser build against the simulator over HTTP: the demo
 * profile as a newcomer meets it (no settings: the app syncs the demo back end on its own), with
 * the time from navigation to the first invoice rows, to every line stored and to every PDF stored
 * and verified; and, for any profile, the run's phases and steps (shared/sync/steps.ts) beside the
 * simulator's own cost over the same run (GET /__sim/cost), so that neither side is blamed for the
 * other's time on a machine both share. Used by bench/run.ts; `npx tsx bench/syncBreakdown.ts
 * [--profile demo|medium|large] [--runs N] [--dir built-renderer]` measures it alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildRenderer, startWebServer } from '../scripts/webServer';
import { WEB_CONFIG_FILE } from '../renderer/platform/webConfig';
import type { CostSnapshot, KindCost } from '../simulator/cost';
import type { ProfileName } from '../simulator/data/profiles';
import { startSimulator } from '../simulator/standalone';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser';
import { activeDatabaseName } from '../tests/testing/activeDatabase';
import { connectToSimulator, saveConnection, syncEnded } from './connect';
import { median } from './stats';

export interface SyncBreakdown {
  lines: number;
  documents: number;
  /** From navigation start; null where the page never showed it. */
  firstInvoiceRowsMs: number | null;
  allLinesMs: number;
  allDocumentsMs: number;
  phaseMs: Record<string, number>;
  stepMs: Record<string, number>;
  /** The simulator's time and bytes for this run alone. */
  simulator: CostSnapshot;
  /** Main-thread tasks over 50 ms from navigation to the end of the run. */
  longTasksOver50: number;
  maxLongTaskMs: number;
}

/**
 * Stamps the first invoice row and every long task, from the page's own clock. Plain text: tsx
 * would wrap named inner functions in a helper the page does not have.
 */
const probe = `
  (() => {
    const state = { firstRows: null, tasks: [] };
    window.__syncBench = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])')) return;
        state.firstRows = performance.now();
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  })();
`;

/** The newest completed run that stored lines, read from the app's own archive. */
export const lastSyncRun = async (page: Page) =>
  page.evaluate(
    (databaseName: string) =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const request = indexedDB.open(databaseName);
        request.onerror = () => reject(request.error ?? new Error('open'));
        request.onsuccess = () => {
          const idb = request.result;
          const all = idb.transaction('syncRuns').objectStore('syncRuns').getAll();
          all.onsuccess = () => {
            const runs = (all.result as Array<Record<string, unknown>>).filter(
              (run) => run.outcome === 'ok' && Number(run.linesStored) > 0,
            );
            idb.close();
            resolve(runs.at(-1) ?? null);
          };
        };
      }),
    await activeDatabaseName(page),
  );

export const simulatorCost = async (simUrl: string): Promise<CostSnapshot> =>
  (await (await fetch(`${simUrl}/__sim/cost`)).json()) as CostSnapshot;

/** What the simulator spent between two readings. */
export const costDelta = (after: CostSnapshot, before: CostSnapshot): CostSnapshot => {
  const of = (kind: keyof CostSnapshot): KindCost => ({
    requests: after[kind].requests - before[kind].requests,
    handlerMs: Math.round(after[kind].handlerMs - before[kind].handlerMs),
    encodeMs: Math.round(after[kind].encodeMs - before[kind].encodeMs),
    bodyBytes: after[kind].bodyBytes - before[kind].bodyBytes,
    sentBytes: after[kind].sentBytes - before[kind].sentBytes,
  });
  return { feed: of('feed'), lines: of('lines'), document: of('document'), other: of('other') };
};

/**
 * One first sync in a fresh browser profile. `connect` null: the newcomer's start on the demo back
 * end the server names; otherwise the connection is typed in Settings, as a clerk would.
 */
export const measureFirstSync = async (
  browser: Browser,
  appUrl: string,
  simUrl: string,
  connect: boolean,
): Promise<SyncBreakdown> => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  const before = await simulatorCost(simUrl);
  if (connect) {
    await connectToSimulator(page, appUrl, simUrl);
    await saveConnection(page);
  } else {
    await page.goto(`${appUrl}#/invoices`);
  }
  await syncEnded(page, 45 * 60_000);
  let run = await lastSyncRun(page);
  // The status bar can say so a moment before the run's record is read back.
  for (let tries = 0; run === null && tries < 20; tries += 1) {
    await page.waitForTimeout(100);
    run = await lastSyncRun(page);
  }
  if (run === null) throw new Error('no completed run in the archive');
  const after = await simulatorCost(simUrl);
  const state = await page.evaluate(() => {
    const bench = (
      window as unknown as { __syncBench: { firstRows: number | null; tasks: Array<[number, number]> } }
    ).__syncBench;
    return { origin: performance.timeOrigin, firstRows: bench.firstRows, tasks: bench.tasks };
  });
  const phaseMs = (run.phaseMs ?? {}) as Record<string, number>;
  const startedAt = Date.parse(String(run.startedAt)) - state.origin;
  const finishedAt = Date.parse(String(run.finishedAt)) - state.origin;
  const linesDone = startedAt + (phaseMs.outbox ?? 0) + (phaseMs.invoices ?? 0) + (phaseMs.lines ?? 0);
  const tasks = state.tasks.filter(([start]) => start <= finishedAt).map(([, duration]) => duration);
  await context.close();
  return {
    lines: Number(run.linesStored),
    documents: Number(run.documentsStored),
    firstInvoiceRowsMs: state.firstRows === null ? null : Math.round(state.firstRows),
    allLinesMs: Math.round(linesDone),
    allDocumentsMs: Math.round(finishedAt),
    phaseMs: Object.fromEntries(Object.entries(phaseMs).map(([key, ms]) => [key, Math.round(ms)])),
    stepMs: Object.fromEntries(
      Object.entries((run.stepMs ?? {}) as Record<string, number>).map(([key, ms]) => [key, Math.round(ms)]),
    ),
    simulator: costDelta(after, before),
    longTasksOver50: tasks.length,
    maxLongTaskMs: Math.round(Math.max(0, ...tasks)),
  };
};

/** Medians over runs, the runs themselves kept. */
export const summarise = (runs: readonly SyncBreakdown[]) => ({
  firstInvoiceRowsMs: median(runs.map((run) => run.firstInvoiceRowsMs ?? Number.NaN)),
  allLinesMs: median(runs.map((run) => run.allLinesMs)),
  allDocumentsMs: median(runs.map((run) => run.allDocumentsMs)),
  runs,
});

const main = async () => {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const profile = (option('profile') ?? 'demo') as ProfileName;
  const runs = Number(option('runs') ?? 3);
  const dir = option('dir') ?? mkdtempSync(path.join(tmpdir(), 'invoice-desk-sync-bench-'));
  if (option('dir') === undefined) await buildRenderer({ outDir: dir, logLevel: 'silent' });
  const sim = await startSimulator({
    port: 0,
    profile,
    control: true,
    compression: !args.includes('--plain'),
  });
  const web = await startWebServer({ port: 0, outDir: dir, logLevel: 'silent', demoApiUrl: sim.url });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const results: SyncBreakdown[] = [];
  for (let run = 0; run < runs; run += 1) {
    const result = await measureFirstSync(browser, web.url, sim.url, profile !== 'demo');
    results.push(result);
    console.log(JSON.stringify(result));
  }
  const summary = summarise(results);
  console.log(
    `${profile}: first invoice rows ${summary.firstInvoiceRowsMs} ms, all lines ${summary.allLinesMs} ms, all PDFs ${summary.allDocumentsMs} ms (medians of ${runs})`,
  );
  await browser.close();
  await web.close();
  await sim.close();
  // The address written beside the build would send the next server of that build to a dead port.
  rmSync(path.join(dir, WEB_CONFIG_FILE), { force: true });
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
