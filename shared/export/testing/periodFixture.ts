import type { Assignment, LineItem } from '../../api/schemas';
import { createAllocator } from '../../allocation/allocator';
import { addBlockAllocation, type AllocatedDelta, type AllocatedRollupRow } from '../../allocation/rollup';
import type { MonthPeriod } from '../../analytics/centerTotals';
import { dayToIso, isoToDay } from '../../core/dates';
import { formatMoney, parseVatRate, vatOnNet } from '../../core/money';
import { encodeBlock, type LineBlock } from '../../lines/block';
import { splitAssignment } from '../../testing/assignmentFixture';
import type { ExportInvoice, PeriodSource, WorkbookLabels } from '../periodExport';

/**
 * A deterministic archive for the export tests and the benchmark: invoices over 2025-11..2026-07,
 * lines with odd amounts (so splits leave remainders), credits, four VAT rates, assignments split
 * 70/30 and 33/33/34, one valid only from mid-March, and lines no assignment charges. Test support only.
 */

const SERVICES = ['PP-PRI', 'PP-ECO', 'REG-R', 'PAK-ECO', 'INT-LET'] as const;
const RATES = ['8.1', '2.6', '0.0', '3.8'] as const;
const FIRST_DAY = isoToDay('2025-11-01');
const DAYS = 270;

export const fixtureAssignments: readonly Assignment[] = [
  splitAssignment('a-1', 'service', 'PP-PRI', [['2100', 100]]),
  splitAssignment('a-2', 'service', 'PP-ECO', [
    ['2100', 70],
    ['3100', 30],
  ]),
  splitAssignment('a-3', 'frankingLicence', '60000002', [
    ['1000', 33],
    ['2100', 33],
    ['4100', 34],
  ]),
  splitAssignment('a-4', 'invoiceReference', '10000003', [['3100', 100]], '2026-03-15', null),
];

export const fixtureCostCenters = [
  { code: '1000', name: 'Direction' },
  { code: '2100', name: 'Vertrieb Deutschschweiz' },
  { code: '3100', name: '=Logistique' },
  { code: '4100', name: 'Marketing, "Kampagnen"' },
];

export interface FixtureArchive {
  readonly invoices: ReadonlyMap<string, ExportInvoice>;
  readonly blocks: readonly LineBlock[];
  readonly allocatedRows: (period: MonthPeriod) => AllocatedRollupRow[];
}

const line = (i: number): LineItem => {
  const net = ((i * 7_919) % 40_000) - (i % 23 === 0 ? 50_000 : 0) + 1;
  const rate = RATES[i % RATES.length] ?? '8.1';
  return {
    lineNo: (i % 1_000) + 1,
    serviceCode: SERVICES[i % SERVICES.length] ?? 'PP-PRI',
    description: i % 11 === 0 ? '' : `Sendung ${i % 7}`,
    serviceDate: dayToIso(FIRST_DAY + ((i * 37) % DAYS)),
    invoiceReference: `1000000${(i % 4) + 1}`,
    frankingLicence: `6000000${(i % 3) + 1}`,
    customerReference: i % 5 === 0 ? `=cmd|${i}` : null,
    quantity: '1',
    unitPrice: formatMoney(net),
    netAmount: formatMoney(net),
    vatRate: rate,
    vatAmount: formatMoney(vatOnNet(net, parseVatRate(rate))),
  };
};

/** `invoices` invoices of `linesPer` lines each, in blocks of up to `blockSize` lines. */
export const fixtureArchive = (invoices: number, linesPer: number, blockSize = 5_000): FixtureArchive => {
  const byId = new Map<string, ExportInvoice>();
  const blocks: LineBlock[] = [];
  let i = 0;
  for (let n = 0; n < invoices; n += 1) {
    const id = `inv-${n}`;
    const items: LineItem[] = [];
    for (let k = 0; k < linesPer; k += 1) items.push(line(i++));
    for (let start = 0, blockNo = 0; start < items.length; start += blockSize, blockNo += 1) {
      blocks.push(encodeBlock(id, blockNo, items.slice(start, start + blockSize)));
    }
    byId.set(id, {
      id,
      number: String(1_000_000_000 + n),
      issueDate: '2026-02-02',
      dueDate: '2026-03-04',
      periodStart: '2025-11-01',
      periodEnd: '2026-07-31',
      netCentimes: 100_00 * (n + 1),
      vatCentimes: 8_10 * (n + 1),
      lineCount: linesPer,
    });
  }
  return {
    invoices: byId,
    blocks,
    // What the sync stores as allocated rollups: the same addBlockAllocation over every block.
    allocatedRows: (period) => {
      const delta: AllocatedDelta = new Map();
      const allocator = createAllocator(fixtureAssignments);
      for (const block of blocks) addBlockAllocation(delta, block, allocator, 1);
      return [...delta.values()].filter((row) => row.month >= period.from && row.month <= period.to);
    },
  };
};

export const fixtureSource = (archive: FixtureArchive, period: MonthPeriod, batch = 3): PeriodSource => ({
  period,
  invoices: archive.invoices,
  costCenters: fixtureCostCenters,
  assignments: fixtureAssignments,
  allocated: archive.allocatedRows(period),
  serviceNames: new Map([
    ['PP-PRI', 'A-Post'],
    ['PP-ECO', 'B-Post'],
  ]),
  blockCount: archive.blocks.length,
  blocks: {
    async *[Symbol.asyncIterator]() {
      for (let start = 0; start < archive.blocks.length; start += batch) {
        await Promise.resolve();
        yield archive.blocks.slice(start, start + batch);
      }
    },
  },
});

export const englishLabels: WorkbookLabels = {
  sheets: {
    overview: 'Overview',
    invoices: 'Invoices',
    lines: 'Lines',
    centreMonth: 'Cost centre x month',
    journal: 'Allocation journal',
  },
  overview: {
    field: 'Item',
    value: 'Value',
    from: 'From',
    to: 'To',
    net: 'Net',
    vat: 'VAT',
    gross: 'Gross',
    lines: 'Lines',
    invoices: 'Invoices',
  },
  invoices: {
    number: 'Invoice',
    issueDate: 'Issued',
    dueDate: 'Due',
    periodStart: 'Period start',
    periodEnd: 'Period end',
    net: 'Net',
    vat: 'VAT',
    gross: 'Gross',
    lines: 'Lines',
  },
  lines: {
    invoice: 'Invoice',
    lineNo: 'Line',
    serviceDate: 'Service date',
    service: 'Service',
    serviceName: 'Service name',
    description: 'Description',
    licence: 'Franking licence',
    reference: 'Invoice reference',
    customerReference: 'Customer reference',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    net: 'Net',
    vatRate: 'VAT rate',
    vat: 'VAT',
    gross: 'Gross',
    costCenter: 'Cost centre',
  },
  centreMonth: { code: 'Cost centre', name: 'Name', total: 'Total' },
  journal: {
    period: 'Period',
    costCenter: 'Cost centre',
    centreName: 'Name',
    service: 'Service',
    net: 'Net',
    vatRate: 'VAT rate',
    vat: 'VAT',
    gross: 'Gross',
    invoices: 'Invoices',
  },
  unassigned: 'Not charged',
  month: (month) => month,
};
