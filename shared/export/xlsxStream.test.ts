import { describe, expect, it } from 'vitest';
import { read, type CellObject, type WorkBook } from 'xlsx';
import { unzipSync, strFromU8 } from 'fflate';
import { ExportValueError, type ExportColumn } from './columns';
import { DANGEROUS_STARTS } from './fixtures';
import { createWorkbookWriter, typed, xmlText, type StreamSheet } from './xlsxStream';

/** Runs the writer into memory and returns the file's bytes. */
const writeBook = async (
  sheets: readonly StreamSheet[],
  options: { maxRows?: number; signal?: AbortSignal } = {},
): Promise<Uint8Array> => {
  const chunks: Uint8Array[] = [];
  const book = createWorkbookWriter((chunk) => void chunks.push(chunk), {
    dateFormat: 'dd.mm.yyyy',
    ...options,
  });
  for (const sheet of sheets) await book.sheet(sheet);
  await book.finish();
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
};

/** A sheet's cells row by row (the book read in dense mode), header first. */
const cellsOf = (book: WorkBook, name: string): readonly (readonly (CellObject | undefined)[])[] => {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet['!data'] ?? [];
};

const columns = [
  { id: 'text', header: 'Text', type: 'text' },
  { id: 'n', header: 'Line', type: 'integer' },
  { id: 'qty', header: 'Quantity', type: 'decimal' },
  { id: 'net', header: 'Net', type: 'money' },
  { id: 'date', header: 'Date', type: 'date' },
] as const satisfies readonly ExportColumn[];

