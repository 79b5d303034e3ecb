import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, sumCentimes } from '../core/money';
import { ExportValueError, type ExportColumn, type RowFor } from './columns';
import { csvChunks, csvOptionsFor, joinChunks, toCsv, type CsvOptions } from './csv';
import {
  DANGEROUS_STARTS,
  extremeLineRows,
  firstSheetCells,
  lineColumns,
  lineRows,
  readDense,
} from './fixtures';

const comma = { delimiter: ',', decimalSeparator: '.', bom: false } as const satisfies CsvOptions;
const semicolon = { delimiter: ';', decimalSeparator: '.', bom: false } as const satisfies CsvOptions;
const semicolonDecimalComma = {
  delimiter: ';',
  decimalSeparator: ',',
  bom: false,
} as const satisfies CsvOptions;

const textColumn = [{ id: 'text', header: 'Text', type: 'text' }] as const satisfies readonly ExportColumn[];
const moneyColumn = [{ id: 'net', header: 'Net', type: 'money' }] as const satisfies readonly ExportColumn[];

/** The data lines of a one-column export, header and final CRLF dropped. */
const body = (csv: string): string => csv.slice(csv.indexOf('\r\n') + 2, -2);

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated record per row, every type in its exact form', () => {
    const columns = [
      { id: 'date', header: 'Date', type: 'date' },
      { id: 'ref', header: 'Reference', type: 'text' },
      { id: 'line', header: 'Line', type: 'integer' },
      { id: 'qty', header: 'Quantity', type: 'decimal' },
      { id: 'net', header: 'Net', type: 'money' },
    ] as const satisfies readonly ExportColumn[];
    const rows: RowFor<typeof columns>[] = [
      ['2026-03-31', 'INV-1', 1, '1.250', 123450],
      ['2026-04-01', null, -2, '-0.8500', -1205],
    ];
    expect(toCsv(columns, rows, semicolon)).toBe(
      'Date;Reference;Line;Quantity;Net\r\n' +
        '2026-03-31;INV-1;1;1.250;1234.50\r\n' +
        '2026-04-01;;-2;-0.8500;-12.05\r\n',
    );
    expect(toCsv(columns, rows, semicolonDecimalComma)).toContain('2026-04-01;;-2;-0,8500;-12,05\r\n');
    expect(toCsv(columns, [], comma)).toBe('Date,Reference,Line,Quantity,Net\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['line\r\nbreak', '"line\r\nbreak"'],
    ['tab\tinside', '"tab\tinside"'],
    ['Päckli 📦 邮件 Ünïcödé', 'Päckli 📦 邮件 Ünïcödé'],
    ['  padded  ', '  padded  '],
    ['', ''],
  ])('quotes %j as %j (RFC 4180, both delimiters)', (text, field) => {
    expect(body(toCsv(textColumn, [[text]], comma))).toBe(field);
    expect(body(toCsv(textColumn, [[text]], semicolon))).toBe(field);
  });

  it('writes null as an empty field', () => {
    expect(toCsv(textColumn, [[null], ['x'], [null]], comma)).toBe('Text\r\n\r\nx\r\n\r\n');
  });

  it('starts with a UTF-8 BOM only when asked', () => {
    const withBom = toCsv(textColumn, [['ä']], { ...comma, bom: true });
    expect(withBom.startsWith('\uFEFFText\r\n')).toBe(true);
    expect([...new TextEncoder().encode(withBom).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(toCsv(textColumn, [['ä']], comma).startsWith('Text')).toBe(true);
  });

  it.each(DANGEROUS_STARTS)('neutralises text starting with %j, in cells and headers', (start) => {
    const payload = `${start}cmd|' /C calc'!A0`;
    // TAB and CR also make the field quoted; either way its text starts with the single quote.
    const field = start === '\t' || start === '\r' ? `"'${payload}"` : `'${payload}`;
    const csv = toCsv([{ id: 'x', header: payload, type: 'text' }], [[payload]], comma);
    expect(csv).toBe(`${field}\r\n${field}\r\n`);
  });

  it('quotes a formula hidden behind white space or another delimiter', () => {
    expect(body(toCsv(textColumn, [[' =1+1']], comma))).toBe("' =1+1");
    // A reader that splits on ',' must not see a new cell starting with '=' either.
    expect(body(toCsv(textColumn, [['total,=1+1']], semicolon))).toBe('"total,=1+1"');
  });

  it('writes negative money as a plain number, never prefixed', () => {
    expect(body(toCsv(moneyColumn, [[-1205]], comma))).toBe('-12.05');
    expect(body(toCsv(moneyColumn, [[-1205]], semicolonDecimalComma))).toBe('-12,05');
  });

  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [-1, '-0.01'],
    [-0, '0.00'],
    [10, '0.10'],
    [123450, '1234.50'],
    [99_999_999_999_999, '999999999999.99'],
    [-99_999_999_999_999, '-999999999999.99'],
  ])('writes %d centimes exactly as %s', (centimes, text) => {
    expect(body(toCsv(moneyColumn, [[centimes]], comma))).toBe(text);
  });

  it('keeps decimals as given and swaps only the separator', () => {
    const decimal = [
      { id: 'p', header: 'Price', type: 'decimal' },
    ] as const satisfies readonly ExportColumn[];
    expect(body(toCsv(decimal, [['0.8500']], comma))).toBe('0.8500');
    expect(body(toCsv(decimal, [['0.8500']], semicolonDecimalComma))).toBe('0,8500');
    expect(body(toCsv(decimal, [['12']], semicolonDecimalComma))).toBe('12');
  });

  it.each([
    ['money', 12.05],
    ['money', '12.05'],
    ['money', 2 ** 53],
    ['integer', 1.5],
    ['decimal', 1.5],
    ['decimal', '1e3'],
    ['date', '2026-02-30'],
    ['date', '31.03.2026'],
    ['text', 42],
    ['text', undefined],
  ] as const)('refuses a %s column value %j', (type, value) => {
    expect(() => toCsv([{ id: 'col', header: 'Col', type }], [[value]], comma)).toThrow(ExportValueError);
  });

  it('names the row and the column of a refused value', () => {
    const rows = [[1], [2], [12.5]];
    expect(() => toCsv(moneyColumn, rows, comma)).toThrow(
      'Export row 2, column "net": expected integer centimes',
    );
  });

  it('refuses a row of the wrong length', () => {
    expect(() => toCsv(textColumn, [['a', 'b']], comma)).toThrow(/expected 1 values, got 2/);
    expect(() => toCsv(textColumn, [[]], comma)).toThrow(ExportValueError);
  });

  it('refuses a comma delimiter with a decimal comma and an empty column list', () => {
    const clash = { delimiter: ',', decimalSeparator: ',', bom: false } as const;
    // @ts-expect-error -- the CsvOptions type rules this pair out; the runtime check backs it up.
    expect(() => toCsv(moneyColumn, [[1]], clash)).toThrow(RangeError);
    expect(() => toCsv([], [], comma)).toThrow(RangeError);
  });
});

