/**
 * The period export of every line, in Node: the archive of the simulator's large profile (1.3
 * million lines; --quick: medium) built through the sync's own commit in fake-indexeddb (as
 * bench/allocation.ts does), then read by the export worker's own reader (`readExportSource`) and
 * written by the workbook writer (every sheet, Lines split at Excel's limit) and by the SAP journal,
 * into a sink that only counts bytes (the disk is not measured). Peak heap is sampled after every
 * batch of blocks and reported above the heap after the build (the in-memory IndexedDB holds the
 * archive itself, which a real export does not add to). `npm run bench -- --only exports` records
 * it; `npx tsx bench/exports.ts [--quick]` prints it.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { journalLayouts } from '../shared/export/journal';
import { exportJournal, exportWorkbook, journalHeaders } from '../shared/export/periodExport';
import { englishLabels } from '../shared/export/testing/periodFixture';
import type { ProfileName } from '../simulator/data/profiles';
import { readExportSource } from '../renderer/db/exportSource';
import { buildArchive } from './allocation';

export const EXPORT_TARGET_MS = 60_000;

export interface ExportsBenchResult {
  status: string;
  store: 'fake-indexeddb (Node)';
  profile: ProfileName;
  lines: number;
  workbook: {
    ms: number;
    rowsPerSecond: number;
    bytes: number;
    lineSheets: number;
    peakHeapAboveBaseMb: number;
    targetMs: number;
  };
  sapJournal: { ms: number; rows: number; bytes: number };
}

const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;

export const measureExports = async (quick: boolean): Promise<ExportsBenchResult> => {
  const profile: ProfileName = quick ? 'medium' : 'large';
  const { db, lines } = await buildArchive(profile);
  const months = (await db.allocatedRollups.orderBy('month').uniqueKeys()).map(String);
  const period = { from: months[0] ?? '2025-01', to: months.at(-1) ?? '2026-12' };
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const base = heapMb();
  let peak = base;

  let bytes = 0;
  const { source } = await readExportSource(db, period, 'en');
  const started = performance.now();
  const summary = await exportWorkbook(source, englishLabels, 'yyyy-mm-dd', {
    sink: (chunk) => {
      bytes += chunk.byteLength;
    },
    onProgress: () => {
      peak = Math.max(peak, heapMb());
    },
  });
  const workbookMs = Math.round(performance.now() - started);

  let journalBytes = 0;
  const journalStarted = performance.now();
  const { source: again } = await readExportSource(db, period, 'en');
  const rows = await exportJournal(again, journalLayouts.sap, journalHeaders(englishLabels.journal), {
    sink: (chunk) => {
      journalBytes += chunk.byteLength;
    },
  });
  const journalMs = Math.round(performance.now() - journalStarted);

  const rowsPerSecond = Math.round(summary.lines / (workbookMs / 1000));
  const peakAbove = Math.round(peak - base);
  return {
    status: `workbook of ${summary.lines.toLocaleString('en')} lines in ${workbookMs} ms (${rowsPerSecond.toLocaleString('en')} rows/s, ${summary.lineSheets.length} line sheets, ${Math.round(bytes / 1024 / 1024)} MB, peak heap +${peakAbove} MB); SAP journal ${rows.length} rows in ${journalMs} ms`,
    store: 'fake-indexeddb (Node)',
    profile,
    lines,
    workbook: {
      ms: workbookMs,
      rowsPerSecond,
      bytes,
      lineSheets: summary.lineSheets.length,
      peakHeapAboveBaseMb: peakAbove,
      targetMs: EXPORT_TARGET_MS,
    },
    sapJournal: { ms: journalMs, rows: rows.length, bytes: journalBytes },
  };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  measureExports(process.argv.includes('--quick'))
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
