import { read } from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { CostCenter, Language } from '../api/schemas';
import { readCostCenterFile } from './readFile';
import { writeCostCenterWorkbook, type WorkbookCenter } from './workbook';
import { WORKBOOK_TEXT } from './workbookText';

const languages: readonly Language[] = ['de', 'fr', 'it', 'en'];
const options = { importDate: '2026-11-30' };

const centers: CostCenter[] = [
  {
    code: '0042',
    name: 'Direction générale',
    owner: 'Anna Keller',
    objectType: 'costCenter',
    monthlyBudget: '1250.50',
    active: true,
    etag: '"1"',
    updatedAt: '2026-11-01T08:00:00Z',
  },
  {
    code: '0000100100',
    name: '=HYPERLINK("http://evil","x")',
    owner: null,
    objectType: 'costUnit',
    monthlyBudget: null,
    active: false,
    etag: '"2"',
    updatedAt: '2026-11-01T08:00:00Z',
  },
  {
    code: 'WBS/2026.1',
    name: 'Elemento 1',
    owner: '+41 58 000 00 00',
    objectType: 'wbsElement',
    monthlyBudget: '-0.05',
    active: true,
    etag: '"3"',
    updatedAt: '2026-11-01T08:00:00Z',
  },
  {
    code: '-A_1',
    name: 'Ordre',
    owner: 'x'.repeat(80),
    objectType: 'internalOrder',
    monthlyBudget: '999999999999.99',
    active: true,
    etag: '"4"',
    updatedAt: '2026-11-01T08:00:00Z',
  },
  {
    code: '7',
    name: 'n'.repeat(80),
    owner: '@home',
    objectType: 'costCenter',
    monthlyBudget: '0.10',
    active: false,
    etag: '"5"',
    updatedAt: '2026-11-01T08:00:00Z',
  },
];

const comparable = (center: WorkbookCenter) => ({
  code: center.code,
  name: center.name,
  owner: center.owner ?? null,
  objectType: center.objectType,
  monthlyBudget: center.monthlyBudget ?? null,
  active: center.active,
});

describe('writeCostCenterWorkbook', () => {
  it.each(languages)('%s: export then import gives every field back (re-import is a no-op)', (language) => {
    const result = readCostCenterFile(writeCostCenterWorkbook(centers, language), 'export.xlsx', options);
    if (!result.ok) throw new Error(result.messageKey);
    expect(result.errors).toEqual([]);
    expect(result.unsure).toEqual([]);
    expect(result.headerRow).toBe(1);
    expect(result.rows.map(comparable)).toEqual(centers.map(comparable));
  });

  it.each(languages)('%s: the template holds one example row the reader takes', (language) => {
    const bytes = writeCostCenterWorkbook(null, language);
    const result = readCostCenterFile(bytes, 'template.xlsx', options);
    if (!result.ok) throw new Error(result.messageKey);
    const words = WORKBOOK_TEXT[language];
    expect(result.sheetName).toBe(words.sheetName);
    expect(result.headers).toEqual([
      words.headers.code,
      words.headers.name,
      words.headers.owner,
      words.headers.objectType,
      words.headers.monthlyBudget,
      words.headers.active,
    ]);
    expect(result.rows).toEqual([
      {
        row: 2,
        code: '4100',
        name: words.example.name,
        owner: words.example.owner,
        objectType: 'costCenter',
        monthlyBudget: '1250.00',
        active: true,
        validFrom: null,
        validTo: null,
      },
    ]);
    const book = read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual([words.sheetName, words.notesSheetName]);
    const notes = book.Sheets[words.notesSheetName];
    const cell = (ref: string): unknown => notes?.[ref];
    expect(cell('A2')).toMatchObject({ v: words.headers.code });
    expect(cell('B2')).toMatchObject({ v: words.notes.code });
    expect(cell('B7')).toMatchObject({ v: words.notes.active });
  });

  it('codes are text cells, budgets number cells with two decimals, formula-like text is quoted', () => {
    const book = read(writeCostCenterWorkbook(centers, 'de'), { type: 'array', cellNF: true });
    const sheet = book.Sheets.Kostenstellen;
    expect(sheet?.A2).toMatchObject({ t: 's', v: '0042' });
    expect(sheet?.A3).toMatchObject({ t: 's', v: '0000100100' });
    expect(sheet?.E2).toMatchObject({ t: 'n', v: 1250.5, z: '#,##0.00' });
    expect(sheet?.B3).toMatchObject({ t: 's', v: '\'=HYPERLINK("http://evil","x")' });
    expect(sheet?.C4).toMatchObject({ t: 's', v: "'+41 58 000 00 00" });
    expect(sheet?.A5).toMatchObject({ t: 's', v: "'-A_1" });
    expect(sheet?.D3).toMatchObject({ t: 's', v: 'Kostenträger' });
    expect(sheet?.F3).toMatchObject({ t: 's', v: 'nein' });
  });
});
