import { readFileSync } from 'node:fs';
import { utils, write, type CellObject } from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { AssignmentFileReading, AssignmentFileResult } from './contract';
import { readAssignmentFile } from './readFile';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/assignments/${name}`));
const reading = (result: AssignmentFileResult): AssignmentFileReading => {
  if (!result.ok) throw new Error(`expected a reading, got ${result.messageKey}`);
  return result;
};
const readFixture = (name: string) => reading(readAssignmentFile(fixture(name), name));
const csv = (text: string) => readAssignmentFile(new TextEncoder().encode(text), 'sheet.csv');
/** The groups as (kind key from..to: code percent, ...), compact to compare. */
const summary = (result: AssignmentFileReading) =>
  result.groups.map(
    (group) =>
      `${group.kind} ${group.key} ${group.validFrom ?? '…'}..${group.validTo ?? '…'}: ${group.rows
        .map((row) => `${row.costCenterCode} ${row.percent}`)
        .join(', ')}`,
  );

describe('readAssignmentFile on sheets written by LibreOffice', () => {
  it('German xlsx below a title row: words for kinds, key kept as text with its zero, real date cells, a 70/30 split as one assignment', () => {
    const result = readFixture('de-title.xlsx');
    expect(result).toMatchObject({
      format: 'xlsx',
      headerRow: 3,
      mapping: { kind: 0, key: 1, costCenter: 2, percent: 3, validFrom: 4, validTo: 5 },
      rowCount: 4,
      errors: [],
    });
    expect(summary(result)).toEqual([
      'frankingLicence 012345678 2026-03-01..…: 2100 100',
      'invoiceReference REF-778 2026-03-01..2026-12-31: 2100 70, 3300 30',
      'service PP-PRI …..…: 4100 100',
    ]);
    expect(result.groups[1]?.rows.map((row) => row.row)).toEqual([5, 6]);
  });

  it('French xls: two periods of one licence are two assignments, a reference with leading zeros split 50/50', () => {
    const result = readFixture('fr.xls');
    expect(result.format).toBe('xls');
    expect(result.errors).toEqual([]);
    expect(summary(result)).toEqual([
      'frankingLicence 60012345 2026-01-01..2026-06-30: 1000 100',
      'frankingLicence 60012345 2026-07-01..…: 2100 100',
      'invoiceReference 000445566 …..…: 3300 50, 5200 50',
    ]);
  });

  it('Italian ods', () => {
    const result = readFixture('it.ods');
    expect(result.format).toBe('ods');
    expect(summary(result)).toEqual([
      'service PP-ECO 2026-04-01..…: 2100 60, 3300 40',
      'frankingLicence 0044556677 …..…: 4100 100',
    ]);
  });

  it('semicolon CSV in Windows-1252: umlauts decoded, the contract words for kinds, Swiss and ISO dates, 31.12.9999 as no end', () => {
    const result = readFixture('de-1252.csv');
    expect(result.csv).toEqual({ encoding: 'windows-1252', separator: ';' });
    expect(result.headers).toEqual([
      'Art',
      'Schlüssel',
      'Kostenstelle',
      'Prozent',
      'Gültig ab',
      'Gültig bis',
    ]);
    expect(summary(result)).toEqual([
      'frankingLicence 60099887 2026-01-01..…: 2100 100',
      'invoiceReference Zürich-Süd …..…: 3300 100',
      'service PP-PRI 2026-01-01..2026-12-31: 1000 100',
    ]);
  });

  it('the sheet with errors: every problem names row, column, field and value; bad rows and their groups are left out', () => {
    const result = readFixture('errors.xlsx');
    expect(result.errors).toEqual([
      { row: 2, field: 'percent', column: 'D', code: 'sumNot100', value: '90' },
      { row: 3, field: 'percent', column: 'D', code: 'sumNot100', value: '90' },
      { row: 4, field: 'kind', column: 'A', code: 'invalidKind', value: 'parcel' },
      { row: 5, field: 'key', column: 'B', code: 'missingKey', value: '' },
      { row: 6, field: 'costCenter', column: 'C', code: 'invalidCostCenter', value: '21 00' },
      { row: 7, field: 'percent', column: 'D', code: 'percentNotWhole', value: '12.5' },
      { row: 8, field: 'percent', column: 'D', code: 'invalidPercent', value: 'abc' },
      { row: 9, field: 'validFrom', column: 'E', code: 'invalidDate', value: '31.02.2026' },
      { row: 10, field: 'validTo', column: 'F', code: 'validityReversed', value: '2026-03-01' },
      // Open-ended R-1 and R-1 from 1.1.2026 share days: each names the other's row.
      { row: 11, field: 'validFrom', column: 'E', code: 'overlapsInFile', value: '12' },
      { row: 12, field: 'validFrom', column: 'E', code: 'overlapsInFile', value: '11' },
    ]);
    // A cost centre the archive may not know is the plan's to judge, not the reader's.
    expect(summary(result)).toEqual(['service PP-OK …..…: 9999 100', 'service PP-GOOD …..…: 2100 100']);
  });
});

describe('readAssignmentFile values', () => {
  it('percent as "70 %", "30,0" and a percent-formatted number cell; a number key stays digits', () => {
    const share = (v: number): CellObject => ({ t: 'n', v, z: '0%' });
    const sheet = utils.aoa_to_sheet([
      ['Kind', 'Key', 'Cost center', 'Share', 'Valid from', 'Valid to'],
      ['licence', 60012345, '2100', share(0.7), '', ''],
      ['licence', 60012345, '3300', share(0.3), '', ''],
    ]);
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, 'Zuordnungen');
    const written: unknown = write(book, { type: 'array', bookType: 'xlsx' });
    if (!(written instanceof ArrayBuffer)) throw new Error('SheetJS wrote no ArrayBuffer');
    const bytes = new Uint8Array(written);
    const result = reading(readAssignmentFile(bytes, 'sheet.xlsx'));
    expect(summary(result)).toEqual(['frankingLicence 60012345 …..…: 2100 70, 3300 30']);

    const text = reading(
      csv(
        'Kind,Key,Cost centre,%,From,To\nreference,0012,2100,70 %,1.3.2026,\nreference,0012,3300,"30,0",01.03.2026,\n',
      ),
    );
    expect(summary(text)).toEqual(['invoiceReference 0012 2026-03-01..…: 2100 70, 3300 30']);
  });

  it('refuses a percent out of range, a repeated cost centre in one split and more than ten splits', () => {
    // Eleven splits that add up to 100: the contract allows ten.
    const rows = Array.from({ length: 11 }, (_, i) => `service,PP-MANY,C${i},${i < 2 ? 5 : 10},,`);
    const result = reading(
      csv(
        [
          'Kind,Key,Cost centre,Percent,Valid from,Valid to',
          'service,PP-A,2100,150,,',
          'service,PP-B,2100,50,,',
          'service,PP-B,2100,50,,',
          ...rows,
        ].join('\n'),
      ),
    );
    expect(result.groups).toEqual([]);
    expect(result.errors.map((error) => `${error.row} ${error.code}`)).toEqual([
      '2 percentOutOfRange',
      '4 repeatedCostCenter',
      ...Array.from({ length: 11 }, (_, i) => `${5 + i} tooManySplits`),
    ]);
  });

  it('file failures: wrong type, empty, header only, no recognisable header, missing required columns, a text file renamed', () => {
    expect(readAssignmentFile(new Uint8Array([1]), 'sheet.pdf')).toMatchObject({
      ok: false,
      messageKey: 'unsupportedType',
    });
    expect(readAssignmentFile(new Uint8Array(), 'sheet.csv')).toMatchObject({
      ok: false,
      messageKey: 'empty',
    });
    expect(csv('Kind;Key;Cost centre;Percent\n')).toMatchObject({ ok: false, messageKey: 'headerOnly' });
    expect(csv('Hello;World\n1;2\n')).toMatchObject({ ok: false, messageKey: 'noHeader' });
    expect(csv('Kind;Key;Valid from\nservice;PP-PRI;1.1.2026\n')).toMatchObject({
      ok: false,
      messageKey: 'noHeader',
    });
    expect(
      readAssignmentFile(
        new TextEncoder().encode('Kind;Key;Cost centre;Percent\nservice;A;1;100'),
        'renamed.xlsx',
      ),
    ).toMatchObject({ ok: false, fileName: 'renamed.xlsx', messageKey: 'corrupt' });
  });
});
