import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeyKind, LineItem, ServiceCategory } from '../../../shared/api/schemas';
import { allocateLine, UNASSIGNED } from '../../../shared/allocation';
import { categoryShares, centerMonthTable, indexAllocated } from '../../../shared/analytics/figures';
import { monthsOf, shiftMonth, type Measure } from '../../../shared/analytics/period';
import { addDays } from '../../../shared/core/dates';
import { formatMoney, parseMoney } from '../../../shared/core/money';
import { splitAssignment } from '../../../shared/testing/assignmentFixture';
import { lineFixture } from '../../../shared/testing/lineFixture';
import { allocationArchive } from '../../db/testing/allocationArchive';

// The page's figures come from the allocated rollups alone; the reference allocates every line
// with `allocateLine`. For random assignments (validity starting and ending mid-month, splits) and
// random periods, both must agree to the centime, in net, VAT and gross.

const RUNS = { seed: 1515, numRuns: 40 };
const KEYS: Record<KeyKind, readonly string[]> = {
  frankingLicence: ['60000001', '60000002'],
  invoiceReference: ['10000001', '10000002'],
  service: ['PP-PRI', 'PAK', 'EXP'],
};
const CATEGORIES = new Map<string, ServiceCategory>([
  ['PP-PRI', 'letters'],
  ['PAK', 'parcels'],
]);
const CENTRES = ['2100', '3100', '9000'];
const day = fc.integer({ min: 0, max: 120 }).map((offset) => addDays('2026-01-20', offset));

const lineArb = fc.record({
  licence: fc.constantFrom(...KEYS.frankingLicence),
  reference: fc.constantFrom(...KEYS.invoiceReference),
  service: fc.constantFrom(...KEYS.service),
  date: day,
  net: fc.integer({ min: -5000, max: 50_000 }),
  vat: fc.integer({ min: -500, max: 5000 }),
});

const assignmentArb = fc.record({
  kind: fc.constantFrom<KeyKind>('frankingLicence', 'invoiceReference', 'service'),
  pick: fc.nat({ max: 2 }),
  splits: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 2 }).chain((cuts) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 100];
    const percents = points.slice(1).map((point, i) => point - (points[i] ?? 0));
    return fc.tuple(
      ...percents.map((percent) => fc.constantFrom(...CENTRES).map((code) => [code, percent] as const)),
    );
  }),
  from: fc.option(day),
  to: fc.option(day),
});

const periodArb = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })).map(([a, b]) => ({
  from: shiftMonth('2025-12', Math.min(a, b)),
  to: shiftMonth('2025-12', Math.max(a, b)),
}));

const amount = (net: number, vat: number, measure: Measure) =>
  measure === 'net' ? net : measure === 'vat' ? vat : net + vat;

describe('the Analytics figures from the allocated rollups', () => {
  it('equal allocateLine over every line, for random assignments and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 30 }),
        fc.array(assignmentArb, { maxLength: 5 }),
        periodArb,
        fc.constantFrom<Measure>('net', 'vat', 'gross'),
        async (drawn, drafts, period, measure) => {
          const lines: LineItem[] = drawn.map((fields, i) =>
            lineFixture(i + 1, {
              frankingLicence: fields.licence,
              invoiceReference: fields.reference,
              serviceCode: fields.service,
              serviceDate: fields.date,
              netAmount: formatMoney(fields.net),
              vatAmount: formatMoney(fields.vat),
            }),
          );
          const assignments = drafts.map((draft, i) =>
            splitAssignment(
              `a${i}`,
              draft.kind,
              KEYS[draft.kind][draft.pick % 2] ?? '',
              draft.splits,
              draft.from,
              draft.to,
            ),
          );
          const db = await allocationArchive({ assignments, lines });
          const index = indexAllocated(await db.allocatedRollups.toArray());
          db.close();

          const months = monthsOf(period);
          const cells = new Map<string, number>();
          const categories = new Map<string, number>();
          for (const line of lines) {
            const month = line.serviceDate.slice(0, 7);
            if (!months.includes(month)) continue;
            const category = CATEGORIES.get(line.serviceCode) ?? 'other';
            categories.set(
              category,
              (categories.get(category) ?? 0) +
                amount(parseMoney(line.netAmount), parseMoney(line.vatAmount), measure),
            );
            for (const part of allocateLine(line, assignments)) {
              const key = `${part.costCenterCode ?? UNASSIGNED} ${month}`;
              cells.set(key, (cells.get(key) ?? 0) + amount(part.netCentimes, part.vatCentimes, measure));
            }
          }

          const table = centerMonthTable(index, period, measure, CENTRES);
          const shown = new Map<string, number>();
          table.centers.forEach((centre, r) =>
            table.months.forEach((month, c) => {
              const value = table.cells[r]?.[c] ?? 0;
              if (value !== 0) shown.set(`${centre} ${month}`, value);
            }),
          );
          for (const [key, value] of cells) if (value === 0) cells.delete(key);
          expect(Object.fromEntries([...shown].sort())).toEqual(Object.fromEntries([...cells].sort()));
          const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
          expect(sum(table.rowTotals)).toBe(table.total);
          expect(sum(table.columnTotals)).toBe(table.total);
          expect(table.total).toBe(sum([...cells.values()]));

          const shares = categoryShares(index, period, measure, (code) => CATEGORIES.get(code));
          expect(Object.fromEntries(shares.map((share) => [share.category, share.centimes]))).toEqual(
            Object.fromEntries(categories),
          );
        },
      ),
      RUNS,
    );
  }, 120_000);
});
