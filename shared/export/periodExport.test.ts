import { describe, expect, it } from 'vitest';
import { read, utils, type WorkBook } from 'xlsx';
import { UNASSIGNED } from '../allocation/assignments';
import { journalLayouts } from './journal';
import { exportJournal, exportWorkbook, journalHeaders, periodMonths } from './periodExport';
import { englishLabels, fixtureArchive, fixtureSource } from './testing/periodFixture';

const collect = () => {
  const chunks: Uint8Array[] = [];
  return {
    sink: (chunk: Uint8Array) => void chunks.push(chunk),
    bytes: () => {
      const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      return out;
    },
  };
};

const table = (book: WorkBook, name: string): unknown[][] => {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
};

const centimes = (value: unknown): number => Math.round(Number(value) * 100);

describe('periodMonths', () => {
  it('lists the months of a period across a year end', () => {
    expect(periodMonths({ from: '2025-11', to: '2026-02' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodMonths({ from: '2026-03', to: '2026-03' })).toEqual(['2026-03']);
  });
});

describe('the period workbook', () => {
  const archive = fixtureArchive(10, 900, 400);
  const period = { from: '2026-01', to: '2026-06' };

  it('read back with SheetJS, every sheet agrees with the allocated figures to the centime', async () => {
    const out = collect();
    const progress: number[] = [];
    const summary = await exportWorkbook(
      fixtureSource(archive, period),
      englishLabels,
      'dd.mm.yyyy',
      { sink: out.sink, onProgress: (step) => progress.push(step.done) },
      2_000,
    );
    const book = read(out.bytes(), { type: 'array', cellDates: true });
    // 2,000 rows a sheet: the period's lines need several line sheets.
    expect(summary.lineSheets.length).toBeGreaterThan(1);
    expect(book.SheetNames).toEqual([
      'Overview',
      ...summary.lineSheets.map((_, index) => (index === 0 ? 'Lines' : `Lines ${index + 1}`)),
      'Invoices',
      'Cost centre x month',
      'Allocation journal',
    ]);
    expect(progress.at(-1)).toBe(archive.blocks.length);

    const allocated = archive.allocatedRows(period);
    const allocatedNet = allocated.reduce((total, row) => total + row.netCentimes, 0);
    const allocatedVat = allocated.reduce((total, row) => total + row.vatCentimes, 0);

    // Lines: every line of the period once, their net summing to the allocated net.
    const lineRows = summary.lineSheets.flatMap((name) => table(book, name).slice(1));
    expect(lineRows).toHaveLength(summary.lines);
    expect(lineRows.reduce<number>((total, row) => total + centimes(row[11]), 0)).toBe(allocatedNet);
    expect(lineRows.reduce<number>((total, row) => total + centimes(row[13]), 0)).toBe(allocatedVat);
    expect(lineRows.every((row) => row[2] instanceof Date)).toBe(true);
    // A customer reference "=cmd|..." arrives as guarded text.
    expect(lineRows.some((row) => typeof row[8] === 'string' && row[8].startsWith("'=cmd|"))).toBe(true);
    expect(lineRows.some((row) => row[15] === 'Not charged')).toBe(true);
    expect(lineRows.some((row) => row[15] === '1000 33% · 2100 33% · 4100 34%')).toBe(true);

    // Overview.
    const overview = table(book, 'Overview');
    expect(overview.map((row) => row[0])).toEqual([
      'Item',
      'From',
      'To',
      'Net',
      'VAT',
      'Gross',
      'Lines',
      'Invoices',
    ]);
    expect(centimes(overview[3]?.[1])).toBe(allocatedNet);
    expect(centimes(overview[4]?.[1])).toBe(allocatedVat);
    expect(centimes(overview[5]?.[1])).toBe(allocatedNet + allocatedVat);
    expect(overview[6]?.[1]).toBe(summary.lines);
    expect(overview[7]?.[1]).toBe(10);

    // Cost centre x month: each cell the allocated rollups' sum, row and column totals exact.
    const grid = table(book, 'Cost centre x month');
    const months = periodMonths(period);
    expect(grid[0]).toEqual(['Cost centre', 'Name', ...months, 'Total']);
    for (const row of grid.slice(1, -1)) {
      const code = typeof row[0] === 'string' ? row[0] : UNASSIGNED;
      months.forEach((month, index) => {
        const expected = allocated
          .filter((entry) => entry.costCenterCode === code && entry.month === month)
          .reduce((total, entry) => total + entry.netCentimes, 0);
        expect(centimes(row[2 + index])).toBe(expected);
      });
      const rowTotal = allocated
        .filter((entry) => entry.costCenterCode === code)
        .reduce((total, entry) => total + entry.netCentimes, 0);
      expect(centimes(row[2 + months.length])).toBe(rowTotal);
    }
    expect(grid.at(-2)?.[1]).toBe('Not charged');
    const totals = grid.at(-1) ?? [];
    expect(totals[0]).toBe('Total');
    expect(centimes(totals[2 + months.length])).toBe(allocatedNet);
    // A cost-centre name starting with "=" is guarded.
    expect(grid.some((row) => row[1] === "'=Logistique")).toBe(true);

    // Allocation journal: its net and VAT sum to the allocated rollups per centre.
    const journal = table(book, 'Allocation journal');
    expect(journal.slice(1).reduce<number>((total, row) => total + centimes(row[5]), 0)).toBe(allocatedNet);
    expect(journal.slice(1).reduce<number>((total, row) => total + centimes(row[6]), 0)).toBe(allocatedVat);

    // Invoices: those with lines in the period.
    const invoices = table(book, 'Invoices');
    expect(invoices).toHaveLength(11);
    expect(invoices[1]?.[1]).toEqual(new Date('2026-02-02T00:00:00Z'));
  });

  it('the SAP journal read back with SheetJS sums to the allocated net of the period', async () => {
    const out = collect();
    const rows = await exportJournal(
      fixtureSource(archive, period),
      journalLayouts.sap,
      journalHeaders(englishLabels.journal),
      { sink: out.sink },
    );
    // Raw: the KOSTL must arrive as the text it is, leading zeros and all.
    const book = read(new TextDecoder().decode(out.bytes()), { type: 'string', FS: ';', raw: true });
    const cells = table(book, book.SheetNames[0] ?? '');
    expect(cells[0]?.[1]).toBe('KOSTL');
    expect(cells).toHaveLength(rows.length + 1);
    const net = cells.slice(1).reduce<number>((total, row) => total + centimes(row[3]), 0);
    expect(net).toBe(archive.allocatedRows(period).reduce((total, row) => total + row.netCentimes, 0));
    expect(cells.slice(1).some((row) => row[1] === '0000002100')).toBe(true);
  });

  it('stops when cancelled and writes nothing more', async () => {
    const controller = new AbortController();
    const out = collect();
    const run = exportWorkbook(fixtureSource(archive, period, 1), englishLabels, 'yyyy-mm-dd', {
      sink: out.sink,
      signal: controller.signal,
      onProgress: (step) => {
        if (step.done === 2) controller.abort(new Error('cancelled'));
      },
    });
    await expect(run).rejects.toThrow('cancelled');
  });
});
