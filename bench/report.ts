import type { CostSnapshot } from '../simulator/cost';

/** Renders bench results as docs/BENCHMARKS.md: the numbers, the targets and whether each is met. */
interface Results {
  measuredAt: string;
  mode: string;
  runs: number;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    chromium: string;
    /** bench/calibrate.ts (absent before it existed). */
    calibration?: { medianMs: number; loadAverage: number };
  };
  dataset: { profile: string; invoices: number; lines: number };
  sync: {
    medianLinesPerSecond: number;
    medianOverallLinesPerSecond: number;
    medianWallMs: number;
    maxLongTaskMs: number;
    maxPageLoadTaskMs?: number;
    ceiling: { rows: number; rowsPerSecond: number };
    ratioToCeiling: number;
    /** Absent in results from before #18 measured them. */
    columnarCeiling?: { rows: number; rowsPerSecond: number };
    ratioToColumnarCeiling?: number;
    maxLongTasksOver50?: number;
    phasesMs?: Record<string, number>;
    stepMs?: Record<string, number>;
    simulator?: CostSnapshot;
  };
  /** A newcomer's first sync of the demo back end in the browser build (absent until measured). */
  demoSync?: {
    firstInvoiceRowsMs: number;
    allLinesMs: number;
    allDocumentsMs: number;
    stepMs: Record<string, number>;
    simulator: CostSnapshot;
    maxLongTaskMs: number;
    targetMs: number;
  };
  coldStart: {
    invoicesFirstRowsMs: number;
    linesFirstRowsMs: number;
    /** bench/linesFirstRows.ts (absent until measured). */
    linesExplorer?: { firstRowsMs: number; countedMs: number; targetMs: number };
    /** The same in a browser profile on disk (absent until measured). */
    linesExplorerOnDisk?: { firstRowsMs: number; countedMs: number; targetMs: number };
  };
  queries: {
    lines: number;
    indexLoadMs: number;
    queries: Record<
      string,
      {
        p50: number;
        p95: number;
        naiveMedian: number;
        speedup: number;
        matches: number;
        sameAsNaive: boolean;
      }
    >;
  };
  analytics: {
    fromRollupsMs: number;
    fromLinesMs: number;
    speedup: number;
    totalsReconcile: boolean;
    rollupRows: number;
    rollupReadMs: number;
  };
  memoryMiB: Record<string, number | null>;
  /** Older results files carry only `status` ("not yet measured"). */
  costCentreImport: { status: string; medianMs?: number; targetMs?: number };
  /** Absent in results from before it was measured. */
  allocation?: {
    status: string;
    reallocation: { medianMs: number; targetMs: number };
    costTable18Months: { medianMs: number; targetMs: number };
    exact: boolean;
  };
  /** The period export of every line (bench/exports.ts; absent until measured). */
  exports?: {
    status: string;
    lines: number;
    workbook: {
      ms: number;
      rowsPerSecond: number;
      bytes: number;
      peakHeapAboveBaseMb: number;
      targetMs: number;
    };
    sapJournal: { ms: number; rows: number };
  };
  /** The same in Chromium, in the archive of a sync (absent until measured there). */
  allocationBrowser?: {
    keyLines: number;
    blocksRead: number;
    reallocationMs: number;
    costTableMs: number;
    costTableRows: number;
  };
  /** The Analytics page in Chromium (absent until measured). */
  analyticsPage?: {
    months: number;
    allocatedRows: number;
    firstPaintMs: number;
    firstPaintColdMs: number;
    periodChanges: Array<{ change: string; ms: number; chartsMs?: number }>;
    periodChangeMaxMs: number;
    periodChangeChartsMaxMs?: number;
    memoryMiB: number | null;
  };
}

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const n = (value: number) => value.toLocaleString('en-US');

