import type { Assignment } from '../api/schemas';
import { createAllocator } from '../allocation/allocator';
import { UNASSIGNED } from '../allocation/assignments';
import type { AllocatedRollupRow } from '../allocation/rollup';
import { periodDates, type MonthPeriod } from '../analytics/centerTotals';
import { dayToIso, isoToDay } from '../core/dates';
import { formatQuantity, formatUnitPrice } from '../core/money';
import type { LineBlock } from '../lines/block';
import type { ExportColumn } from './columns';
import {
  createJournal,
  journalChunks,
  vatRateText,
  type JournalField,
  type JournalLayout,
  type JournalRow,
} from './journal';
import { createWorkbookWriter, typed, type ChunkSink, type StreamSheet } from './xlsxStream';

/**
 * A period's exports, pure: the workbook (Overview, Invoices, Lines, Cost centre x month,
 * Allocation journal) and the ERP journal, from a source the caller reads (IndexedDB in the app's
 * export worker, arrays in tests), into a sink the caller writes (a file, a download, an array).
 */

/** What an export reads. Blocks come in batches, so the caller bounds what is held at once. */
export interface PeriodSource {
  readonly period: MonthPeriod;
  /** Every stored invoice the blocks may name, by id. */
  readonly invoices: ReadonlyMap<string, ExportInvoice>;
  readonly costCenters: readonly { readonly code: string; readonly name: string }[];
  readonly assignments: readonly Assignment[];
  /** The allocated rollups of the period's months. */
  readonly allocated: readonly AllocatedRollupRow[];
  /** Service names in the clerk's language, by code. */
  readonly serviceNames: ReadonlyMap<string, string>;
  /** How many blocks `blocks` yields, for the progress. */
  readonly blockCount: number;
  readonly blocks: AsyncIterable<readonly LineBlock[]>;
}

export interface ExportInvoice {
  readonly id: string;
  readonly number: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** Integer centimes. */
  readonly netCentimes: number;
  readonly vatCentimes: number;
  readonly lineCount: number;
}

export interface WorkbookLabels {
  readonly sheets: Readonly<Record<'overview' | 'invoices' | 'lines' | 'centreMonth' | 'journal', string>>;
  readonly overview: Readonly<
    Record<'field' | 'value' | 'from' | 'to' | 'net' | 'vat' | 'gross' | 'lines' | 'invoices', string>
  >;
  readonly invoices: Readonly<
    Record<
      'number' | 'issueDate' | 'dueDate' | 'periodStart' | 'periodEnd' | 'net' | 'vat' | 'gross' | 'lines',
      string
    >
  >;
  readonly lines: Readonly<
    Record<
      | 'invoice'
      | 'lineNo'
      | 'serviceDate'
      | 'service'
      | 'serviceName'
      | 'description'
      | 'licence'
      | 'reference'
      | 'customerReference'
      | 'quantity'
      | 'unitPrice'
      | 'net'
      | 'vatRate'
      | 'vat'
      | 'gross'
      | 'costCenter',
      string
    >
  >;
  readonly centreMonth: Readonly<Record<'code' | 'name' | 'total', string>>;
  readonly journal: Readonly<Record<JournalField | 'centreName', string>>;
  /** What a line no assignment charges is charged to. */
  readonly unassigned: string;
  /** A month's column header ("Mar 2026"). */
  readonly month: (month: string) => string;
}

export interface ExportProgress {
  /** Blocks read so far, of `total`. */
  readonly done: number;
  readonly total: number;
}

export interface ExportRun {
  readonly sink: ChunkSink;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
}

export interface WorkbookSummary {
  readonly lines: number;
  readonly invoices: number;
  readonly netCentimes: number;
  readonly vatCentimes: number;
  /** The names of the line sheets ("Lines", "Lines 2", ...). */
  readonly lineSheets: readonly string[];
}

/** The months of a period, in order: "2026-01".."2026-03". */
export const periodMonths = (period: MonthPeriod): string[] => {
  const months: string[] = [];
  let [year = 0, month = 1] = period.from.split('-').map(Number);
  for (let guard = 0; guard < 1200; guard += 1) {
    const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (text > period.to) break;
    months.push(text);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
};

const periodDays = (period: MonthPeriod): { from: number; to: number } => {
  const dates = periodDates(period);
  return { from: isoToDay(dates.from), to: isoToDay(dates.to) };
};

const checkAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The export was cancelled', 'AbortError');
};

