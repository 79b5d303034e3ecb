import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAssignment } from '../testing/assignmentFixture';
import type { Assignment, KeyKind, LineItem } from '../api/schemas';
import { addDays } from '../core/dates';
import { formatMoney, MAX_MONEY_CENTIMES, parseMoney } from '../core/money';
import { allocateLine, type AllocationPart } from './index';

// Seeded: CI sees the same cases every run; a failure prints its seed and path to replay it.
const RUNS = { seed: 1414, numRuns: 400 };

const line = (overrides: Partial<LineItem> = {}): LineItem => ({
  lineNo: 1,
  serviceCode: 'PP-PRI',
  description: 'A-Post',
  serviceDate: '2026-03-15',
  invoiceReference: '12345678',
  frankingLicence: '60012345',
  customerReference: null,
  quantity: '1',
  unitPrice: '10.05',
  netAmount: '10.05',
  vatRate: '8.1',
  vatAmount: '0.81',
  ...overrides,
});

/** Splits to CC1, CC2, … in the order of `percents`. */
const assignment = (
  id: string,
  kind: KeyKind,
  key: string,
  percents: readonly number[] = [100],
  validFrom: string | null = null,
  validTo: string | null = null,
): Assignment =>
  splitAssignment(
    id,
    kind,
    key,
    percents.map((percent, i) => [`CC${i + 1}`, percent] as const),
    validFrom,
    validTo,
  );

const net = (parts: readonly AllocationPart[]) => parts.map((part) => part.netCentimes);
const vat = (parts: readonly AllocationPart[]) => parts.map((part) => part.vatCentimes);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('allocateLine, with numbers a clerk can check', () => {
  it('70/30 of CHF 10.05: 7.035 and 3.015 round up to 7.04 and 3.02 (10.06); the extra centime comes off the first split', () => {
    const parts = allocateLine(line(), [assignment('a1', 'frankingLicence', '60012345', [70, 30])]);
    expect(net(parts)).toEqual([703, 302]);
    // VAT 0.81 on its own: 0.567 -> 0.57 and 0.243 -> 0.24, nothing left over.
    expect(vat(parts)).toEqual([57, 24]);
    expect(parts.map((part) => [part.costCenterCode, part.percent, part.assignmentId])).toEqual([
      ['CC1', 70, 'a1'],
      ['CC2', 30, 'a1'],
    ]);
  });

  it('33/33/34 of CHF 0.01: every split rounds to 0.00, the centime goes to the first', () => {
    const parts = allocateLine(line({ netAmount: '0.01', vatAmount: '0.00' }), [
      assignment('a1', 'service', 'PP-PRI', [33, 33, 34]),
    ]);
    expect(net(parts)).toEqual([1, 0, 0]);
    expect(vat(parts)).toEqual([0, 0, 0]);
  });

  it('a credit note: half away from zero, so 50 % of -0.01 is -0.005 -> -0.01, the remainder +0.01 on the first', () => {
    const parts = allocateLine(line({ netAmount: '-0.01', vatAmount: '-10.05' }), [
      assignment('a1', 'invoiceReference', '12345678', [50, 50]),
    ]);
    expect(net(parts)).toEqual([0, -1]);
    // -5.025 -> -5.03 twice is -10.06: the first split gives the centime back.
    expect(vat(parts)).toEqual([-502, -503]);
  });

  it('a line no assignment matches is one unassigned part of the whole amount', () => {
    expect(allocateLine(line(), [assignment('a1', 'frankingLicence', '60099999')])).toEqual([
      { costCenterCode: null, netCentimes: 1005, vatCentimes: 81, assignmentId: null, percent: 100 },
    ]);
  });

  it('keys are compared exactly: "012345678" is not "12345678"', () => {
    const parts = allocateLine(line(), [assignment('a1', 'invoiceReference', '012345678')]);
    expect(parts[0]?.costCenterCode).toBeNull();
  });

  it('validity: from 1 March to 31 March 2026 charges the 1st and the 31st, not 28 Feb nor 1 April', () => {
    const march = [assignment('m', 'service', 'PP-PRI', [100], '2026-03-01', '2026-03-31')];
    const charged = (serviceDate: string) => allocateLine(line({ serviceDate }), march)[0]?.assignmentId;
    expect(charged('2026-02-28')).toBeNull();
    expect(charged('2026-03-01')).toBe('m');
    expect(charged('2026-03-31')).toBe('m');
    expect(charged('2026-04-01')).toBeNull();
  });

  it('the licence wins over the reference, the reference over the service', () => {
    const all = [
      assignment('svc', 'service', 'PP-PRI'),
      assignment('ref', 'invoiceReference', '12345678'),
      assignment('lic', 'frankingLicence', '60012345'),
    ];
    expect(allocateLine(line(), all)[0]?.assignmentId).toBe('lic');
    expect(allocateLine(line(), all.slice(0, 2))[0]?.assignmentId).toBe('ref');
    // A licence assignment out of its validity does not hide the reference's.
    const expired = assignment('old', 'frankingLicence', '60012345', [100], null, '2026-01-31');
    expect(allocateLine(line(), [...all.slice(0, 2), expired])[0]?.assignmentId).toBe('ref');
  });
});