/** The steps of shared/sync/steps.ts in their order, with what each one is. */
const STEP_NAMES: ReadonlyArray<[string, string]> = [
  ['networkWait', 'network wait (request sent to headers, as the page sees it)'],
  ['bodyTransfer', 'body transfer (headers to last byte, and the hand-over to the worker)'],
  ['jsonParse', 'JSON parse'],
  ['validation', 'validation (the fast path for lines)'],
  ['blockEncoding', 'block encoding'],
  ['rollups', 'rollups (computed)'],
  ['commit', 'IndexedDB commits (without encoding and rollups)'],
  ['pdfHashing', 'PDF hashing (SHA-256 against Repr-Digest)'],
];

/**
 * Where a sync's time went. Steps of concurrent requests overlap, so their sums are busy time, not a
 * timeline; the simulator's own time is on the same machine and counted apart.
 */
const stepTable = (stepMs: Record<string, number>, simulator: CostSnapshot | undefined): string => {
  const rows = STEP_NAMES.map(([key, label]) => `| ${label} | ${n(stepMs[key] ?? 0)} ms |`);
  const server = simulator
    ? (['feed', 'lines', 'document'] as const).map((kind) => {
        const cost = simulator[kind];
        const ratio =
          cost.bodyBytes > 0
            ? ` (${Math.round((cost.sentBytes / cost.bodyBytes) * 100)} % of ${n(Math.round(cost.bodyBytes / 1024))} KiB sent)`
            : '';
        return `| simulator, ${kind}: ${n(cost.requests)} answers built / encoded${ratio} | ${n(cost.handlerMs)} / ${n(cost.encodeMs)} ms |`;
      })
    : [];
  return ['| step (summed over requests) | time |', '| --- | --- |', ...rows, ...server].join('\n');
};

/** Runs compare only on a machine as fast: the same fixed workload timed at the start (bench/calibrate.ts). */
const calibrationText = (r: Results): string => {
  const c = r.machine.calibration;
  return c
    ? ` · calibration ${n(c.medianMs)} ms (a fixed Node workload, bench/calibrate.ts; compare runs only when it is alike), load average ${c.loadAverage}`
    : '';
};

const linesExplorerRows = (r: Results): string => {
  const e = r.coldStart.linesExplorer;
  if (!e) return '';
  const d = r.coldStart.linesExplorerOnDisk;
  return [
    `| line explorer, cold \`#/lines\`: first rows on screen (the newest invoices' blocks, before the index is built) | ${n(e.firstRowsMs)} ms | < ${n(e.targetMs)} ms | ${verdict(e.firstRowsMs < e.targetMs)} |`,
    `| line explorer, cold \`#/lines\`: count and totals on screen (the whole index) | ${n(e.countedMs)} ms | | |`,
    ...(d
      ? [
          `| the same, the archive in a browser profile on disk as the app keeps it (IndexedDB in LevelDB files, V8's code cache): first rows | ${n(d.firstRowsMs)} ms | < ${n(d.targetMs)} ms | ${verdict(d.firstRowsMs < d.targetMs)} |`,
          `| the same on disk: count and totals | ${n(d.countedMs)} ms | | |`,
        ]
      : []),
    '',
  ].join('\n');
};

const syncRows = (r: Results): string => {
  const s = r.sync;
  if (s.columnarCeiling === undefined || s.ratioToColumnarCeiling === undefined) return '';
  return [
    `| columnar block writes (ceiling): the same lines encoded, one record per page, ≤ 5,000 lines per transaction | ${n(s.columnarCeiling.rowsPerSecond)} rows/s (${n(s.columnarCeiling.rows)} rows) | | |`,
    `| sync lines phase / columnar ceiling | ${s.ratioToColumnarCeiling} | ≥ 0.5 | ${verdict(s.ratioToColumnarCeiling >= 0.5)} |`,
    `| whole first sync, end to end (headers, lines, PDFs, resources) | ${n(s.medianWallMs)} ms | < 15,000 ms | ${verdict(s.medianWallMs < 15_000)} |`,
    `| main-thread tasks over 50 ms during the sync (most in one run) | ${s.maxLongTasksOver50 ?? 'n/a'} | 0 | ${s.maxLongTasksOver50 === undefined ? '' : verdict(s.maxLongTasksOver50 === 0)} |`,
    '',
  ].join('\n');
};

