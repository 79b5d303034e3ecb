import { describe, expect, it } from 'vitest';
import type { Assignment, LineItem } from '../api/schemas';
import { splitCentimes, UNASSIGNED } from '../allocation/assignments';
import { parseMoney } from '../core/money';
import { encodeBlock } from './block';
import { createLineIndex, lineGroupKeys, lineSortKeys, type LineRow, type LineSortKey } from './lineIndex';

/** A deterministic pseudo-random stream. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const services = ['A-POST', 'B-POST', 'PP-PRI', 'PP-ECO', 'EXPRESS'];
const licences = ['60000001', '60000002', '60000003'];
const references = ['11111111', '22222222', '33333333'];

const makeLines = (count: number, next: () => number): LineItem[] =>
  Array.from({ length: count }, (_, i) => {
    const net = Math.round((next() - 0.1) * 100_000);
    const vat = Math.round(net * 0.081);
    const month = 1 + Math.floor(next() * 12);
    return {
      lineNo: i + 1,
      serviceCode: services[Math.floor(next() * services.length)] ?? 'A-POST',
      description: `Desc ${Math.floor(next() * 7)}`,
      serviceDate: `2026-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
      invoiceReference: references[Math.floor(next() * references.length)] ?? '11111111',
      frankingLicence: licences[Math.floor(next() * licences.length)] ?? '60000001',
      customerReference: next() < 0.3 ? `KST ${Math.floor(next() * 10_000)}` : null,
      quantity: String(1 + Math.floor(next() * 50)),
      unitPrice: (next() * 10).toFixed(2),
      netAmount: (net / 100).toFixed(2),
      vatRate: next() < 0.5 ? '8.1' : '2.6',
      vatAmount: (vat / 100).toFixed(2),
    };
  });

const assignment = (
  id: string,
  kind: Assignment['kind'],
  key: string,
  splits: Assignment['splits'],
): Assignment => ({
  id,
  kind,
  key,
  splits,
  validFrom: null,
  validTo: null,
  etag: 'e',
  updatedAt: '2026-01-01T00:00:00Z',
});
const assignments = [
  assignment('by-service', 'service', 'PP-PRI', [{ costCenterCode: 'LOG', percent: 100 }]),
  assignment('by-licence', 'frankingLicence', '60000002', [
    { costCenterCode: 'MKT', percent: 33 },
    { costCenterCode: 'LOG', percent: 67 },
  ]),
];

const build = (invoices: number, linesPerInvoice: number) => {
  const next = random(11);
  const index = createLineIndex();
  for (let invoice = 0; invoice < invoices; invoice += 1) {
    const meta = {
      id: `inv-${invoice}`,
      number: `41000${String((invoice * 7919) % 100_000).padStart(5, '0')}`,
      issueDate: `2026-${String((invoice % 12) + 1).padStart(2, '0')}-05`,
    };
    index.addBlock(encodeBlock(meta.id, 0, makeLines(linesPerInvoice, next)), meta);
  }
  index.setAssignments(assignments);
  return index;
};

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** What each sortable column shows, compared the way the index promises to order it. */
const compareBy =
  (key: LineSortKey) =>
  (a: LineRow, b: LineRow): number => {
    const text = (x: string, y: string) => collator.compare(x, y);
    switch (key) {
      case 'invoiceNumber':
        return text(a.invoiceNumber, b.invoiceNumber);
      case 'service':
        return text(a.serviceCode, b.serviceCode);
      case 'description':
        return text(a.description, b.description);
      case 'licence':
        return text(a.frankingLicence, b.frankingLicence);
      case 'reference':
        return text(a.invoiceReference, b.invoiceReference);
      case 'customerReference':
        return a.customerReference === null || b.customerReference === null
          ? (a.customerReference === null ? 0 : 1) - (b.customerReference === null ? 0 : 1)
          : text(a.customerReference, b.customerReference);
      case 'costCenter':
        return a.costCenters.length === 0 || b.costCenters.length === 0
          ? a.costCenters.length - b.costCenters.length === 0
            ? 0
            : a.costCenters.length === 0
              ? -1
              : 1
          : text(a.costCenters.join(', '), b.costCenters.join(', '));
      case 'lineNo':
        return a.lineNo - b.lineNo;
      case 'serviceDate':
        return a.serviceDate < b.serviceDate ? -1 : a.serviceDate > b.serviceDate ? 1 : 0;
      case 'quantity':
        return a.quantityMilli - b.quantityMilli;
      case 'unitPrice':
        return a.unitPrice - b.unitPrice;
      case 'net':
        return a.netCentimes - b.netCentimes;
      case 'vatRate':
        return a.vatRateBp - b.vatRateBp;
      case 'vat':
        return a.vatCentimes - b.vatCentimes;
      case 'gross':
        return a.netCentimes + a.vatCentimes - (b.netCentimes + b.vatCentimes);
      case 'charged':
        return (a.chargedNetCentimes ?? 0) - (b.chargedNetCentimes ?? 0);
    }
  };

