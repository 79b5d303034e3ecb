import { describe, expect, it } from 'vitest';
import type { LineItem } from '../../../shared/api/schemas';
import { firstSheetCells, readDense } from '../../../shared/export/fixtures';
import { encodeBlock } from '../../../shared/lines/block';
import { createLineIndex } from '../../../shared/lines/lineIndex';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import { assignmentFixture } from '../../../shared/testing/assignmentFixture';
import { exportGroups, exportLines } from './exportLines';

/** Contract-valid lines at the edges of every field the export writes (postal-billing-api.yaml, Line). */
const extremes: LineItem[] = [
  {
    lineNo: 1,
    serviceCode: 'A-POST',
    description: 'Earliest day, largest amounts',
    serviceDate: '1899-12-31',
    invoiceReference: '11111111',
    frankingLicence: '60000001',
    customerReference: '\u200B=HYPERLINK("https://evil.example")',
    quantity: '999999999.999',
    unitPrice: '999999999.9999',
    netAmount: '999999999999.99',
    vatRate: '8.1',
    vatAmount: '999999999999.99',
  },
  {
    lineNo: 2,
    serviceCode: 'A-POST',
    description: 'Credit',
    serviceDate: '1900-02-28',
    invoiceReference: '11111111',
    frankingLicence: '60000001',
    customerReference: null,
    quantity: '-999999999.999',
    unitPrice: '-0.0001',
    netAmount: '-999999999999.99',
    vatRate: '8.1',
    vatAmount: '-999999999999.99',
  },
  {
    lineNo: 3,
    serviceCode: 'A-POST',
    description: 'First exact Excel day',
    serviceDate: '1900-03-01',
    invoiceReference: '11111111',
    frankingLicence: '60000001',
    customerReference: '\uFE62SUM(A1)',
    quantity: '0.001',
    unitPrice: '0.0001',
    netAmount: '0.00',
    vatRate: '8.1',
    vatAmount: '0.00',
  },
];

const columns = ['serviceDate', 'customerReference', 'quantity', 'unitPrice', 'net', 'vat', 'gross'];

const exportAll = (format: 'csv' | 'xlsx') => {
  const index = createLineIndex();
  index.addBlock(encodeBlock('inv-1', 0, extremes), {
    id: 'inv-1',
    number: '1000000001',
    issueDate: '2026-11-01',
  });
  const { ids } = index.query({});
  return exportLines(index, ids, {
    resultId: 1,
    view: 'lines',
    format,
    columns,
    headers: {},
    language: 'en',
    sheetName: 'Lines',
    serviceName: (code) => code,
    designation: () => null,
  });
};

describe('exportLines with contract-valid extremes', () => {
  it('writes the xlsx without stopping, every figure exact and every date on its day', () => {
    const cells = firstSheetCells(readDense(exportAll('xlsx'), { type: 'array', cellNF: true }));
    const byLine = cells.slice(1);
    expect(byLine).toHaveLength(3);
    // Line 1: text date before Excel's serials, guarded formula, largest quantity, price and amounts.
    expect(byLine.map((row) => row[0]?.v)).toEqual(['1899-12-31', '1900-02-28', 61]);
    expect(byLine[0]?.[1]?.v).toBe('\'\u200B=HYPERLINK("https://evil.example")');
    expect(byLine[2]?.[1]?.v).toBe("'\uFE62SUM(A1)");
    expect(byLine.map((row) => row[2]?.v)).toEqual([999_999_999.999, -999_999_999.999, 0.001]);
    expect(byLine.map((row) => row[3]?.v)).toEqual([999_999_999.9999, -0.0001, 0.0001]);
    expect(byLine.map((row) => row[4]?.v)).toEqual([999_999_999_999.99, -999_999_999_999.99, 0]);
    // Gross is net + VAT: 15 digits, past the Money range, still a number that reads back exactly.
    expect(byLine.map((row) => row[6]?.v)).toEqual([1_999_999_999_999.98, -1_999_999_999_999.98, 0]);
    expect(byLine.map((row) => row[4]?.t)).toEqual(['n', 'n', 'n']);
  });

  it('writes the CSV without stopping, every figure with its exact digits', () => {
    const text = new TextDecoder().decode(exportAll('csv'));
    expect(text.split('\r\n').slice(1, -1)).toEqual([
      '1899-12-31,"\'\u200B=HYPERLINK(""https://evil.example"")",999999999.999,999999999.9999,999999999999.99,999999999999.99,1999999999999.98',
      '1900-02-28,,-999999999.999,-0.0001,-999999999999.99,-999999999999.99,-1999999999999.98',
      "1900-03-01,'\uFE62SUM(A1),0.001,0.0001,0.00,0.00,0.00",
    ]);
  });
});

