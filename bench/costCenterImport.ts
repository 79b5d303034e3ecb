/**
 * The cost-centre import: a 10,000-row xlsx, written by SheetJS as a clerk's list would be (text
 * codes with leading zeros, names, owners, type words, number budgets, yes/no), read and validated
 * by `readCostCenterFile` several times; the median is the figure. Runs in Node (the same V8 as the
 * renderer's worker), so it needs no browser: `npm run bench` includes it, and
 * `npx tsx bench/costCenterImport.ts [--runs N]` runs it alone and prints the result.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { utils, write, type CellObject } from 'xlsx';
import { readCostCenterFile } from '../shared/costCenters';
import { median } from './stats';

export const COST_CENTRE_ROWS = 10_000;
export const COST_CENTRE_TARGET_MS = 1000;

export interface CostCentreImportResult {
  status: string;
  rows: number;
  fileKiB: number;
  medianMs: number;
  runsMs: number[];
  targetMs: number;
}

const TYPES = ['Kostenstelle', 'Kostenträger', 'PSP-Element', 'Innenauftrag'];

/** The 10,000-row list, generated, not committed. */
export const costCentreWorkbook = (rows = COST_CENTRE_ROWS): Uint8Array => {
  const data: CellObject[][] = [
    ['Kostenstelle', 'Bezeichnung', 'Verantwortlich', 'Typ', 'Monatsbudget', 'Aktiv'].map(
      (header): CellObject => ({ t: 's', v: header }),
    ),
  ];
  for (let i = 0; i < rows; i += 1) {
    data.push([
      { t: 's', v: String(100000 + i).padStart(10, '0') },
      { t: 's', v: `Kostenstelle Nummer ${i} Zürich` },
      { t: 's', v: i % 3 === 0 ? '' : `Person ${i % 97}` },
      { t: 's', v: TYPES[i % TYPES.length] ?? 'Kostenstelle' },
      { t: 'n', v: (i % 5000) + (i % 100) / 100, z: '#,##0.00' },
      { t: 's', v: i % 10 === 0 ? 'nein' : 'ja' },
    ]);
  }
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(data), 'Kostenstellen');
  const bytes: unknown = write(book, { type: 'array', bookType: 'xlsx', compression: true });
  if (!(bytes instanceof ArrayBuffer)) throw new Error('SheetJS returned no ArrayBuffer');
  return new Uint8Array(bytes);
};

export const measureCostCentreImport = (runs = 7): CostCentreImportResult => {
  const bytes = costCentreWorkbook();
  // One unmeasured run warms the JIT, as the second import of a session would be.
  readCostCenterFile(bytes, 'bench.xlsx', { importDate: '2026-11-30' });
  const runsMs: number[] = [];
  for (let run = 0; run < Math.max(5, runs); run += 1) {
    const started = performance.now();
    const result = readCostCenterFile(bytes, 'bench.xlsx', { importDate: '2026-11-30' });
    runsMs.push(Math.round(performance.now() - started));
    if (!result.ok || result.rows.length !== COST_CENTRE_ROWS || result.errors.length > 0) {
      throw new Error('the bench list did not read back as 10,000 valid rows');
    }
  }
  const medianMs = median(runsMs);
  const fileKiB = Math.round(bytes.length / 1024);
  return {
    status: `${medianMs} ms (median of ${runsMs.length} runs; ${COST_CENTRE_ROWS.toLocaleString('en-US')} rows, ${fileKiB} KiB, parse and validate)`,
    rows: COST_CENTRE_ROWS,
    fileKiB,
    medianMs,
    runsMs,
    targetMs: COST_CENTRE_TARGET_MS,
  };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runsArg = process.argv.indexOf('--runs');
  console.log(
    JSON.stringify(measureCostCentreImport(runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 7), null, 2),
  );
}