describe('line index views: sort, groups, several cost centres', () => {
  const index = build(40, 150);
  const filter = { services: ['A-POST', 'PP-PRI', 'EXPRESS'] };
  const plain = index.query(filter);
  const plainRows = index.rows(plain.ids, 0, plain.ids.length);
  const position = new Map(plainRows.map((row, at) => [`${row.invoiceId}#${row.lineNo}`, at]));

  it.each(lineSortKeys.flatMap((key) => [[key, 'asc'] as const, [key, 'desc'] as const]))(
    'sorts by %s %s, ties in the usual order, the same rows and totals',
    (key, direction) => {
      const sorted = index.query(filter, { sort: { key, direction } });
      expect(sorted.totals).toEqual(plain.totals);
      const rows = index.rows(sorted.ids, 0, sorted.ids.length);
      expect(rows.length).toBe(plainRows.length);
      const compare = compareBy(key);
      const sign = direction === 'asc' ? 1 : -1;
      for (let k = 1; k < rows.length; k += 1) {
        const previous = rows[k - 1]!;
        const current = rows[k]!;
        const order = sign * compare(previous, current);
        expect(order).toBeLessThanOrEqual(0);
        if (order === 0)
          expect(position.get(`${previous.invoiceId}#${previous.lineNo}`)).toBeLessThan(
            position.get(`${current.invoiceId}#${current.lineNo}`)!,
          );
      }
    },
  );

  it.each(lineGroupKeys)('groups by %s with counts and totals that add up to the centime', (group) => {
    const { groups, totals } = index.query(filter, { group });
    expect(groups).not.toBeNull();
    const keyOf = (row: LineRow): string =>
      group === 'service'
        ? row.serviceCode
        : group === 'licence'
          ? row.frankingLicence
          : group === 'reference'
            ? row.invoiceReference
            : group === 'month'
              ? row.serviceDate.slice(0, 7)
              : row.costCenters.length === 0
                ? UNASSIGNED
                : row.costCenters.join(', ');
    const expected = new Map<string, { count: number; net: number; vat: number }>();
    for (const row of plainRows) {
      const sum = expected.get(keyOf(row)) ?? { count: 0, net: 0, vat: 0 };
      sum.count += 1;
      sum.net += row.netCentimes;
      sum.vat += row.vatCentimes;
      expected.set(keyOf(row), sum);
    }
    expect(groups?.map((entry) => entry.key).sort()).toEqual([...expected.keys()].sort());
    for (const entry of groups ?? []) {
      const sum = expected.get(entry.key);
      expect(entry).toEqual({
        key: entry.key,
        count: sum?.count,
        netCentimes: sum?.net,
        vatCentimes: sum?.vat,
        grossCentimes: (sum?.net ?? 0) + (sum?.vat ?? 0),
        chargedNetCentimes: null,
        chargedVatCentimes: null,
      });
    }
    expect(groups?.reduce((sum, entry) => sum + entry.grossCentimes, 0)).toBe(totals.grossCentimes);
    expect(groups?.reduce((sum, entry) => sum + entry.count, 0)).toBe(totals.count);
    if (group === 'month') expect(groups?.map((entry) => entry.key)).toEqual([...expected.keys()].sort());
  });

  it('filters by several cost centres at once, charging each line once with the chosen shares', () => {
    const both = index.query({ costCenters: ['MKT', UNASSIGNED] });
    const rows = index.rows(both.ids, 0, both.ids.length);
    expect(rows.every((row) => row.costCenters.length === 0 || row.costCenters.includes('MKT'))).toBe(true);
    const unassigned = index.query({ costCenters: [UNASSIGNED] }).totals;
    const mkt = index.query({ costCenters: ['MKT'] }).totals;
    expect(both.totals.count).toBe(unassigned.count + mkt.count);
    expect(both.totals.chargedNetCentimes).toBe(
      (unassigned.chargedNetCentimes ?? 0) + (mkt.chargedNetCentimes ?? 0),
    );
    // Both shares of a split line chosen: the whole net, not twice and not a centime off.
    const split = index.query({ costCenters: ['MKT', 'LOG'], licences: ['60000002'] });
    expect(split.totals.chargedNetCentimes).toBe(split.totals.netCentimes);
    const splitRows = index.rows(split.ids, 0, split.ids.length);
    expect(
      splitRows.reduce(
        (sum, row) => sum + splitCentimes(row.netCentimes, [33, 67]).reduce((a, b) => a + b, 0),
        0,
      ),
    ).toBe(split.totals.netCentimes);
  });

  it('names the invoices whose lines carry a customer reference, as typed', () => {
    const { ids } = index.query({ text: 'KST 1' });
    const expected = new Set(index.rows(ids, 0, ids.length).map((row) => row.invoiceId));
    expect(new Set(index.invoicesWithText('kst 1'))).toEqual(expected);
    expect(index.invoicesWithText('   ')).toEqual([]);
  });

  it('sorts and groups 100,000 lines exactly (a sort key per row, the native numeric sort)', () => {
    const big = build(400, 250);
    expect(big.size).toBe(100_000);
    const byGross = big.query({}, { sort: { key: 'gross', direction: 'desc' }, group: 'month' });
    expect(byGross.ids.length).toBe(100_000);
    const top = big.rows(byGross.ids, 0, 1000);
    for (let k = 1; k < top.length; k += 1)
      expect(top[k - 1]!.netCentimes + top[k - 1]!.vatCentimes).toBeGreaterThanOrEqual(
        top[k]!.netCentimes + top[k]!.vatCentimes,
      );
    expect(byGross.groups?.reduce((sum, entry) => sum + entry.netCentimes, 0)).toBe(
      byGross.totals.netCentimes,
    );
    const byCustomer = big.query({ text: 'kst' }, { sort: { key: 'customerReference', direction: 'asc' } });
    expect(byCustomer.totals.count).toBeGreaterThan(20_000);
    const netOfAll = big.rows(big.query({}).ids, 0, 100_000).reduce((sum, row) => sum + row.netCentimes, 0);
    expect(byGross.totals.netCentimes).toBe(netOfAll);
    expect(parseMoney('0.01')).toBe(1);
  });
});
