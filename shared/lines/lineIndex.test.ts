import { describe, expect, it } from 'vitest';
import type { Assignment, LineItem } from '../api/schemas';
import { splitCentimes } from '../allocation/assignments';
import { parseMoney } from '../core/money';
import { encodeBlock } from './block';
import { UNASSIGNED } from '../allocation/assignments';
import { createLineIndex, type LineFilter } from './lineIndex';

/** A deterministic pseudo-random stream, so the naive scan and the index see the same lines. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const services = ['A-POST', 'B-POST', 'PP-PRI', 'PP-ECO', 'EXPRESS'];
const licences = ['60000001', '60000002', '60000003'];
const references = ['11111111', '22222222'];

const makeLines = (invoice: number, count: number, next: () => number): LineItem[] =>
  Array.from({ length: count }, (_, i) => {
    const net = Math.round((next() - 0.1) * 100_000);
    const vat = Math.round(net * 0.081);
    const month = 1 + Math.floor(next() * 12);
    return {
      lineNo: i + 1,
      serviceCode: services[Math.floor(next() * services.length)] ?? 'A-POST',
      description: `Service ${invoice}`,
      serviceDate: `2026-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
      invoiceReference: references[Math.floor(next() * references.length)] ?? '11111111',
      frankingLicence: licences[Math.floor(next() * licences.length)] ?? '60000001',
      customerReference: next() < 0.3 ? `Order-${Math.floor(next() * 1000)} Müller` : null,
      quantity: '1',
      unitPrice: '1.00',
      netAmount: (net / 100).toFixed(2),
      vatRate: '8.1',
      vatAmount: (vat / 100).toFixed(2),
    };
  });

const build = () => {
  const next = random(7);
  const index = createLineIndex();
  const all: Array<LineItem & { invoiceId: string; issueDate: string }> = [];
  for (let invoice = 0; invoice < 12; invoice += 1) {
    const meta = {
      id: `inv-${invoice}`,
      number: `10000000${String(invoice).padStart(2, '0')}`,
      issueDate: `2026-${String(invoice + 1).padStart(2, '0')}-05`,
    };
    const lines = makeLines(invoice, 700, next);
    // Two blocks per invoice, added out of order: the index sorts.
    index.addBlock(encodeBlock(meta.id, 1, lines.slice(350)), meta);
    index.addBlock(encodeBlock(meta.id, 0, lines.slice(0, 350)), meta);
    all.push(...lines.map((line) => ({ ...line, invoiceId: meta.id, issueDate: meta.issueDate })));
  }
  return { index, all };
};

const naive = (all: ReturnType<typeof build>['all'], filter: LineFilter) =>
  all.filter(
    (line) =>
      (!filter.services || filter.services.includes(line.serviceCode)) &&
      (!filter.licences || filter.licences.includes(line.frankingLicence)) &&
      (!filter.references || filter.references.includes(line.invoiceReference)) &&
      (!filter.from || line.serviceDate >= filter.from) &&
      (!filter.to || line.serviceDate <= filter.to) &&
      (!filter.text || (line.customerReference ?? '').toLowerCase().includes(filter.text.toLowerCase())) &&
      (!filter.invoiceId || line.invoiceId === filter.invoiceId),
  );

describe('line index', () => {
  const { index, all } = build();

  it.each<[string, LineFilter]>([
    ['everything', {}],
    ['one service', { services: ['PP-PRI'] }],
    ['two licences', { licences: ['60000001', '60000003'] }],
    ['a reference and a month range', { references: ['22222222'], from: '2026-03-01', to: '2026-05-31' }],
    ['customer reference text, any case', { text: 'order-1' }],
    ['umlauts in the text', { text: 'MÜLLER' }],
    ['one invoice', { invoiceId: 'inv-3' }],
    ['an unknown service', { services: ['NOPE'] }],
  ])('answers %s exactly like a full scan, to the centime', (_label, filter) => {
    const { ids, totals } = index.query(filter);
    const expected = naive(all, filter);
    expect(totals.count).toBe(expected.length);
    expect(ids.length).toBe(expected.length);
    expect(totals.netCentimes).toBe(expected.reduce((sum, line) => sum + parseMoney(line.netAmount), 0));
    expect(totals.vatCentimes).toBe(expected.reduce((sum, line) => sum + parseMoney(line.vatAmount), 0));
    expect(totals.grossCentimes).toBe(totals.netCentimes + totals.vatCentimes);
  });

  it('lists newest invoices first, lines in order, with every field', () => {
    const { ids } = index.query({});
    const rows = index.rows(ids, 0, 3);
    expect(rows.map((row) => [row.invoiceId, row.lineNo])).toEqual([
      ['inv-11', 1],
      ['inv-11', 2],
      ['inv-11', 3],
    ]);
    const source = all.find((line) => line.invoiceId === 'inv-11' && line.lineNo === 1);
    expect(rows[0]).toMatchObject({
      serviceCode: source?.serviceCode,
      serviceDate: source?.serviceDate,
      frankingLicence: source?.frankingLicence,
      customerReference: source?.customerReference,
      netCentimes: parseMoney(source?.netAmount ?? '0'),
      invoiceNumber: '1000000011',
    });
    expect(index.rows(ids, ids.length - 1, 10).map((row) => [row.invoiceId, row.lineNo])).toEqual([
      ['inv-0', 700],
    ]);
  });

  it('filters by cost centre through the winning assignment, with split shares to the centime', () => {
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
    index.setAssignments(assignments);
    const winnerOf = (line: (typeof all)[number]) =>
      line.frankingLicence === '60000002'
        ? assignments[1]
        : line.serviceCode === 'PP-PRI'
          ? assignments[0]
          : undefined;

    const log = index.query({ costCenters: ['LOG'] });
    const logLines = all.filter((line) =>
      winnerOf(line)?.splits.some((split) => split.costCenterCode === 'LOG'),
    );
    expect(log.totals.count).toBe(logLines.length);
    const expectedCharge = logLines.reduce((sum, line) => {
      const splits = winnerOf(line)?.splits ?? [];
      const parts = splitCentimes(
        parseMoney(line.netAmount),
        splits.map((split) => split.percent),
      );
      return sum + (parts[splits.findIndex((split) => split.costCenterCode === 'LOG')] ?? 0);
    }, 0);
    expect(log.totals.chargedNetCentimes).toBe(expectedCharge);

    const unassigned = index.query({ costCenters: [UNASSIGNED] });
    expect(unassigned.totals.count).toBe(all.filter((line) => !winnerOf(line)).length);
    const mkt = index.query({ costCenters: ['MKT'] });
    // Every line is either unassigned or charged in full across its splits.
    expect(
      unassigned.totals.count +
        index.query({ licences: ['60000002'] }).totals.count +
        index.query({ services: ['PP-PRI'] }).totals.count -
        index.query({ services: ['PP-PRI'], licences: ['60000002'] }).totals.count,
    ).toBe(all.length);
    expect(mkt.totals.count).toBe(all.filter((line) => line.frankingLicence === '60000002').length);
    expect(index.rows(mkt.ids, 0, 1)[0]?.costCenters).toEqual(['MKT', 'LOG']);
  });

  it('offers each filter only the values of its own column', () => {
    const {
      services: serviceValues,
      licences: licenceValues,
      references: referenceValues,
    } = index.distinct();
    expect(serviceValues.sort()).toEqual([...services].sort());
    expect(licenceValues.sort()).toEqual([...licences].sort());
    expect(referenceValues.sort()).toEqual([...references].sort());
  });

  it('takes new blocks after it was sealed, and ignores a block it already has', () => {
    const more = createLineIndex();
    const meta = { id: 'x', number: '1', issueDate: '2026-01-01' };
    const lines = makeLines(1, 10, random(3));
    more.addBlock(encodeBlock('x', 0, lines.slice(0, 5)), meta);
    expect(more.size).toBe(5);
    more.addBlock(encodeBlock('x', 1, lines.slice(5)), meta);
    more.addBlock(encodeBlock('x', 1, lines.slice(5)), meta);
    expect(more.size).toBe(10);
    expect(more.rows(more.query({}).ids, 0, 10).map((row) => row.lineNo)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('orders invoices of one issue date by id, whatever order their blocks came in (and across refreshes)', () => {
    const next = random(11);
    const metas = ['inv-c', 'inv-a', 'inv-d', 'inv-b'].map((id, at) => ({
      id,
      number: `2000000${at}`,
      issueDate: id === 'inv-d' ? '2026-02-05' : '2026-03-05',
    }));
    const linesOf = new Map(metas.map((meta) => [meta.id, makeLines(1, 30, next)]));
    const built = createLineIndex();
    // Two refreshes: inv-c and inv-a first, then inv-d and inv-b (inv-b's blocks out of order).
    for (const meta of metas.slice(0, 2))
      built.addBlock(encodeBlock(meta.id, 0, linesOf.get(meta.id) ?? []), meta);
    built.seal();
    const [c, a, d, b] = metas;
    if (!c || !a || !d || !b) throw new Error('four invoices');
    built.addBlock(encodeBlock(d.id, 0, linesOf.get(d.id) ?? []), d);
    built.addBlock(encodeBlock(b.id, 1, (linesOf.get(b.id) ?? []).slice(12)), b);
    built.addBlock(encodeBlock(b.id, 0, (linesOf.get(b.id) ?? []).slice(0, 12)), b);
    const shown = built.rows(built.query({}).ids, 0, 200).map((row) => `${row.invoiceId}#${row.lineNo}`);
    const expected = ['inv-a', 'inv-b', 'inv-c', 'inv-d'].flatMap((id) =>
      Array.from({ length: 30 }, (_, i) => `${id}#${i + 1}`),
    );
    expect(shown).toEqual(expected);
  });
});