/** Reads every block once: the journal from each line's parts, and whatever `each` does with the block. */
async function* scanBlocks(
  source: PeriodSource,
  run: ExportRun,
  each: (block: LineBlock, from: number, to: number) => void,
): AsyncGenerator<readonly LineBlock[], void, undefined> {
  const { from, to } = periodDays(source.period);
  let done = 0;
  for await (const batch of source.blocks) {
    checkAborted(run.signal);
    for (const block of batch) each(block, from, to);
    yield batch;
    done += batch.length;
    run.onProgress?.({ done, total: source.blockCount });
  }
}

const invoiceNumberOf =
  (source: PeriodSource) =>
  (invoiceId: string): string =>
    source.invoices.get(invoiceId)?.number ?? invoiceId;

/** The ERP journal of the period in `layout`, streamed to the sink; returns its rows. */
export const exportJournal = async (
  source: PeriodSource,
  layout: JournalLayout,
  clerkHeaders: Readonly<Record<JournalField, string>>,
  run: ExportRun,
): Promise<JournalRow[]> => {
  const journal = createJournal(createAllocator(source.assignments), invoiceNumberOf(source));
  for await (const _batch of scanBlocks(source, run, (block, from, to) =>
    journal.addBlock(block, from, to),
  )) {
    // The scan does the work; the batch itself is not needed here.
  }
  const rows = journal.rows();
  for (const chunk of journalChunks(layout, rows, clerkHeaders)) {
    checkAborted(run.signal);
    await run.sink(chunk);
  }
  return rows;
};