const demoRows = (r: Results): string => {
  const d = r.demoSync;
  if (!d) return '';
  return [
    `| demo profile, a newcomer's first sync in the browser build: navigation to the first invoice rows | ${n(d.firstInvoiceRowsMs)} ms | | |`,
    `| demo profile, navigation to every line stored | ${n(d.allLinesMs)} ms | | |`,
    `| demo profile, navigation to every line and every PDF stored and verified | ${n(d.allDocumentsMs)} ms | < ${n(d.targetMs)} ms | ${verdict(d.allDocumentsMs < d.targetMs)} |`,
    '',
  ].join('\n');
};

const breakdown = (r: Results): string => {
  const parts: string[] = [];
  if (r.sync.stepMs) {
    const phases = Object.entries(r.sync.phasesMs ?? {})
      .map(([phase, ms]) => `${phase} ${n(ms)} ms`)
      .join(', ');
    parts.push(
      `Where the first sync's time goes (${r.dataset.profile} profile, medians; phases: ${phases}):\n\n${stepTable(r.sync.stepMs, r.sync.simulator)}\n`,
    );
  }
  if (r.demoSync) {
    parts.push(
      `The demo profile's first sync, the same steps (medians):\n\n${stepTable(r.demoSync.stepMs, r.demoSync.simulator)}\n`,
    );
  }
  return parts.join('\n');
};

const browserAllocationRows = (r: Results): string[] => {
  const b = r.allocationBrowser;
  if (!b) return [];
  return [
    `| assignment change in Chromium until the cost table shows it: the board's writer, the synced archive (${n(b.keyLines)} lines of one reference, ${b.blocksRead} blocks read) | ${b.reallocationMs} ms | < 500 ms | ${verdict(b.reallocationMs < 500)} |`,
    `| cost per cost centre per month over 18 months in Chromium, allocated rollups (${n(b.costTableRows)} rows) | ${b.costTableMs} ms | < 50 ms | ${verdict(b.costTableMs < 50)} |`,
  ];
};

const analyticsPageRows = (r: Results): string[] => {
  const a = r.analyticsPage;
  if (!a) return [];
  return [
    `| Analytics page, navigation to the first frame with its four charts and the cost centre x month table (${a.months} months, ${n(a.allocatedRows)} allocated rollup rows; the first visit, loading the page's code: ${a.firstPaintColdMs} ms) | ${a.firstPaintMs} ms | < 300 ms | ${verdict(a.firstPaintMs < 300)} |`,
    `| Analytics page, slowest of ${a.periodChanges.length} selection changes (months, year to date, rolling 12, comparison, net/VAT/gross) to the first frame showing it | ${a.periodChangeMaxMs} ms | < 100 ms | ${verdict(a.periodChangeMaxMs < 100)} |`,
    `| Analytics page, slowest selection change until its four charts are redrawn too (they follow the tables one render later) | ${a.periodChangeChartsMaxMs ?? 'n/a'} ms | | |`,
    `| Analytics page, JS heap (page and workers) | ${a.memoryMiB === null ? 'n/a' : `${a.memoryMiB} MiB`} | < 300 MiB | ${a.memoryMiB === null ? '' : verdict(a.memoryMiB < 300)} |`,
  ];
};

const exportRows = (r: Results): string => {
  const e = r.exports;
  if (!e) return '| workbook of every line (streamed xlsx) | not yet measured | | |\n';
  const w = e.workbook;
  return (
    `| workbook of every line, streamed xlsx (${n(e.lines)} lines, fake-indexeddb in Node; sink counts bytes) | ${n(w.ms)} ms, ${n(w.rowsPerSecond)} rows/s, ${n(Math.round(w.bytes / 1024 / 1024))} MB, heap +${w.peakHeapAboveBaseMb} MB | < ${n(w.targetMs)} ms | ${verdict(w.ms < w.targetMs)} |\n` +
    `| SAP allocation journal of the same lines | ${n(e.sapJournal.ms)} ms (${n(e.sapJournal.rows)} rows) | | |\n`
  );
};

