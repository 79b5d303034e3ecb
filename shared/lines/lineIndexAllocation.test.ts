import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment, KeyKind, LineItem } from '../api/schemas';
import { allocateLine, UNASSIGNED } from '../allocation';
import { addDays } from '../core/dates';
import { formatMoney, MAX_MONEY_CENTIMES, parseMoney } from '../core/money';
import { assignmentFixture } from '../testing/assignmentFixture';
import { encodeBlock } from './block';
import { createLineIndex, type LineRow } from './lineIndex';

// The line index charges lines with the allocation engine: every row's parts, every charged total,
// subtotal and order must be what allocateLine gives line by line, to the centime.

const RUNS = { seed: 1415, numRuns: 150 };
const KINDS: readonly KeyKind[] = ['frankingLicence', 'invoiceReference', 'service'];
const keysOf: Record<KeyKind, readonly string[]> = {
  frankingLicence: ['60000001', '60000002', '60000003'],
  invoiceReference: ['10000001', '10000002'],
  service: ['A-POST', 'PP-PRI'],
};
const CENTRES = ['2100', '3100', '4100'];
const FIRST = '2026-01-01';
const day = fc.integer({ min: 0, max: 90 }).map((offset) => addDays(FIRST, offset));
const centimes = fc.oneof(
  fc.integer({ min: -2000, max: 2000 }),
  fc.integer({ min: -MAX_MONEY_CENTIMES, max: MAX_MONEY_CENTIMES }),
);

const lineArb = fc
  .record({
    licence: fc.constantFrom(...keysOf.frankingLicence),
    reference: fc.constantFrom(...keysOf.invoiceReference),
    service: fc.constantFrom(...keysOf.service),
    date: day,
    net: centimes,
    vat: centimes,
  })
  .map(({ licence, reference, service, date, net, vat }): Omit<LineItem, 'lineNo'> => ({
    serviceCode: service,
    description: '',
    serviceDate: date,
    invoiceReference: reference,
    frankingLicence: licence,
    customerReference: null,
    quantity: '1',
    unitPrice: '1.00',
    netAmount: formatMoney(net),
    vatRate: '8.1',
    vatAmount: formatMoney(vat),
  }));

/** Whole percentages adding up to 100, each to one of a few cost centres. */
const splitsArb = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 3 }).chain((cuts) => {
  const points = [0, ...[...cuts].sort((a, b) => a - b), 100];
  const percents = points.slice(1).map((point, i) => point - (points[i] ?? 0));
  return fc
    .array(fc.constantFrom(...CENTRES), { minLength: percents.length, maxLength: percents.length })
    .map((codes) => percents.map((percent, i) => ({ costCenterCode: codes[i] ?? '2100', percent })));
});

const assignmentsArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      pick: fc.nat({ max: 2 }),
      splits: splitsArb,
      from: fc.option(day),
      to: fc.option(day),
    }),
    { maxLength: 7 },
  )
  .map((drafts) =>
    drafts.map((draft, i): Assignment =>
      assignmentFixture({
        id: `a${i}`,
        kind: draft.kind,
        key: keysOf[draft.kind][draft.pick % keysOf[draft.kind].length] ?? '',
        splits: draft.splits,
        validFrom: draft.from,
        validTo: draft.to,
      }),
    ),
  );

const chosenArb = fc.subarray([...CENTRES, UNASSIGNED], { minLength: 1 });

/** The lines in three invoices of up to two blocks each, indexed under the assignments. */
const indexOf = (items: readonly Omit<LineItem, 'lineNo'>[], assignments: readonly Assignment[]) => {
  const index = createLineIndex();
  const stored: LineItem[][] = [[], [], []];
  items.forEach((item, i) => stored[i % 3]?.push({ ...item, lineNo: Math.floor(i / 3) + 1 }));
  stored.forEach((lines, invoice) => {
    const meta = { id: `inv-${invoice}`, number: `100${invoice}`, issueDate: `2026-0${invoice + 1}-01` };
    const half = Math.ceil(lines.length / 2);
    if (lines.length > 0) index.addBlock(encodeBlock(meta.id, 0, lines.slice(0, half)), meta);
    if (lines.length > half) index.addBlock(encodeBlock(meta.id, 1, lines.slice(half)), meta);
  });
  index.setAssignments(assignments);
  const byRow = (row: LineRow): LineItem => {
    const lines = stored[Number(row.invoiceId.slice(4))] ?? [];
    const found = lines.find((candidate) => candidate.lineNo === row.lineNo);
    if (!found) throw new Error(`no line ${row.invoiceId}#${row.lineNo}`);
    return found;
  };
  return { index, byRow };
};

const chosenShare = (item: LineItem, assignments: readonly Assignment[], chosen: readonly string[]) => {
  const parts = allocateLine(item, assignments).filter((part) =>
    chosen.includes(part.costCenterCode ?? UNASSIGNED),
  );
  return {
    any: parts.length > 0,
    net: parts.reduce((sum, part) => sum + part.netCentimes, 0),
    vat: parts.reduce((sum, part) => sum + part.vatCentimes, 0),
  };
};