/** The period's workbook, streamed to the sink. */
export const exportWorkbook = async (
  source: PeriodSource,
  labels: WorkbookLabels,
  dateFormat: 'yyyy-mm-dd' | 'dd.mm.yyyy',
  run: ExportRun,
  maxRows?: number,
): Promise<WorkbookSummary> => {
  const book = createWorkbookWriter(run.sink, {
    dateFormat,
    ...(maxRows === undefined ? {} : { maxRows }),
    ...(run.signal ? { signal: run.signal } : {}),
  });
  const allocator = createAllocator(source.assignments);
  const journal = createJournal(allocator, invoiceNumberOf(source));
  const parts = allocator.createBuffer();
  // The cost-centre cell of each assignment, worked out once: "2100", or "2100 70% · 3100 30%".
  const centreText = source.assignments.map((assignment) =>
    assignment.splits.length === 1
      ? (assignment.splits[0]?.costCenterCode ?? '')
      : assignment.splits.map((split) => `${split.costCenterCode} ${split.percent}%`).join(' · '),
  );
  const linesByInvoice = new Map<string, number>();
  let lines = 0;
  let netCentimes = 0;
  let vatCentimes = 0;

  const lineLabels = labels.lines;
  const lineColumns: ExportColumn[] = [
    { id: 'invoice', header: lineLabels.invoice, type: 'text' },
    { id: 'lineNo', header: lineLabels.lineNo, type: 'integer' },
    { id: 'serviceDate', header: lineLabels.serviceDate, type: 'date' },
    { id: 'service', header: lineLabels.service, type: 'text' },
    { id: 'serviceName', header: lineLabels.serviceName, type: 'text' },
    { id: 'description', header: lineLabels.description, type: 'text' },
    { id: 'licence', header: lineLabels.licence, type: 'text' },
    { id: 'reference', header: lineLabels.reference, type: 'text' },
    { id: 'customerReference', header: lineLabels.customerReference, type: 'text' },
    { id: 'quantity', header: lineLabels.quantity, type: 'decimal' },
    { id: 'unitPrice', header: lineLabels.unitPrice, type: 'decimal' },
    { id: 'net', header: lineLabels.net, type: 'money' },
    { id: 'vatRate', header: lineLabels.vatRate, type: 'decimal' },
    { id: 'vat', header: lineLabels.vat, type: 'money' },
    { id: 'gross', header: lineLabels.gross, type: 'money' },
    { id: 'costCenter', header: lineLabels.costCenter, type: 'text' },
  ];
  const rowsOf = (block: LineBlock, from: number, to: number): unknown[][] => {
    const rows: unknown[][] = [];
    const number = invoiceNumberOf(source)(block.invoiceId);
    const text = (index: number | undefined) => block.dict[index ?? 0] ?? '';
    let inBlock = 0;
    for (let i = 0; i < block.count; i += 1) {
      const day = block.serviceDay[i] ?? 0;
      if (day < from || day > to) continue;
      inBlock += 1;
      const service = text(block.serviceCode[i]);
      const licence = text(block.frankingLicence[i]);
      const reference = text(block.invoiceReference[i]);
      const net = block.netCentimes[i] ?? 0;
      const vat = block.vatCentimes[i] ?? 0;
      netCentimes += net;
      vatCentimes += vat;
      allocator.allocate(licence, reference, service, day, net, vat, parts);
      const description = text(block.description[i]);
      rows.push([
        number,
        block.lineNo[i] ?? 0,
        dayToIso(day),
        service,
        source.serviceNames.get(service) ?? null,
        description === '' ? null : description,
        licence,
        reference,
        block.customerReference[i] ?? null,
        formatQuantity(block.quantityMilli[i] ?? 0),
        formatUnitPrice(block.unitPrice[i] ?? 0),
        net,
        vatRateText(block.vatRateBp[i] ?? 0),
        vat,
        net + vat,
        parts.assignment === -1 ? labels.unassigned : (centreText[parts.assignment] ?? null),
      ]);
    }
    if (inBlock > 0) {
      lines += inBlock;
      linesByInvoice.set(block.invoiceId, (linesByInvoice.get(block.invoiceId) ?? 0) + inBlock);
    }
    return rows;
  };

  // Lines first: the other sheets need what the scan finds (the invoices, the journal, the totals).
  async function* lineBatches(): AsyncGenerator<unknown[][], void, undefined> {
    const { from, to } = periodDays(source.period);
    for await (const batch of scanBlocks(source, run, (block) => journal.addBlock(block, from, to))) {
      for (const block of batch) yield rowsOf(block, from, to);
    }
  }
  const lineSheets = await book.sheet({
    name: labels.sheets.lines,
    columns: lineColumns,
    rows: lineBatches(),
    position: 2,
  });

  // Invoices: those with lines in the period, by number.
  const invoices = [...linesByInvoice.keys()]
    .map((id) => source.invoices.get(id))
    .filter((invoice): invoice is ExportInvoice => invoice !== undefined)
    .sort((a, b) => a.number.localeCompare(b.number));
  const il = labels.invoices;
  await book.sheet({
    name: labels.sheets.invoices,
    columns: [
      { id: 'number', header: il.number, type: 'text' },
      { id: 'issueDate', header: il.issueDate, type: 'date' },
      { id: 'dueDate', header: il.dueDate, type: 'date' },
      { id: 'periodStart', header: il.periodStart, type: 'date' },
      { id: 'periodEnd', header: il.periodEnd, type: 'date' },
      { id: 'net', header: il.net, type: 'money' },
      { id: 'vat', header: il.vat, type: 'money' },
      { id: 'gross', header: il.gross, type: 'money' },
      { id: 'lines', header: il.lines, type: 'integer' },
    ],
    rows: [
      invoices.map((invoice) => [
        invoice.number,
        invoice.issueDate,
        invoice.dueDate,
        invoice.periodStart,
        invoice.periodEnd,
        invoice.netCentimes,
        invoice.vatCentimes,
        invoice.netCentimes + invoice.vatCentimes,
        invoice.lineCount,
      ]),
    ],
    position: 3,
  });

  await book.sheet(centreMonthSheet(source, labels));

  const jl = labels.journal;
  const names = new Map(source.costCenters.map((centre) => [centre.code, centre.name]));
  await book.sheet({
    name: labels.sheets.journal,
    columns: [
      { id: 'period', header: jl.period, type: 'text' },
      { id: 'costCenter', header: jl.costCenter, type: 'text' },
      { id: 'centreName', header: jl.centreName, type: 'text' },
      { id: 'service', header: jl.service, type: 'text' },
      { id: 'vatRate', header: jl.vatRate, type: 'decimal' },
      { id: 'net', header: jl.net, type: 'money' },
      { id: 'vat', header: jl.vat, type: 'money' },
      { id: 'gross', header: jl.gross, type: 'money' },
      { id: 'invoices', header: jl.invoices, type: 'text' },
    ],
    rows: [
      journal
        .rows()
        .map((row) => [
          row.month,
          row.costCenter === UNASSIGNED ? null : row.costCenter,
          row.costCenter === UNASSIGNED ? labels.unassigned : (names.get(row.costCenter) ?? null),
          row.service,
          vatRateText(row.vatRateBp),
          row.netCentimes,
          row.vatCentimes,
          row.netCentimes + row.vatCentimes,
          row.invoiceNumbers.join(' '),
        ]),
    ],
    position: 5,
  });

  const ol = labels.overview;
  await book.sheet({
    name: labels.sheets.overview,
    columns: [
      { id: 'field', header: ol.field, type: 'text' },
      { id: 'value', header: ol.value, type: 'text' },
    ],
    rows: [
      [
        [ol.from, labels.month(source.period.from)],
        [ol.to, labels.month(source.period.to)],
        [ol.net, typed('money', netCentimes)],
        [ol.vat, typed('money', vatCentimes)],
        [ol.gross, typed('money', netCentimes + vatCentimes)],
        [ol.lines, typed('integer', lines)],
        [ol.invoices, typed('integer', invoices.length)],
      ],
    ],
    position: 1,
  });
  await book.finish();
  return { lines, invoices: invoices.length, netCentimes, vatCentimes, lineSheets };
};