const allocationRows = (r: Results): string => {
  const a = r.allocation;
  if (!a) return '| re-allocation, cost table from allocated rollups | not yet measured | | |\n';
  return [
    `| re-allocation after changing the assignment of a key with ~100,000 lines (fake-indexeddb in Node) | ${a.reallocation.medianMs} ms | < ${n(a.reallocation.targetMs)} ms | ${verdict(a.reallocation.medianMs < a.reallocation.targetMs)} |`,
    `| cost per cost centre per month over 18 months, allocated rollups (fake-indexeddb in Node) | ${a.costTable18Months.medianMs} ms | < ${a.costTable18Months.targetMs} ms | ${verdict(a.costTable18Months.medianMs < a.costTable18Months.targetMs)} |`,
    `| allocated rollups equal allocateLine over every line | ${a.exact ? 'yes' : '**no**'} | | |`,
    ...browserAllocationRows(r),
    ...analyticsPageRows(r),
    '',
  ].join('\n');
};

const section = (title: string, r: Results): string => {
  const heapValues = Object.values(r.memoryMiB).filter((value): value is number => value !== null);
  const maxHeap = heapValues.length > 0 ? Math.max(...heapValues) : null;
  const queryRows = Object.entries(r.queries.queries)
    .map(
      ([name, q]) =>
        `| ${name} | ${n(q.matches)} | ${q.p50} | ${q.p95} | ${n(q.naiveMedian)} | ${q.speedup}x | ${q.sameAsNaive ? 'yes' : '**no**'} | ${verdict(q.p95 < 100)} |`,
    )
    .join('\n');
  const memoryRows = Object.entries(r.memoryMiB)
    .map(([page, value]) => `| ${page} | ${value === null ? 'n/a' : value} |`)
    .join('\n');
  return `## ${title}

Measured ${r.measuredAt} · ${r.mode} · medians of ${r.runs} runs · ${n(r.dataset.lines)} lines in ${n(r.dataset.invoices)} invoices (simulator profile \`${r.dataset.profile}\`)
Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, Chromium ${r.machine.chromium}${calibrationText(r)}

| measure | value | target | |
| --- | --- | --- | --- |
| sync, lines phase | ${n(r.sync.medianLinesPerSecond)} lines/s | | |
| raw IndexedDB put loop (ceiling), same rows, chunks of 5,000 | ${n(r.sync.ceiling.rowsPerSecond)} rows/s (${n(r.sync.ceiling.rows)} rows) | | |
| sync / ceiling | ${r.sync.ratioToCeiling} | ≥ 0.7 | ${verdict(r.sync.ratioToCeiling >= 0.7)} |
| sync end to end (headers, lines, PDFs, resources) | ${n(r.sync.medianOverallLinesPerSecond)} lines/s, ${n(Math.round(r.sync.medianWallMs / 1000))} s | | |
| longest main-thread task during sync | ${r.sync.maxLongTaskMs} ms | < 50 ms | ${verdict(r.sync.maxLongTaskMs < 50)} |
${syncRows(r)}${demoRows(r)}| longest main-thread task while the page loads (before the sync) | ${r.sync.maxPageLoadTaskMs ?? 'n/a'} ms | | |
| cold start to first invoice rows | ${r.coldStart.invoicesFirstRowsMs} ms | < 1,000 ms | ${verdict(r.coldStart.invoicesFirstRowsMs < 1000)} |
| cold start to first rows of the line explorer | ${r.coldStart.linesFirstRowsMs} ms | | |
${linesExplorerRows(r)}| line index load in the worker | ${n(r.queries.indexLoadMs)} ms | | |
| cost per centre per month from rollups (in memory) | ${r.analytics.fromRollupsMs} ms (${n(r.analytics.rollupRows)} rollup rows; reading them from IndexedDB once: ${r.analytics.rollupReadMs} ms) | < 50 ms | ${verdict(r.analytics.fromRollupsMs < 50)} |
| same, recomputed from every line | ${n(r.analytics.fromLinesMs)} ms, ${r.analytics.speedup}x slower | ≥ 50x | ${verdict(r.analytics.speedup >= 50)} |
| grand totals equal both ways | ${r.analytics.totalsReconcile ? 'yes' : '**no**'} | | |
| largest JS heap (page + workers) | ${maxHeap === null ? 'n/a' : `${maxHeap} MiB`} | < 300 MiB | ${maxHeap === null ? '' : verdict(maxHeap < 300)} |
| cost-centre xlsx (10,000 rows), parse and validate | ${r.costCentreImport.status} | < 1,000 ms | ${r.costCentreImport.medianMs === undefined ? '' : verdict(r.costCentreImport.medianMs < (r.costCentreImport.targetMs ?? 1000))} |
${allocationRows(r)}${exportRows(r)}
${breakdown(r)}
Line explorer queries (round trip page → worker → first 50 rows; naive = decode every stored block):

| query | matches | p50 ms | p95 ms | naive ms | speed-up | same answer | p95 < 100 ms |
| --- | --- | --- | --- | --- | --- | --- | --- |
${queryRows}

JS heap by page (measureUserAgentSpecificMemory, page and its workers, MiB):

| after | MiB |
| --- | --- |
${memoryRows}
`;
};