describe('contract-valid extremes', () => {
  it('writes every row with its exact digits: early dates, 12-digit amounts, long quantities and prices', () => {
    const lines = toCsv(lineColumns, extremeLineRows, semicolon).split('\r\n').slice(1, -1);
    expect(lines).toEqual([
      '1899-12-31;INV-1;1;A-Post;999999999.999;999999999.9999;999999999999.99;',
      '1900-01-01;INV-1;2;B-Post;-999999999.999;-999999999.9999;-999999999999.99;CC',
      '1900-02-28;INV-1;3;B-Post;0.001;0.0001;0.01;',
      '1900-03-01;INV-1;4;B-Post;-0.001;-0.0001;-0.01;',
      '0001-01-01;INV-1;5;B-Post;123456789.5;0.85;0.00;',
      '9999-12-31;INV-1;6;B-Post;1;12.3456;-0.50;',
    ]);
  });

  it('writes a sum of amounts past the 12-digit range exactly', () => {
    expect(body(toCsv(moneyColumn, [[2 * 99_999_999_999_999]], comma))).toBe('1999999999999.98');
    expect(body(toCsv(moneyColumn, [[-Number.MAX_SAFE_INTEGER]], semicolonDecimalComma))).toBe(
      '-90071992547409,91',
    );
  });
});

