/** Renders bench results as docs/BENCHMARKS.md: the numbers, the targets and whether each is met. */
interface Results {
  measuredAt: string;
  mode: string;
  runs: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; chromium: string };
  dataset: { profile: string; invoices: number; lines: number };
  sync: {
    medianLinesPerSecond: number;
    medianOverallLinesPerSecond: number;
    medianWallMs: number;
    maxLongTaskMs: number;
    maxPageLoadTaskMs?: number;
    ceiling: { rows: number; rowsPerSecond: number };
    ratioToCeiling: number;
  };
  coldStart: { invoicesFirstRowsMs: number; linesFirstRowsMs: number };
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
}

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const n = (value: number) => value.toLocaleString('en-US');

const browserAllocationRows = (r: Results): string[] => {
  const b = r.allocationBrowser;
  if (!b) return [];
  return [
    `| assignment change in Chromium until the cost table shows it: the board's writer, the synced archive (${n(b.keyLines)} lines of one reference, ${b.blocksRead} blocks read) | ${b.reallocationMs} ms | < 500 ms | ${verdict(b.reallocationMs < 500)} |`,
    `| cost per cost centre per month over 18 months in Chromium, allocated rollups (${n(b.costTableRows)} rows) | ${b.costTableMs} ms | < 50 ms | ${verdict(b.costTableMs < 50)} |`,
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
Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, Chromium ${r.machine.chromium}

| measure | value | target | |
| --- | --- | --- | --- |
| sync, lines phase | ${n(r.sync.medianLinesPerSecond)} lines/s | | |
| raw IndexedDB put loop (ceiling), same rows, chunks of 5,000 | ${n(r.sync.ceiling.rowsPerSecond)} rows/s (${n(r.sync.ceiling.rows)} rows) | | |
| sync / ceiling | ${r.sync.ratioToCeiling} | ≥ 0.7 | ${verdict(r.sync.ratioToCeiling >= 0.7)} |
| sync end to end (headers, lines, PDFs, resources) | ${n(r.sync.medianOverallLinesPerSecond)} lines/s, ${n(Math.round(r.sync.medianWallMs / 1000))} s | | |
| longest main-thread task during sync | ${r.sync.maxLongTaskMs} ms | < 200 ms | ${verdict(r.sync.maxLongTaskMs < 200)} |
| longest main-thread task while the page loads (before the sync) | ${r.sync.maxPageLoadTaskMs ?? 'n/a'} ms | | |
| cold start to first invoice rows | ${r.coldStart.invoicesFirstRowsMs} ms | < 1,000 ms | ${verdict(r.coldStart.invoicesFirstRowsMs < 1000)} |
| cold start to first rows of the line explorer | ${r.coldStart.linesFirstRowsMs} ms | | |
| line index load in the worker | ${n(r.queries.indexLoadMs)} ms | | |
| cost per centre per month from rollups (in memory) | ${r.analytics.fromRollupsMs} ms (${n(r.analytics.rollupRows)} rollup rows; reading them from IndexedDB once: ${r.analytics.rollupReadMs} ms) | < 50 ms | ${verdict(r.analytics.fromRollupsMs < 50)} |
| same, recomputed from every line | ${n(r.analytics.fromLinesMs)} ms, ${r.analytics.speedup}x slower | ≥ 50x | ${verdict(r.analytics.speedup >= 50)} |
| grand totals equal both ways | ${r.analytics.totalsReconcile ? 'yes' : '**no**'} | | |
| largest JS heap (page + workers) | ${maxHeap === null ? 'n/a' : `${maxHeap} MiB`} | < 300 MiB | ${maxHeap === null ? '' : verdict(maxHeap < 300)} |
| cost-centre xlsx (10,000 rows), parse and validate | ${r.costCentreImport.status} | < 1,000 ms | ${r.costCentreImport.medianMs === undefined ? '' : verdict(r.costCentreImport.medianMs < (r.costCentreImport.targetMs ?? 1000))} |
${allocationRows(r)}${exportRows(r)}
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

export const renderMarkdown = (full: Results | null, quick: Results | null): string =>
  `# Benchmarks

Produced by \`npm run bench\` (full: the simulator's \`large\` profile, over a million lines) and
\`npm run bench -- --quick\` (\`medium\`, about 100,000 lines). Absolute times on this shared 2-core
machine are noisy: compare the ratios, which are measured in the same run. Raw numbers are in
\`bench/results.json\` and \`bench/results-quick.json\`. How lines are stored, and why, is in
\`docs/STORAGE-LAYOUT.md\`.

${full ? section('Full run', full) : '## Full run\n\nNot run yet.\n'}
${quick ? section('Quick run', quick) : '## Quick run\n\nNot run yet.\n'}`;
