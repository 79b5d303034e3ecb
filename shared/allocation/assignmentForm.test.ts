import { describe, expect, it } from 'vitest';
import type { AssignmentInput } from '../api/schemas';
import { storedCenter } from '../costCenters/testing/readings';
import { assignmentFixture } from '../testing/assignmentFixture';
import { checkAssignment, periodsOverlap } from './assignmentForm';

const centers = [
  storedCenter('2100', 'Marketing'),
  storedCenter('3300', 'Logistik'),
  storedCenter('9000', 'Alt', { active: false }),
];

const input = (overrides: Partial<AssignmentInput> = {}): AssignmentInput => ({
  kind: 'invoiceReference',
  key: '500123456',
  splits: [
    { costCenterCode: '2100', percent: 70 },
    { costCenterCode: '3300', percent: 30 },
  ],
  validFrom: '2026-03-15',
  validTo: null,
  ...overrides,
});

const codes = (problems: ReturnType<typeof checkAssignment>) =>
  problems.map((problem) => `${problem.field}:${problem.code}`);

describe('checkAssignment', () => {
  it('accepts a 70/30 split valid from mid-month', () => {
    expect(checkAssignment(input(), { centers, assignments: [] })).toEqual([]);
  });

  it('names the sum when the percentages do not make 100, and each wrong percentage', () => {
    const problems = checkAssignment(
      input({
        splits: [
          { costCenterCode: '2100', percent: 70.5 },
          { costCenterCode: '3300', percent: 0 },
        ],
      }),
      { centers, assignments: [] },
    );
    expect(codes(problems)).toEqual([
      'splits.0.percent:percentNotWhole',
      'splits.1.percent:percentOutOfRange',
      'splits:sumNot100',
    ]);
    expect(problems.at(-1)).toMatchObject({ sum: 70.5 });
  });

  it('refuses an unknown, an inactive and a repeated cost centre at their own split', () => {
    const problems = checkAssignment(
      input({
        splits: [
          { costCenterCode: 'NOPE', percent: 40 },
          { costCenterCode: '9000', percent: 30 },
          { costCenterCode: '9000', percent: 30 },
        ],
      }),
      { centers, assignments: [] },
    );
    expect(codes(problems)).toEqual([
      'splits.0.costCenterCode:unknownCenter',
      'splits.1.costCenterCode:inactiveCenter',
      'splits.2.costCenterCode:repeatedCenter',
    ]);
  });

  it('refuses no split and more than ten', () => {
    expect(codes(checkAssignment(input({ splits: [] }), { centers, assignments: [] }))).toEqual([
      'splits:noSplits',
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => ({
      costCenterCode: `C${i}`,
      percent: i === 0 ? 90 : 1,
    }));
    expect(
      codes(
        checkAssignment(input({ splits: eleven }), {
          centers: eleven.map((split) => storedCenter(split.costCenterCode, split.costCenterCode)),
          assignments: [],
        }),
      ),
    ).toEqual(['splits:tooManySplits']);
  });

  it('refuses a period that ends before it starts', () => {
    expect(
      codes(
        checkAssignment(input({ validFrom: '2026-04-01', validTo: '2026-03-31' }), {
          centers,
          assignments: [],
        }),
      ),
    ).toEqual(['validTo:validityReversed']);
  });

  it('names the assignment of the same key whose period shares a day, but not itself, another key or kind', () => {
    const earlier = assignmentFixture({
      id: 'old',
      kind: 'invoiceReference',
      key: '500123456',
      validFrom: null,
      validTo: '2026-03-15',
    });
    const problems = checkAssignment(input(), { centers, assignments: [earlier] });
    expect(problems).toEqual([{ field: 'validFrom', code: 'overlaps', other: earlier }]);
    // Ending the day before is no overlap.
    const dayBefore = { ...earlier, validTo: '2026-03-14' };
    expect(checkAssignment(input(), { centers, assignments: [dayBefore] })).toEqual([]);
    // Editing that assignment itself, and assignments of other keys or kinds, never collide.
    expect(checkAssignment(input(), { id: 'old', centers, assignments: [earlier] })).toEqual([]);
    expect(
      checkAssignment(input(), {
        centers,
        assignments: [
          { ...earlier, key: '500123457' },
          { ...earlier, kind: 'frankingLicence' },
        ],
      }),
    ).toEqual([]);
  });
});

describe('periodsOverlap', () => {
  it('treats both bounds as inclusive and a missing bound as open', () => {
    const march = { validFrom: '2026-03-01', validTo: '2026-03-31' };
    expect(periodsOverlap(march, { validFrom: '2026-03-31', validTo: null })).toBe(true);
    expect(periodsOverlap(march, { validFrom: '2026-04-01', validTo: null })).toBe(false);
    expect(periodsOverlap(march, { validFrom: null, validTo: '2026-03-01' })).toBe(true);
    expect(periodsOverlap(march, { validFrom: null, validTo: '2026-02-28' })).toBe(false);
    expect(periodsOverlap({ validFrom: null, validTo: null }, march)).toBe(true);
  });
});