// --- properties ---------------------------------------------------------------------------------

const KINDS: readonly KeyKind[] = ['frankingLicence', 'invoiceReference', 'service'];
const LICENCES = ['60000001', '60000002', '60000003'];
const REFERENCES = ['10000001', '10000002', '010000001'];
const SERVICES = ['A', 'B', 'C'];
const keysOf: Record<KeyKind, readonly string[]> = {
  frankingLicence: LICENCES,
  invoiceReference: REFERENCES,
  service: SERVICES,
};
const FIRST = '2026-01-01';

const centimes = fc.oneof(
  fc.integer({ min: -2000, max: 2000 }),
  fc.integer({ min: -MAX_MONEY_CENTIMES, max: MAX_MONEY_CENTIMES }),
);

/** Whole percentages, 1 to 10 of them, adding up to exactly 100 (cuts of 0..100). */
const percents = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 9 }).map((cuts) => {
  const points = [0, ...[...cuts].sort((a, b) => a - b), 100];
  return points.slice(1).map((point, i) => point - (points[i] ?? 0));
});

const day = fc.integer({ min: 0, max: 120 }).map((offset) => addDays(FIRST, offset));

const lineArb = fc
  .record({
    licence: fc.constantFrom(...LICENCES),
    reference: fc.constantFrom(...REFERENCES),
    service: fc.constantFrom(...SERVICES),
    date: day,
    net: centimes,
    vat: centimes,
  })
  .map(({ licence, reference, service, date, net: netC, vat: vatC }) =>
    line({
      frankingLicence: licence,
      invoiceReference: reference,
      serviceCode: service,
      serviceDate: date,
      netAmount: formatMoney(netC),
      vatAmount: formatMoney(vatC),
    }),
  );

const assignmentArb = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    pick: fc.nat({ max: 2 }),
    percents,
    from: fc.option(day),
    to: fc.option(day),
  })
  .map(({ kind, pick, percents: split, from, to }) => ({
    kind,
    key: keysOf[kind][pick] ?? '',
    split,
    from,
    to,
  }));

const assignmentsArb = fc
  .array(assignmentArb, { maxLength: 8 })
  .map((drafts) =>
    drafts.map((draft, i) => assignment(`a${i}`, draft.kind, draft.key, draft.split, draft.from, draft.to)),
  );

const cents = parseMoney;

/** The rule read straight off the contract, slowly and independently: the oracle. */
const expectedWinner = (item: LineItem, assignments: readonly Assignment[]): Assignment | undefined => {
  const keyOf = (kind: KeyKind) =>
    kind === 'frankingLicence'
      ? item.frankingLicence
      : kind === 'invoiceReference'
        ? item.invoiceReference
        : item.serviceCode;
  for (const kind of KINDS) {
    const found = assignments.find(
      (candidate) =>
        candidate.kind === kind &&
        candidate.key === keyOf(kind) &&
        (candidate.validFrom ?? '0000-01-01') <= item.serviceDate &&
        item.serviceDate <= (candidate.validTo ?? '9999-12-31'),
    );
    if (found) return found;
  }
  return undefined;
};