describe('line index against allocateLine', () => {
  it('every row has the parts and the reason allocateLine gives its line', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), assignmentsArb, (items, assignments) => {
        const { index, byRow } = indexOf(items, assignments);
        const { ids } = index.query({});
        for (const row of index.rows(ids, 0, ids.length)) {
          const expected = allocateLine(byRow(row), assignments);
          expect(row.parts).toEqual(
            expected.map((part) => ({
              costCenterCode: part.costCenterCode,
              percent: part.percent,
              netCentimes: part.netCentimes,
              vatCentimes: part.vatCentimes,
            })),
          );
          const winner = expected[0]?.assignmentId ?? null;
          if (winner === null) expect(row.reason.kind).toBe('notCharged');
          else expect(row.reason).toMatchObject({ kind: 'charged', assignmentId: winner });
          expect(row.costCenters).toEqual(expected.flatMap((part) => part.costCenterCode ?? []));
        }
      }),
      RUNS,
    );
  });

  it('a cost-centre filter lists the lines with a chosen part and charges exactly their chosen parts', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 40 }),
        assignmentsArb,
        chosenArb,
        fc.constantFrom('service', 'licence', 'reference', 'costCenter', 'month'),
        (items, assignments, chosen, group) => {
          const { index, byRow } = indexOf(items, assignments);
          const all = index.query({});
          const expected = index
            .rows(all.ids, 0, all.ids.length)
            .map((row) => chosenShare(byRow(row), assignments, chosen))
            .filter((share) => share.any);
          const result = index.query({ costCenters: chosen }, { group });
          expect(result.totals.count).toBe(expected.length);
          const net = expected.reduce((sum, share) => sum + share.net, 0);
          const vat = expected.reduce((sum, share) => sum + share.vat, 0);
          expect(result.totals.chargedNetCentimes).toBe(net);
          expect(result.totals.chargedVatCentimes).toBe(vat);
          // Each listed row shows its share; the subtotals add up to the same centimes.
          const rows = index.rows(result.ids, 0, result.ids.length, chosen);
          for (const row of rows)
            expect(row.chargedNetCentimes).toBe(chosenShare(byRow(row), assignments, chosen).net);
          expect(rows.reduce((sum, row) => sum + (row.chargedNetCentimes ?? 0), 0)).toBe(net);
          expect(result.groups?.reduce((sum, entry) => sum + (entry.chargedNetCentimes ?? 0), 0)).toBe(net);
          expect(result.groups?.reduce((sum, entry) => sum + (entry.chargedVatCentimes ?? 0), 0)).toBe(vat);
        },
      ),
      RUNS,
    );
  });

  it('sorts by the charged share of the chosen cost centres', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 40 }),
        assignmentsArb,
        chosenArb,
        (items, assignments, chosen) => {
          const { index } = indexOf(items, assignments);
          for (const direction of ['asc', 'desc'] as const) {
            const sorted = index.query({ costCenters: chosen }, { sort: { key: 'charged', direction } });
            const shares = index
              .rows(sorted.ids, 0, sorted.ids.length, chosen)
              .map((row) => row.chargedNetCentimes ?? 0);
            const ordered = [...shares].sort((a, b) => (direction === 'asc' ? a - b : b - a));
            expect(shares).toEqual(ordered);
          }
        },
      ),
      RUNS,
    );
  });

  it('without a cost-centre filter, no row or total claims a charged share', () => {
    const { index } = indexOf([], []);
    const result = index.query({}, { group: 'service' });
    expect(result.totals.chargedNetCentimes).toBeNull();
    expect(result.totals.chargedVatCentimes).toBeNull();
  });

  it('follows a change of assignments at once', () => {
    const item: LineItem = {
      lineNo: 1,
      serviceCode: 'PP-PRI',
      description: '',
      serviceDate: '2026-03-14',
      invoiceReference: '10000001',
      frankingLicence: '60012345',
      customerReference: null,
      quantity: '1',
      unitPrice: '10.01',
      netAmount: '10.01',
      vatRate: '8.1',
      vatAmount: '0.81',
    };
    const index = createLineIndex();
    index.addBlock(encodeBlock('inv', 0, [item]), { id: 'inv', number: '1', issueDate: '2026-03-31' });
    const split = assignmentFixture({
      kind: 'frankingLicence',
      key: '60012345',
      splits: [
        { costCenterCode: '2100', percent: 70 },
        { costCenterCode: '3100', percent: 30 },
      ],
      validFrom: '2026-03-01',
    });
    index.setAssignments([split]);
    const first = index.query({ costCenters: ['3100'] });
    expect(first.totals.chargedNetCentimes).toBe(allocateLine(item, [split])[1]?.netCentimes);
    expect(first.totals.chargedNetCentimes).toBe(300);
    index.setAssignments([]);
    expect(index.query({ costCenters: ['3100'] }).totals.count).toBe(0);
    expect(index.query({ costCenters: [UNASSIGNED] }).totals.chargedNetCentimes).toBe(parseMoney('10.01'));
  });
});
