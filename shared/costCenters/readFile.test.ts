import { readFileSync } from 'node:fs';
import { utils, write, type CellObject } from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { FileReading, FileResult, ReadOptions } from './fileContract';
import { MAX_FILE_BYTES, readCostCenterFile } from './readFile';

const IMPORT_DATE = '2026-11-30';
const options: ReadOptions = { importDate: IMPORT_DATE };

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/costCenters/${name}`));

const reading = (result: FileResult): FileReading => {
  if (!result.ok) throw new Error(`expected a reading, got ${result.messageKey}`);
  return result;
};
const readFixture = (name: string, extra: Partial<ReadOptions> = {}) =>
  reading(readCostCenterFile(fixture(name), name, { ...options, ...extra }));
const csv = (text: string, extra: Partial<ReadOptions> = {}) =>
  reading(readCostCenterFile(new TextEncoder().encode(text), 'list.csv', { ...options, ...extra }));
const codes = (result: FileReading) => result.rows.map((row) => row.code);

describe('readCostCenterFile on files written by LibreOffice, SheetJS and by hand', () => {
  it('SAP export (xlsx): leading zeros, technical columns, the row valid on the import date, expired codes inactive', () => {
    const result = readFixture('sap-export.xlsx');
    expect(result).toMatchObject({
      format: 'xlsx',
      dialect: 'sap',
      headerRow: 1,
      layoutKey: 'kostl|datbi|datab|ktext|ltext|verak',
      mapping: { code: 0, validTo: 1, validFrom: 2, name: 3, description: 4, owner: 5 },
      unsure: [],
      errors: [],
    });
    expect(result.rows).toEqual([
      // Two periods: the one holding 30.11.2026 wins; 31.12.9999 is "no end".
      {
        row: 3,
        code: '0000100100',
        name: 'Verwaltung',
        owner: 'Anna Keller',
        objectType: 'costCenter',
        monthlyBudget: null,
        active: true,
        validFrom: '2025-01-01',
        validTo: null,
      },
      // Its only period ended: imported inactive, with its validity.
      {
        row: 4,
        code: '0000100200',
        name: 'Marketing',
        owner: 'Peter Frei',
        objectType: 'costCenter',
        monthlyBudget: null,
        active: false,
        validFrom: '2018-01-01',
        validTo: '2025-06-30',
      },
      // All periods ended: the latest, inactive.
      {
        row: 6,
        code: '0000100300',
        name: 'Logistik 2',
        owner: 'Urs Gerber',
        objectType: 'costCenter',
        monthlyBudget: null,
        active: false,
        validFrom: '2020-01-01',
        validTo: '2023-12-31',
      },
      // Only a future period: that one.
      {
        row: 7,
        code: '0000100400',
        name: 'Neubau',
        owner: 'Lea Roth',
        objectType: 'costCenter',
        monthlyBudget: null,
        active: true,
        validFrom: '2027-01-01',
        validTo: null,
      },
      {
        row: 8,
        code: '0000100500',
        name: 'Versand',
        owner: 'Marco Bianchi',
        objectType: 'costCenter',
        monthlyBudget: null,
        active: true,
        validFrom: '2019-01-01',
        validTo: null,
      },
    ]);
  });

  it('SAP export judged on another import date picks the other period', () => {
    const result = readFixture('sap-export.xlsx', { importDate: '2022-06-01' });
    expect(result.rows.find((row) => row.code === '0000100100')).toMatchObject({
      row: 2,
      name: 'Verwaltung alt',
      active: true,
    });
    expect(result.rows.find((row) => row.code === '0000100300')).toMatchObject({ row: 6, active: true });
    expect(result.rows.find((row) => row.code === '0000100200')).toMatchObject({
      active: true,
      validTo: '2025-06-30',
    });
  });

  it('French .xls: the header below a title row and a blank row, French words for types and active', () => {
    const result = readFixture('fr-title.xls');
    expect(result).toMatchObject({ format: 'xls', headerRow: 3, dialect: 'generic', unsure: [], errors: [] });
    expect(result.headers).toEqual([
      'N° centre',
      'Désignation',
      'Responsable',
      'Type',
      'Budget mensuel',
      'Actif',
    ]);
    expect(result.rows).toEqual([
      {
        row: 4,
        code: '0042',
        name: 'Direction',
        owner: 'Claire Dubois',
        objectType: 'costCenter',
        monthlyBudget: '1250.50',
        active: true,
        validFrom: null,
        validTo: null,
      },
      {
        row: 5,
        code: '0043',
        name: 'Comptabilité',
        owner: 'Marc Favre',
        objectType: 'costCenter',
        monthlyBudget: '800.00',
        active: true,
        validFrom: null,
        validTo: null,
      },
      {
        row: 6,
        code: '7000',
        name: 'Projet Léman',
        owner: null,
        objectType: 'internalOrder',
        monthlyBudget: null,
        active: false,
        validFrom: null,
        validTo: null,
      },
      {
        row: 7,
        code: '7001',
        name: 'Élément Genève',
        owner: 'Julie Morel',
        objectType: 'wbsElement',
        monthlyBudget: '12000.00',
        active: true,
        validFrom: null,
        validTo: null,
      },
    ]);
  });

  it('Italian .ods: date cells read as dates, a reversed validity is an error', () => {
    const result = readFixture('it.ods');
    expect(result).toMatchObject({ format: 'ods', headerRow: 1, unsure: [] });
    expect(result.rows).toEqual([
      {
        row: 2,
        code: 'CC-010',
        name: 'Amministrazione',
        owner: 'Giulia Rossi',
        objectType: 'costCenter',
        monthlyBudget: '1500.00',
        active: true,
        validFrom: '2024-01-01',
        validTo: null,
      },
      {
        row: 3,
        code: 'CC-020',
        name: 'Vendite Ticino',
        owner: 'Luca Bernasconi',
        objectType: 'costUnit',
        monthlyBudget: '2750.25',
        active: true,
        validFrom: '2025-01-01',
        validTo: '2027-12-31',
      },
    ]);
    expect(result.errors).toEqual([
      { row: 4, field: 'validFrom', column: 'G', messageKey: 'validityReversed', value: '2026-07-01' },
    ]);
  });

  it('number cells as codes: 4100 is "4100", never "4100.0" or "4.1E3"; budgets from number cells', () => {
    const result = readFixture('numeric-codes.xlsx');
    expect(codes(result)).toEqual(['4100', '4200', '1234567890']);
    expect(result.rows.map((row) => row.monthlyBudget)).toEqual(['1250.00', '99.95', '0.00']);
    expect(result.rows.map((row) => row.active)).toEqual([true, false, true]);
  });

  it('German semicolon CSV with BOM: Swiss apostrophes, types, every row error with row, column and value', () => {
    const result = readFixture('de-semicolon-bom.csv');
    expect(result).toMatchObject({ format: 'csv', csv: { encoding: 'utf-8', separator: ';' }, headerRow: 1 });
    expect(result.headers[0]).toBe('Kostenstelle');
    expect(
      result.rows.map((row) => [row.code, row.owner, row.objectType, row.monthlyBudget, row.active]),
    ).toEqual([
      ['0100', 'Müller, Hans', 'costCenter', '1250.00', true],
      ['0200', 'Sara Weiss', 'costUnit', '1250.00', false],
      ['0300', null, 'internalOrder', '1250.50', true],
      ['0400', 'Tom Brun', 'wbsElement', '1250.50', true],
    ]);
    expect(result.errors).toEqual([
      { row: 6, field: 'code', column: 'A', messageKey: 'invalidCode', value: '41 00' },
      { row: 7, field: 'name', column: 'B', messageKey: 'missingName', value: '' },
      {
        row: 8,
        field: 'name',
        column: 'B',
        messageKey: 'tooLong',
        value: 'Ein sehr langer Name, der die erlaubten achtzig Zeichen überschreitet, ganz sicher sogar',
      },
      { row: 9, field: 'monthlyBudget', column: 'E', messageKey: 'invalidBudget', value: '12.345' },
      { row: 10, field: 'objectType', column: 'D', messageKey: 'invalidType', value: 'Abteilung' },
      { row: 10, field: 'active', column: 'F', messageKey: 'invalidActive', value: 'vielleicht' },
    ]);
  });

  it('DATEV KOST1 list in Windows-1252: umlauts decoded, dialect datev', () => {
    const result = readFixture('datev-kost1.csv');
    expect(result).toMatchObject({
      csv: { encoding: 'windows-1252', separator: ';' },
      dialect: 'datev',
      unsure: [],
    });
    expect(result.rows.map((row) => [row.code, row.name])).toEqual([
      ['1000', 'Geschäftsleitung'],
      ['2000', 'Büro Zürich'],
      ['3000', 'Fräsen & Drehen'],
      ['4000', 'Aussendienst Süd'],
    ]);
  });

  it('English tab-separated: description stands in for the name, ISO and SAP dates, negative budget', () => {
    const result = readFixture('en-tab.csv');
    expect(result.csv).toEqual({ encoding: 'utf-8', separator: '\t' });
    expect(result.mapping).toMatchObject({
      code: 0,
      name: 1,
      description: 1,
      owner: 2,
      validFrom: 6,
      validTo: 7,
    });
    expect(result.rows).toEqual([
      {
        row: 2,
        code: '0001',
        name: 'Head office',
        owner: 'Amy Lee',
        objectType: 'costUnit',
        monthlyBudget: '1250.50',
        active: true,
        validFrom: '2024-01-01',
        validTo: null,
      },
      {
        row: 3,
        code: '0002',
        name: 'Branch',
        owner: null,
        objectType: 'wbsElement',
        monthlyBudget: '-50.00',
        active: false,
        validFrom: '2025-01-01',
        validTo: '2026-12-31',
      },
    ]);
  });

  it('duplicates: every row of a repeated code is an error, none imported', () => {
    const result = readFixture('duplicates.xlsx');
    expect(codes(result)).toEqual(['B-2', 'C-3']);
    expect(result.errors).toEqual(
      [2, 4, 6].map((row) => ({
        row,
        field: 'code',
        column: 'A',
        messageKey: 'duplicateCode',
        value: 'A-1',
      })),
    );
  });

  it('missing names (empty or blank) are errors', () => {
    const result = readFixture('missing-names.xlsx');
    expect(codes(result)).toEqual(['M1', 'M4']);
    expect(result.errors).toEqual([
      { row: 3, field: 'name', column: 'B', messageKey: 'missingName', value: '' },
      { row: 4, field: 'name', column: 'B', messageKey: 'missingName', value: '' },
    ]);
  });

  it('the SheetJS-written export reads back, the formula guard quote dropped', () => {
    const result = readFixture('sheetjs-export-fr.xlsx');
    expect(result.sheetName).toBe('Centres de coûts');
    expect(
      result.rows.map((row) => [row.code, row.name, row.objectType, row.monthlyBudget, row.active]),
    ).toEqual([
      ['0042', 'Direction', 'costCenter', '1250.50', true],
      ['7000', '=1+1 (formule)', 'internalOrder', null, false],
      ['WBS/2026.1', 'Élément Genève', 'wbsElement', '-50.00', true],
    ]);
  });
});

describe('files that cannot be read', () => {
  const failure = (bytes: Uint8Array, name: string) => {
    const result = readCostCenterFile(bytes, name, options);
    return result.ok ? 'ok' : result.messageKey;
  };

  it.each([
    ['header-only.xlsx', 'headerOnly'],
    ['text-renamed.xlsx', 'corrupt'],
    ['encrypted.xlsx', 'encrypted'],
    ['encrypted.xls', 'encrypted'],
  ])('%s: %s', (name, key) => {
    expect(failure(fixture(name), name)).toBe(key);
  });

  it('encryption is recognised before SheetJS, whatever the file is called', () => {
    expect(failure(fixture('encrypted.xlsx'), 'Kostenstellen.XLSX')).toBe('encrypted');
    expect(failure(fixture('encrypted.xlsx'), 'renamed.ods')).toBe('encrypted');
  });

  it('unknown extensions, oversized files, empty files, garbage and unrecognisable headers', () => {
    const text = new TextEncoder().encode('Code;Name\n1;A\n');
    expect(failure(text, 'list.txt')).toBe('unsupportedType');
    expect(failure(text, 'no-extension')).toBe('unsupportedType');
    expect(failure(new Uint8Array(MAX_FILE_BYTES + 1), 'big.xlsx')).toBe('tooLarge');
    expect(failure(new Uint8Array(0), 'empty.csv')).toBe('empty');
    expect(failure(new TextEncoder().encode('\n;;\n \n'), 'blank.csv')).toBe('empty');
    expect(failure(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 9, 9]), 'broken.xlsx')).toBe(
      'corrupt',
    );
    expect(failure(new Uint8Array([0, 159, 146, 150, 0, 1]), 'binary.csv')).toBe('corrupt');
    expect(failure(new TextEncoder().encode('Apfel;Birne\n1;2\n'), 'fruit.csv')).toBe('noHeader');
  });

  it('an xlsx whose sheets hold nothing is empty', () => {
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([]), 'Leer');
    const bytes: unknown = write(book, { type: 'array', bookType: 'xlsx' });
    if (!(bytes instanceof ArrayBuffer)) throw new Error('no bytes');
    expect(failure(new Uint8Array(bytes), 'leer.xlsx')).toBe('empty');
  });
});

describe('header detection and mapping', () => {
  it('skips title and blank rows and finds headers in four languages, any case and accents', () => {
    const result = csv(
      'Cost centres 2026\n\n;;\nCENTRE DE COUTS;designation;VERANTWORTLICHE/R;Tipo;Monthly budget;Attivo\n1;A;;;;\n',
    );
    expect(result.headerRow).toBe(4);
    expect(result.mapping).toEqual({
      code: 0,
      name: 1,
      owner: 2,
      objectType: 3,
      monthlyBudget: 4,
      active: 5,
    });
    expect(result.unsure).toEqual([]);
    expect(result.layoutKey).toBe('centre de couts|designation|verantwortliche r|tipo|monthly budget|attivo');
  });

  it.each([
    ['Kostenstellen-Nr.;Bezeichnung', 'code'],
    ['KST;Name', 'code'],
    ['Centre de frais;Libellé', 'code'],
    ['Centro di costo n.;Descrizione breve', 'code'],
    ['Cost center code;Description', 'code'],
    ['Nr.;Nom', 'code'],
  ])('%s', (header) => {
    const result = csv(`${header}\n100;Eins\n`);
    expect(result.mapping.code).toBe(0);
    expect(result.mapping.name).toBe(1);
    expect(result.rows).toHaveLength(1);
  });

  it('a weak header match is unsure; a required column not found is unsure and nothing is validated yet', () => {
    const weak = csv('Code;Name;Budget 2026 (CHF)\n1;A;100\n');
    expect(weak.mapping.monthlyBudget).toBe(2);
    expect(weak.unsure).toEqual(['monthlyBudget']);
    expect(weak.rows[0]?.monthlyBudget).toBe('100.00');

    const noName = csv('Code;Verantwortlich;Monatsbudget\n1;A;100\n');
    expect(noName.unsure).toEqual(['name']);
    expect(noName.rows).toEqual([]);
    expect(noName.errors).toEqual([]);
  });

  it("the clerk's mapping and header row replace the guess", () => {
    const text = 'Liste\nNummer;Text;Wer\nFoo;Bar;Baz\n7;Seven;Sam\n';
    const guessed = csv(text);
    expect(guessed.headerRow).toBe(2);
    const mapped = csv(text, { headerRow: 3, mapping: { code: 1, name: 0, owner: 2 } });
    expect(mapped.headerRow).toBe(3);
    expect(mapped.mapping).toEqual({ code: 1, name: 0, owner: 2 });
    expect(mapped.unsure).toEqual([]);
    expect(mapped.rows).toEqual([
      {
        row: 4,
        code: 'Seven',
        name: '7',
        owner: 'Sam',
        objectType: 'costCenter',
        monthlyBudget: null,
        active: true,
        validFrom: null,
        validTo: null,
      },
    ]);
  });

  it('a headerless two-column list is read as code and name, both unsure, so the clerk confirms', () => {
    const result = csv('1000;Geschäftsleitung\n2000;Büro\n');
    expect(result).toMatchObject({
      headerRow: 0,
      headers: [],
      dialect: 'datev',
      mapping: { code: 0, name: 1 },
      unsure: ['code', 'name'],
    });
    expect(codes(result)).toEqual(['1000', '2000']);
    expect(csv('1000;Geschäftsleitung\n2000;Büro\n', { headerRow: 0 }).unsure).toEqual([]);
  });

  it('SAP long labels are the SAP dialect; DATEV with German labels too', () => {
    expect(
      csv(
        'Kostenstelle;Gültig bis;Gültig ab;Bezeichnung;Beschreibung;Verantwortlicher\n1;31.12.9999;01.01.2020;A;B;C\n',
      ).dialect,
    ).toBe('sap');
    expect(csv('Kostenstelle;Bezeichnung\n1;A\n').dialect).toBe('datev');
  });
});

describe('values', () => {
  const one = (header: string, value: string) => csv(`Code;Name;${header}\n1;A;${value}\n`);

  it.each([
    ['Kostenstelle', 'costCenter'],
    ['centre de coûts', 'costCenter'],
    ['Centro di costo', 'costCenter'],
    ['cost center', 'costCenter'],
    ['Kostenträger', 'costUnit'],
    ['porteur de coûts', 'costUnit'],
    ['unità di costo', 'costUnit'],
    ['Cost unit', 'costUnit'],
    ['PSP-Element', 'wbsElement'],
    ["élément d'OTP", 'wbsElement'],
    ['elemento WBS', 'wbsElement'],
    ['WBS element', 'wbsElement'],
    ['Innenauftrag', 'internalOrder'],
    ['ordre interne', 'internalOrder'],
    ['Ordine interno', 'internalOrder'],
    ['internal order', 'internalOrder'],
    ['internalOrder', 'internalOrder'],
    ['', 'costCenter'],
  ])('type %j is %s', (value, type) => {
    expect(one('Typ', value).rows[0]?.objectType).toBe(type);
  });

  it.each([
    ['ja', true],
    ['nein', false],
    ['oui', true],
    ['non', false],
    ['sì', true],
    ['no', false],
    ['Yes', true],
    ['NO', false],
    ['1', true],
    ['0', false],
    ['true', true],
    ['FALSE', false],
    ['aktiv', true],
    ['inaktiv', false],
    ['actif', true],
    ['inactif', false],
    ['attivo', true],
    ['inattivo', false],
    ['active', true],
    ['inactive', false],
    ['', true],
  ])('active %j is %s', (value, active) => {
    expect(one('Aktiv', value).rows[0]?.active).toBe(active);
  });

  it('dates: ISO, Swiss, SAP, 31.12.9999 as no end; garbage is invalidDate', () => {
    const result = csv(
      'Code;Name;Gültig ab;Gültig bis\n1;A;2026-01-01;31.12.9999\n2;B;1.2.26;20271231\n3;C;morgen;\n',
    );
    expect(result.rows.map((row) => [row.validFrom, row.validTo])).toEqual([
      ['2026-01-01', null],
      ['2026-02-01', '2027-12-31'],
    ]);
    expect(result.errors).toEqual([
      { row: 4, field: 'validFrom', column: 'C', messageKey: 'invalidDate', value: 'morgen' },
    ]);
  });

  it('owner longer than 80 characters is tooLong; codes are trimmed; blank rows are skipped', () => {
    const long = 'x'.repeat(81);
    const result = csv(`Code;Name;Owner\n  7  ; A \n\n;;\n8;B;${long}\n`);
    expect(result.rows).toMatchObject([{ row: 2, code: '7', name: 'A', owner: null }]);
    expect(result.errors).toEqual([
      { row: 5, field: 'owner', column: 'C', messageKey: 'tooLong', value: long },
    ]);
  });

  it('missing code is missingCode', () => {
    expect(csv('Code;Name\n;A\n').errors).toEqual([
      { row: 2, field: 'code', column: 'A', messageKey: 'missingCode', value: '' },
    ]);
  });
});

describe('several rows of one code', () => {
  const sap = (rows: string, importDate = IMPORT_DATE) =>
    csv(`KOSTL;KTEXT;DATAB;DATBI\n${rows}`, { importDate });

  it('overlapping periods are duplicates', () => {
    const result = sap('1;A;01.01.2020;31.12.2025\n1;B;01.01.2025;31.12.9999\n');
    expect(result.rows).toEqual([]);
    expect(result.errors.map((error) => [error.row, error.messageKey])).toEqual([
      [2, 'duplicateCode'],
      [3, 'duplicateCode'],
    ]);
  });

  it('one row with a period and one without are duplicates', () => {
    expect(sap('1;A;01.01.2020;31.12.2025\n1;B;;\n').errors).toHaveLength(2);
  });

  it('a gap on the import date takes the next period', () => {
    const result = sap('1;Old;01.01.2020;31.12.2025\n1;New;01.01.2027;31.12.9999\n');
    expect(result.rows).toMatchObject([{ row: 3, name: 'New', active: true, validFrom: '2027-01-01' }]);
  });

  it('several future periods take the earliest', () => {
    const result = sap('1;Later;01.01.2028;31.12.9999\n1;Sooner;01.01.2027;31.12.2027\n');
    expect(result.rows).toMatchObject([{ row: 3, name: 'Sooner' }]);
  });
});

describe('number and date cells', () => {
  const book = (rows: CellObject[][]) => {
    const workbook = utils.book_new();
    utils.book_append_sheet(workbook, utils.aoa_to_sheet(rows), 'Liste');
    const bytes: unknown = write(workbook, { type: 'array', bookType: 'xlsx' });
    if (!(bytes instanceof ArrayBuffer)) throw new Error('no bytes');
    return reading(readCostCenterFile(new Uint8Array(bytes), 'liste.xlsx', options));
  };
  const header: CellObject[] = ['Code', 'Name', 'Gültig ab', 'Gültig bis', 'Budget'].map((v) => ({
    t: 's',
    v,
  }));
  const name: CellObject = { t: 's', v: 'A' };

  it('codes print as the cell shows them: padded by a zeros format, integers exactly, custom formats as formatted', () => {
    const result = book([
      header,
      [{ t: 'n', v: 100100, z: '0000000000' }, name],
      [{ t: 'n', v: 4100 }, name],
      [{ t: 'n', v: 4200, z: 'General' }, name],
      [{ t: 'n', v: 1234567890123 }, name],
      [{ t: 'n', v: 42, z: '"KST-"0000' }, name],
    ]);
    expect(codes(result)).toEqual(['0000100100', '4100', '4200', '1234567890123', 'KST-0042']);
  });

  it('date cells are read as dates (31.12.9999 is no end), budgets as exact decimals, errors show the cell', () => {
    const result = book([
      header,
      [
        { t: 's', v: '1' },
        name,
        { t: 'n', v: 46022, z: 'dd.mm.yyyy' },
        { t: 'n', v: 2958465, z: 'dd.mm.yyyy' },
        { t: 'n', v: 1250.1, z: '#,##0.00' },
      ],
      [{ t: 's', v: '2' }, name, { t: 'n', v: 20261130 }, { t: 's', v: '' }, { t: 'n', v: 0.1 + 0.2 }],
      [{ t: 's', v: '3' }, name, { t: 'n', v: 1.5 }, { t: 's', v: '' }, { t: 'n', v: 12.345, z: '0.000' }],
    ]);
    expect(result.rows.map((row) => [row.code, row.validFrom, row.validTo, row.monthlyBudget])).toEqual([
      ['1', '2025-12-31', null, '1250.10'],
      ['2', '2026-11-30', null, '0.30'],
    ]);
    expect(result.errors).toEqual([
      { row: 4, field: 'monthlyBudget', column: 'E', messageKey: 'invalidBudget', value: '12.345' },
      { row: 4, field: 'validFrom', column: 'C', messageKey: 'invalidDate', value: '1.5' },
    ]);
  });
});