/** Where `bench/coldStartAB.ts --record` keeps its figures, rendered into the page by every bench run. */
export const COLD_START_AB_FILE = 'bench/results-coldstart.json';

/** `bench/coldStartAB.ts --record`: cold start to first rows of builds measured interleaved in one run. */
export interface ColdStartAB {
  measuredAt: string;
  profile: string;
  runs: number;
  machine: { cpus: number; cpuModel: string; loadAverage: number };
  builds: readonly string[];
  pages: Record<string, Array<{ build: string; medianMs: number; ratio: number; runsMs: number[] }>>;
}

const coldStartSection = (ab: ColdStartAB): string => {
  const rows = Object.entries(ab.pages).flatMap(([page, builds]) =>
    builds.map(
      (build) =>
        `| ${page} | ${build.build} | ${n(Math.round(build.medianMs))} ms | ${build.ratio.toFixed(2)} | ${build.runsMs.join(' ')} |`,
    ),
  );
  return `## Cold start, builds compared

Measured ${ab.measuredAt} by \`npx tsx bench/coldStartAB.ts ${ab.builds.join(' ')} --runs ${ab.runs} --record\` · simulator profile \`${ab.profile}\` · ${ab.machine.cpus} × ${ab.machine.cpuModel}, load average ${ab.machine.loadAverage} when the counted runs began

Navigation to the first table row on screen, each build served on its own origin with its own synced
archive, the builds interleaved run by run, so the machine's load falls on each alike. The ratio
(median against the first build's median) is the figure to compare; the milliseconds move with the
load of the machine.

| page | build | median | ratio | runs (ms) |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
};

export const renderMarkdown = (
  full: Results | null,
  quick: Results | null,
  coldStart?: ColdStartAB | null,
): string =>
  `# Benchmarks

Produced by \`npm run bench\` (full: the simulator's \`large\` profile, over a million lines) and
\`npm run bench -- --quick\` (\`medium\`, about 100,000 lines). Absolute times on this shared 2-core
machine are noisy: compare the ratios, which are measured in the same run. Raw numbers are in
\`bench/results.json\` and \`bench/results-quick.json\`. How lines are stored, and why, is in
\`docs/STORAGE-LAYOUT.md\`.

${full ? section('Full run', full) : '## Full run\n\nNot run yet.\n'}
${quick ? section('Quick run', quick) : '## Quick run\n\nNot run yet.\n'}${coldStart ? `\n${coldStartSection(coldStart)}` : ''}`;