describe('exportGroups', () => {
  const request = (format: 'csv' | 'xlsx', group: 'licence' | 'costCenter') => ({
    resultId: 1,
    view: 'groups' as const,
    group,
    unassignedLabel: 'Not charged to any cost centre',
    format,
    columns: [],
    headers: {
      groupKey: 'Licence',
      groupName: 'Name',
      count: 'Lines',
      net: 'Net',
      vat: 'VAT',
      gross: 'Gross',
    },
    language: 'de' as const,
    sheetName: 'Subtotals',
    serviceName: (code: string) => code,
    designation: (_kind: string, key: string) => (key === '60000001' ? '=cmd|calc' : null),
  });
  const groups = [
    {
      key: '60000001',
      count: 2,
      netCentimes: 99_999_999_999_999,
      vatCentimes: 1,
      grossCentimes: 100_000_000_000_000,
      chargedNetCentimes: null,
      chargedVatCentimes: null,
    },
    {
      key: UNASSIGNED,
      count: 1,
      netCentimes: -5,
      vatCentimes: 0,
      grossCentimes: -5,
      chargedNetCentimes: null,
      chargedVatCentimes: null,
    },
  ];

  it('writes one row per subtotal with exact centimes and the formula guard on names', () => {
    const text = new TextDecoder().decode(exportGroups(groups, request('csv', 'licence')));
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      'Licence;Name;Lines;Net;VAT;Gross',
      "60000001;'=cmd|calc;2;999999999999.99;0.01;1000000000000.00",
      ';;1;-0.05;0.00;-0.05',
    ]);
  });

  it('names the lines no cost centre takes, in the xlsx too', () => {
    const cells = firstSheetCells(
      readDense(exportGroups(groups, request('xlsx', 'costCenter')), { type: 'array' }),
    );
    expect(cells[2]?.map((cell) => cell?.v)).toEqual([
      undefined,
      'Not charged to any cost centre',
      1,
      -0.05,
      0,
      -0.05,
    ]);
    expect(cells[1]?.[5]?.v).toBe(1_000_000_000_000);
  });

  it('adds the charged share of each subtotal under a cost-centre filter', () => {
    const charged = groups.map((group, at) => ({
      ...group,
      chargedNetCentimes: at === 0 ? 300 : -5,
      chargedVatCentimes: 0,
    }));
    const base = request('csv', 'licence');
    const text = new TextDecoder().decode(
      exportGroups(charged, { ...base, headers: { ...base.headers, charged: 'Charged' } }),
    );
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      'Licence;Name;Lines;Net;VAT;Gross;Charged',
      "60000001;'=cmd|calc;2;999999999999.99;0.01;1000000000000.00;3.00",
      ';;1;-0.05;0.00;-0.05;-0.05',
    ]);
  });
});

describe('exportLines under a cost-centre filter', () => {
  it('writes each line’s parts and the share charged to the chosen centre, exact to the centime', () => {
    const index = createLineIndex();
    const line = (lineNo: number, frankingLicence: string, netAmount: string): LineItem => ({
      lineNo,
      serviceCode: 'A-POST',
      description: '',
      serviceDate: '2026-03-14',
      invoiceReference: '11111111',
      frankingLicence,
      customerReference: null,
      quantity: '1',
      unitPrice: netAmount,
      netAmount,
      vatRate: '8.1',
      vatAmount: '0.81',
    });
    index.addBlock(encodeBlock('inv-1', 0, [line(1, '60000001', '10.01'), line(2, '60000002', '5.00')]), {
      id: 'inv-1',
      number: '1000000001',
      issueDate: '2026-03-31',
    });
    index.setAssignments([
      assignmentFixture({
        id: 'split',
        kind: 'frankingLicence',
        key: '60000001',
        splits: [
          { costCenterCode: '2100', percent: 70 },
          { costCenterCode: '3100', percent: 30 },
        ],
      }),
    ]);
    const chosen = ['3100'];
    const { ids, totals } = index.query({ costCenters: chosen });
    const text = new TextDecoder().decode(
      exportLines(
        index,
        ids,
        {
          resultId: 1,
          view: 'lines',
          format: 'csv',
          columns: ['lineNo', 'net', 'costCenter', 'charged', 'chargedVat'],
          headers: {
            lineNo: 'No',
            net: 'Net',
            costCenter: 'Cost centre',
            charged: 'Charged',
            chargedVat: 'VAT',
          },
          unassignedLabel: 'not charged',
          language: 'en',
          sheetName: 'Lines',
          serviceName: (code) => code,
          designation: () => null,
        },
        chosen,
      ),
    );
    // 30 % of 10.01 is 3.003, rounded to 3.00; the remainder stays with the first split.
    expect(text.split('\r\n').slice(0, 2)).toEqual([
      'No,Net,Cost centre,Charged,VAT',
      '1,10.01,2100 70% · 3100 30%,3.00,0.24',
    ]);
    expect(totals.chargedNetCentimes).toBe(300);
    const unassigned = index.query({ costCenters: [UNASSIGNED] });
    const plain = new TextDecoder().decode(
      exportLines(index, unassigned.ids, {
        resultId: 2,
        view: 'lines',
        format: 'csv',
        columns: ['lineNo', 'costCenter'],
        headers: {},
        unassignedLabel: 'not charged',
        language: 'en',
        sheetName: 'Lines',
        serviceName: (code) => code,
        designation: () => null,
      }),
    );
    expect(plain.split('\r\n')[1]).toBe('2,not charged');
  });
});