/** amount x percent / 100, half away from zero, in BigInt: no shared code with the engine. */
const roundedShare = (amount: number, percent: number): number => {
  const product = BigInt(Math.abs(amount)) * BigInt(percent);
  const magnitude = Number((product * 2n + 100n) / 200n);
  return amount < 0 && magnitude > 0 ? -magnitude : magnitude;
};

describe('allocateLine, properties', () => {
  it('the parts add up to the line exactly, net and VAT each', () => {
    fc.assert(
      fc.property(lineArb, assignmentsArb, (item, assignments) => {
        const parts = allocateLine(item, assignments);
        expect(sum(net(parts))).toBe(cents(item.netAmount));
        expect(sum(vat(parts))).toBe(cents(item.vatAmount));
        for (const part of parts) {
          expect(Number.isSafeInteger(part.netCentimes)).toBe(true);
          expect(Number.isSafeInteger(part.vatCentimes)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the most specific matching assignment wins (licence, then reference, then service)', () => {
    fc.assert(
      fc.property(lineArb, assignmentsArb, (item, assignments) => {
        const winner = expectedWinner(item, assignments);
        const parts = allocateLine(item, assignments);
        expect(parts.map((part) => part.assignmentId)).toEqual(
          winner ? winner.splits.map(() => winner.id) : [null],
        );
        expect(parts.map((part) => part.costCenterCode)).toEqual(
          winner ? winner.splits.map((split) => split.costCenterCode) : [null],
        );
      }),
      RUNS,
    );
  });

  it('validity is inclusive: the day before and the day after miss, the first and the last day hit', () => {
    fc.assert(
      fc.property(
        lineArb,
        fc.constantFrom(...KINDS),
        day,
        fc.integer({ min: 0, max: 60 }),
        (item, kind, from, length) => {
          const to = addDays(from, length);
          const key =
            kind === 'frankingLicence'
              ? item.frankingLicence
              : kind === 'invoiceReference'
                ? item.invoiceReference
                : item.serviceCode;
          const only = [assignment('w', kind, key, [100], from, to)];
          const at = (date: string) => allocateLine({ ...item, serviceDate: date }, only)[0]?.assignmentId;
          expect(at(addDays(from, -1))).toBeNull();
          expect(at(from)).toBe('w');
          expect(at(to)).toBe('w');
          expect(at(addDays(to, 1))).toBeNull();
        },
      ),
      RUNS,
    );
  });

  it('each split but the first is the rounded share; the first takes the remainder', () => {
    fc.assert(
      fc.property(lineArb, percents, (item, split) => {
        const parts = allocateLine(item, [assignment('s', 'service', item.serviceCode, split)]);
        for (const [amount, values] of [
          [cents(item.netAmount), net(parts)],
          [cents(item.vatAmount), vat(parts)],
        ] as const) {
          const rest = split.slice(1).map((percent) => roundedShare(amount, percent));
          expect(values.slice(1)).toEqual(rest);
          expect(values[0]).toBe(amount - sum(rest));
          expect(Math.abs((values[0] ?? 0) - roundedShare(amount, split[0] ?? 0))).toBeLessThanOrEqual(
            split.length,
          );
        }
      }),
      RUNS,
    );
  });

  it('a line with no match is one unassigned part of the whole amount', () => {
    fc.assert(
      fc.property(lineArb, assignmentsArb, (item, assignments) => {
        // Every assignment moved to keys no line carries.
        const elsewhere = assignments.map((candidate) => ({ ...candidate, key: `x${candidate.key}` }));
        expect(allocateLine(item, elsewhere)).toEqual([
          {
            costCenterCode: null,
            netCentimes: cents(item.netAmount),
            vatCentimes: cents(item.vatAmount),
            assignmentId: null,
            percent: 100,
          },
        ]);
      }),
      RUNS,
    );
  });
});