describe('csvOptionsFor', () => {
  it.each([
    ['de', ';'],
    ['fr', ';'],
    ['it', ';'],
    ['en', ','],
  ] as const)('%s -> delimiter %j, decimal point, BOM', (language, delimiter) => {
    expect(csvOptionsFor(language)).toEqual({ delimiter, decimalSeparator: '.', bom: true });
  });
});

describe('csvChunks', () => {
  it('streams the same text toCsv returns, in bounded chunks', () => {
    const chunks = [...csvChunks(lineColumns, lineRows(5_000), csvOptionsFor('de'))];
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(70_000);
    expect(joinChunks(chunks)).toBe(toCsv(lineColumns, lineRows(5_000), csvOptionsFor('de')));
  });
});

describe('what a spreadsheet reader sees (SheetJS)', () => {
  const columns = [
    { id: 'text', header: 'Text', type: 'text' },
    { id: 'net', header: 'Net', type: 'money' },
    { id: 'qty', header: 'Quantity', type: 'decimal' },
    { id: 'date', header: 'Date', type: 'date' },
    { id: 'n', header: 'Line', type: 'integer' },
  ] as const satisfies readonly ExportColumn[];
  const rows: RowFor<typeof columns>[] = [
    ['Päckli, "Economy"', -1205, '1.250', '2026-03-31', 7],
    ['multi\nline', 99_999_999_999_999, '0.8500', '2024-02-29', -3],
    ...DANGEROUS_STARTS.map((start): RowFor<typeof columns> => [`${start}1+1`, 1, '0', '2026-01-01', 0]),
  ];

  it.each([comma, semicolon])('reads text, exact numbers and dates, and no formula (%j)', (options) => {
    const book = readDense(toCsv(columns, rows, options), { type: 'string', cellDates: true });
    const cells = firstSheetCells(book);
    expect(cells[0]?.map((cell) => cell?.v)).toEqual(['Text', 'Net', 'Quantity', 'Date', 'Line']);
    expect(cells[1]?.map((cell) => cell?.t)).toEqual(['s', 'n', 'n', 'd', 'n']);
    expect(cells[1]?.[0]?.v).toBe('Päckli, "Economy"');
    expect(cells[1]?.[1]?.v).toBe(-12.05);
    expect(cells[2]?.[0]?.v).toBe('multi\nline');
    expect(cells[2]?.[1]?.v).toBe(999_999_999_999.99);
    expect(cells[1]?.[3]?.v).toEqual(new Date('2026-03-31T00:00:00Z'));
    expect(cells.flat().filter((cell) => cell?.f !== undefined)).toEqual([]);
    DANGEROUS_STARTS.forEach((start, index) => {
      const cell = cells[3 + index]?.[0];
      expect(cell?.t).toBe('s');
      expect(cell?.v).toBe(`'${start}1+1`);
    });
  });

  it('proves the point: unsanitised, the same reader sees a formula', () => {
    const book = readDense('Text\r\n=1+1\r\n', { type: 'string' });
    expect(firstSheetCells(book)[1]?.[0]?.f).toBe('1+1');
  });

  it('decodes the BOM-prefixed UTF-8 bytes as Excel does', () => {
    const bytes = new TextEncoder().encode(toCsv(columns, rows.slice(0, 1), csvOptionsFor('de')));
    const cells = firstSheetCells(readDense(bytes, { type: 'array' }));
    expect(cells[0]?.[0]?.v).toBe('Text');
    expect(cells[1]?.[0]?.v).toBe('Päckli, "Economy"');
    expect(cells[1]?.[1]?.v).toBe(-12.05);
  });
});

describe('a large export', () => {
  it('writes 200,000 lines with every centime intact', () => {
    const count = 200_000;
    const csv = toCsv(lineColumns, lineRows(count), csvOptionsFor('de'));
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(count + 2); // header, rows, and the empty string after the last CRLF
    expect(lineColumns[6].id).toBe('net');
    // No fixture text contains ';', so splitting on it is exact here.
    const written = lines.slice(1, -1).map((line) => parseMoney(line.split(';')[6] ?? ''));
    const expected = Array.from(lineRows(count), (row) => row[6]);
    expect(written).toEqual(expected);
    expect(formatMoney(sumCentimes(written))).toBe(formatMoney(sumCentimes(expected)));
  });
});