/** Net cost per cost centre (rows) and month (columns), from the allocated rollups, with totals. */
const centreMonthSheet = (source: PeriodSource, labels: WorkbookLabels): StreamSheet => {
  const months = periodMonths(source.period);
  const column = new Map(months.map((month, index) => [month, index]));
  const byCentre = new Map<string, number[]>();
  for (const row of source.allocated) {
    const index = column.get(row.month);
    if (index === undefined) continue;
    let sums = byCentre.get(row.costCenterCode);
    if (!sums) {
      sums = months.map(() => 0);
      byCentre.set(row.costCenterCode, sums);
    }
    sums[index] = (sums[index] ?? 0) + row.netCentimes;
  }
  const names = new Map(source.costCenters.map((centre) => [centre.code, centre.name]));
  const codes = [...byCentre.keys()].sort((a, b) =>
    a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b, 'en', { numeric: true }),
  );
  const columnTotals = months.map(() => 0);
  const rows = codes.map((code) => {
    const sums = byCentre.get(code) ?? [];
    sums.forEach((sum, index) => (columnTotals[index] = (columnTotals[index] ?? 0) + sum));
    return [
      code === UNASSIGNED ? null : code,
      code === UNASSIGNED ? labels.unassigned : (names.get(code) ?? null),
      ...sums,
      sums.reduce((total, sum) => total + sum, 0),
    ];
  });
  const cl = labels.centreMonth;
  return {
    name: labels.sheets.centreMonth,
    columns: [
      { id: 'code', header: cl.code, type: 'text' },
      { id: 'name', header: cl.name, type: 'text' },
      ...months.map((month): ExportColumn => ({ id: month, header: labels.month(month), type: 'money' })),
      { id: 'total', header: cl.total, type: 'money' },
    ],
    rows: [rows],
    totals: [[cl.total, null, ...columnTotals, columnTotals.reduce((total, sum) => total + sum, 0)]],
    position: 4,
  };
};

/** The journal's clerk headers from the workbook labels (the generic layout names its columns so). */
export const journalHeaders = (labels: WorkbookLabels['journal']): Record<JournalField, string> => ({
  period: labels.period,
  costCenter: labels.costCenter,
  service: labels.service,
  net: labels.net,
  vatRate: labels.vatRate,
  vat: labels.vat,
  gross: labels.gross,
  invoices: labels.invoices,
});