describe('the streaming workbook writer', () => {
  it('writes numbers as numbers with CHF and date formats, text as text, a frozen header and a filter', async () => {
    const bytes = await writeBook([
      {
        name: 'Lines',
        columns,
        rows: [
          [
            ['Päckli <"Economy"> & co', 7, '1.250', -1205, '2026-03-31'],
            [null, -3, '0.8500', 99_999_999_999_999, '1899-12-31'],
          ],
        ],
        totals: [['Total', 4, '2', 99_999_999_998_794, '2026-01-01']],
        position: 1,
      },
    ]);
    const book = read(bytes, { dense: true, type: 'array', cellDates: true, cellStyles: true });
    expect(book.SheetNames).toEqual(['Lines']);
    const cells = cellsOf(book, 'Lines');
    expect(cells[0]?.map((cell) => cell?.v)).toEqual(['Text', 'Line', 'Quantity', 'Net', 'Date']);
    expect(cells[1]?.map((cell) => cell?.t)).toEqual(['s', 'n', 'n', 'n', 'd']);
    expect(cells[1]?.[0]?.v).toBe('Päckli <"Economy"> & co');
    expect(cells[1]?.[3]?.v).toBe(-12.05);
    expect(cells[1]?.[3]?.z).toBe('#,##0.00');
    expect(cells[1]?.[2]?.z).toBe('#,##0.000');
    expect(cells[1]?.[4]?.v).toEqual(new Date('2026-03-31T00:00:00Z'));
    expect(cells[2]?.[0]).toBeUndefined();
    // After the empty first cell, the next one names its place, so it lands in column B.
    expect(cells[2]?.[1]?.v).toBe(-3);
    expect(cells[2]?.[3]?.v).toBe(999_999_999_999.99);
    // Before March 1900 a serial would name the wrong day: the day as text.
    expect(cells[2]?.[4]?.v).toBe('31.12.1899');
    expect(cells[3]?.[3]?.v).toBe(999_999_999_987.94);

    const files = unzipSync(bytes);
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml).toContain('<autoFilter ref="A1:E4"/>');
    expect(sheetXml).toContain('<row r="3"><c r="B3" s="');
    // Header and totals rows in the bold style.
    const styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
    const xfs = [...styles.matchAll(/<xf numFmtId="([0-9]+)" fontId="([01])"/g)].slice(1);
    const headerStyle = /<c r="A1" t="inlineStr" s="([0-9]+)"/.exec(sheetXml)?.[1];
    expect(xfs[Number(headerStyle)]?.[2]).toBe('1');
    // The totals row's fourth cell (cells after the first name no reference: they follow one another).
    const totalStyle = /<row r="4">(?:<c[^>]*>.*?<\/c>){3}<c s="([0-9]+)"/.exec(sheetXml)?.[1];
    expect(xfs[Number(totalStyle)]?.[2]).toBe('1');
  });

  it('guards every text cell against formula injection, and writes no formula', async () => {
    const bytes = await writeBook([
      {
        name: 'Guard',
        columns: [{ id: 'text', header: '=HYPERLINK("x")', type: 'text' }],
        rows: [DANGEROUS_STARTS.map((start) => [`${start}1+1`])],
        position: 1,
      },
    ]);
    const cells = cellsOf(read(bytes, { dense: true, type: 'array' }), 'Guard');
    expect(cells[0]?.[0]?.v).toBe('\'=HYPERLINK("x")');
    DANGEROUS_STARTS.forEach((start, index) => {
      expect(cells[index + 1]?.[0]?.t).toBe('s');
      expect(cells[index + 1]?.[0]?.v).toBe(`'${start}1+1`);
    });
    expect(cells.flat().filter((cell) => cell?.f !== undefined)).toEqual([]);
  });

  it('escapes what XML cannot hold and keeps a literal escape-like text as typed', () => {
    expect(xmlText('a\u0001b')).toBe('a_x0001_b');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(xmlText('<&>"')).toBe('&lt;&amp;&gt;&quot;');
  });

  it('splits a sheet past the row limit into "Lines", "Lines 2", ... each with its header', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`r${i}`, i, '1', i * 100, '2026-01-01']);
    // 4 rows a sheet: the header and three lines.
    const bytes = await writeBook(
      [
        { name: 'Overview', columns, rows: [], position: 1 },
        { name: 'Lines', columns, rows: [rows.slice(0, 4), rows.slice(4)], position: 2 },
      ],
      { maxRows: 4 },
    );
    const book = read(bytes, { dense: true, type: 'array' });
    expect(book.SheetNames).toEqual(['Overview', 'Lines', 'Lines 2', 'Lines 3', 'Lines 4']);
    const read_ = ['Lines', 'Lines 2', 'Lines 3', 'Lines 4'].flatMap((name) => {
      const cells = cellsOf(book, name);
      expect(cells[0]?.[0]?.v).toBe('Text');
      return cells.slice(1).map((row) => row[1]?.v);
    });
    expect(read_).toEqual(rows.map((row) => row[1]));
    const files = unzipSync(bytes);
    expect(strFromU8(files['xl/worksheets/sheet5.xml'] ?? new Uint8Array())).toContain(
      '<autoFilter ref="A1:E2"/>',
    );
  });

  it('places sheets by position, whatever order they were written in', async () => {
    const sheet = (name: string, position: number): StreamSheet => ({ name, columns, rows: [], position });
    const bytes = await writeBook([sheet('Lines', 2), sheet('Journal', 5), sheet('Overview', 1)]);
    expect(read(bytes, { dense: true, type: 'array' }).SheetNames).toEqual(['Overview', 'Lines', 'Journal']);
  });

  it('writes a typed value in a column of another type (a label beside a figure)', async () => {
    const bytes = await writeBook([
      {
        name: 'Overview',
        columns: [
          { id: 'field', header: 'Field', type: 'text' },
          { id: 'value', header: 'Value', type: 'text' },
        ],
        rows: [
          [
            ['Net', typed('money', 123_450)],
            ['Lines', typed('integer', 42)],
            ['From', 'Jan 2026'],
          ],
        ],
        position: 1,
      },
    ]);
    const cells = cellsOf(read(bytes, { dense: true, type: 'array', cellNF: true }), 'Overview');
    expect(cells.slice(1).map((row) => row[1]?.v)).toEqual([1234.5, 42, 'Jan 2026']);
    expect(cells[1]?.[1]?.z).toBe('#,##0.00');
  });

  it('refuses a value that does not fit its column, naming it', async () => {
    await expect(
      writeBook([{ name: 'x', columns, rows: [[['a', 1, '1', 12.5, '2026-01-01']]], position: 1 }]),
    ).rejects.toThrow(ExportValueError);
  });

  it('stops between batches once cancelled, with the signal’s reason', async () => {
    const controller = new AbortController();
    async function* batches() {
      yield await Promise.resolve([['a', 1, '1', 1, '2026-01-01']]);
      controller.abort(new Error('cancelled by the clerk'));
      yield [['b', 2, '1', 1, '2026-01-01']];
    }
    const chunks: Uint8Array[] = [];
    const book = createWorkbookWriter((chunk) => void chunks.push(chunk), {
      dateFormat: 'yyyy-mm-dd',
      signal: controller.signal,
    });
    await expect(book.sheet({ name: 'x', columns, rows: batches(), position: 1 })).rejects.toThrow(
      'cancelled by the clerk',
    );
  });

  it('keeps its output in bounded chunks and waits for the sink', async () => {
    const sizes: number[] = [];
    let waiting = 0;
    const book = createWorkbookWriter(
      async (chunk) => {
        sizes.push(chunk.length);
        waiting += 1;
        await Promise.resolve();
        waiting -= 1;
      },
      { dateFormat: 'yyyy-mm-dd' },
    );
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      `line ${i} ${'x'.repeat(i % 50)}`,
      i,
      '1.5',
      i,
      '2026-02-01',
    ]);
    await book.sheet({ name: 'Lines', columns, rows: [rows], position: 1 });
    await book.finish();
    expect(waiting).toBe(0);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThan(1 << 20);
  });
});
