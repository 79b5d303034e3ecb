import { describe, expect, it } from 'vitest';
import type { CostCenter } from '../api/schemas';
import { formatDate } from '../core/format';
import { assignmentFixture } from '../testing/assignmentFixture';
import { firstRefusal, inputOf } from './changes';
import {
  addPeriod,
  draftOf,
  parseDay,
  parsePercent,
  readDraft,
  readForm,
  refusingAssignment,
  typedShares,
  type PeriodDraft,
} from './splitForm';

const center = (code: string, active = true): CostCenter => ({
  code,
  name: `Centre ${code}`,
  owner: null,
  active,
  objectType: 'costCenter',
  monthlyBudget: null,
  etag: `"${code}"`,
  updatedAt: '2026-01-01T00:00:00Z',
});
const centers = [center('2100'), center('3100'), center('4100', false)];
const de = (iso: string) => formatDate(iso, 'de');

const reference = assignmentFixture({
  id: 'a-ref',
  kind: 'invoiceReference',
  key: 'REF-7',
  splits: [{ costCenterCode: '2100', percent: 100 }],
  validFrom: '2026-01-01',
  validTo: null,
});

describe('parsePercent', () => {
  it.each([
    ['70', 70],
    ['70 %', 70],
    ['70%', 70],
    [' 30 ', 30],
    ['12,5', 12.5],
    ['12.5 %', 12.5],
  ])('reads %j as %d', (text, value) => expect(parsePercent(text)).toBe(value));

  it.each(['', 'abc', '-5', '%', '7 0', '70 %%'])('refuses %j', (text) =>
    expect(parsePercent(text)).toBeNull(),
  );
});

describe('parseDay', () => {
  it.each([
    ['1.3.2026', '2026-03-01'],
    ['01.03.2026', '2026-03-01'],
    ['15/03/2026', '2026-03-15'],
    ['1.3.26', '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    [' 29.02.2028 ', '2028-02-29'],
  ])('reads %j as %s', (text, iso) => expect(parseDay(text)).toBe(iso));

  it('reads an empty field as no limit', () => {
    expect(parseDay('')).toBeNull();
    expect(parseDay('   ')).toBeNull();
  });

  it.each(['31.2.2026', '29.02.2026', '1.13.2026', '2026-02-30', 'March 1', '1.3'])('refuses %j', (text) =>
    expect(parseDay(text)).toBeUndefined(),
  );
});

describe('readDraft', () => {
  it('reads a typed split into the contract input', () => {
    const draft: PeriodDraft = {
      id: 'a-new',
      splits: [
        { costCenterCode: '2100', percent: '70 %' },
        { costCenterCode: '3100', percent: '30' },
      ],
      validFrom: '15.3.2026',
      validTo: '',
    };
    expect(readDraft('invoiceReference', 'REF-7', draft)).toEqual({
      input: {
        kind: 'invoiceReference',
        key: 'REF-7',
        splits: [
          { costCenterCode: '2100', percent: 70 },
          { costCenterCode: '3100', percent: 30 },
        ],
        validFrom: '2026-03-15',
        validTo: null,
      },
      problems: [],
    });
    expect(typedShares(draft)).toEqual([70, 30]);
  });

  it('names each field the typing got wrong', () => {
    const draft: PeriodDraft = {
      id: 'a-new',
      splits: [
        { costCenterCode: '', percent: 'seventy' },
        { costCenterCode: '3100', percent: '30' },
      ],
      validFrom: '31.2.2026',
      validTo: 'soon',
    };
    expect(readDraft('invoiceReference', 'REF-7', draft)).toEqual({
      input: null,
      problems: [
        { field: 'splits.0.percent', code: 'percentNotNumber' },
        { field: 'splits.0.costCenterCode', code: 'chooseCenter' },
        { field: 'validFrom', code: 'dateInvalid' },
        { field: 'validTo', code: 'dateInvalid' },
      ],
    });
    expect(typedShares(draft)).toEqual([30]);
  });
});

describe('readForm', () => {
  const base = { kind: 'invoiceReference' as const, key: 'REF-7', centers };

  it('writes nothing when nothing changed', () => {
    const reading = readForm({ ...base, assignments: [reference], drafts: [draftOf(reference, de)] });
    expect(reading).toEqual({ problems: [[]], batch: [] });
  });

  it('ends the open period the day before the new one starts, in the same batch', () => {
    const added = addPeriod([draftOf(reference, de)], '2026-03-15', 'a-new', de, { endOpen: true });
    expect(added.ended).toBe(0);
    expect(added.drafts[0]?.validTo).toBe('14.03.2026');
    expect(added.drafts[1]).toEqual({
      id: 'a-new',
      splits: [{ costCenterCode: '2100', percent: '100' }],
      validFrom: '15.03.2026',
      validTo: '',
    });
    const drafts = added.drafts.map((draft, index) =>
      index === 1
        ? {
            ...draft,
            splits: [
              { costCenterCode: '2100', percent: '70' },
              { costCenterCode: '3100', percent: '30 %' },
            ],
          }
        : draft,
    );
    const reading = readForm({ ...base, assignments: [reference], drafts });
    expect(reading.problems).toEqual([[], []]);
    expect(reading.batch).toEqual([
      {
        op: 'put',
        id: 'a-ref',
        input: {
          kind: 'invoiceReference',
          key: 'REF-7',
          splits: reference.splits,
          validFrom: '2026-01-01',
          validTo: '2026-03-14',
        },
      },
      {
        op: 'put',
        id: 'a-new',
        input: {
          kind: 'invoiceReference',
          key: 'REF-7',
          splits: [
            { costCenterCode: '2100', percent: 70 },
            { costCenterCode: '3100', percent: 30 },
          ],
          validFrom: '2026-03-15',
          validTo: null,
        },
      },
    ]);
    // The write layer accepts exactly this batch.
    expect(firstRefusal([reference], reading.batch ?? [], centers)).toBeNull();
  });

  it('refuses a new period that overlaps the open one when the clerk does not end it, naming it', () => {
    const added = addPeriod([draftOf(reference, de)], '2026-03-15', 'a-new', de, { endOpen: false });
    expect(added.ended).toBeNull();
    expect(added.drafts[0]?.validTo).toBe('');
    const reading = readForm({ ...base, assignments: [reference], drafts: added.drafts });
    expect(reading.batch).toBeNull();
    expect(reading.problems[1]).toEqual([{ field: 'validFrom', code: 'overlaps', other: reference }]);
  });

  it('deletes a period the clerk removed, first', () => {
    const later = assignmentFixture({
      ...reference,
      id: 'a-later',
      validFrom: '2026-06-01',
      validTo: null,
    });
    const earlier = { ...reference, validTo: '2026-05-31' };
    const drafts = [{ ...draftOf(earlier, de), validTo: '' }];
    const reading = readForm({ ...base, assignments: [earlier, later], drafts });
    expect(reading.batch).toEqual([
      { op: 'delete', id: 'a-later' },
      {
        op: 'put',
        id: 'a-ref',
        input: {
          kind: 'invoiceReference',
          key: 'REF-7',
          splits: reference.splits,
          validFrom: '2026-01-01',
          validTo: null,
        },
      },
    ]);
  });

  it('puts each problem of the operator at its field: sum, inactive centre, reversed period', () => {
    const drafts: PeriodDraft[] = [
      {
        id: 'a-ref',
        splits: [
          { costCenterCode: '2100', percent: '70' },
          { costCenterCode: '4100', percent: '20' },
        ],
        validFrom: '1.3.2026',
        validTo: '28.2.2026',
      },
    ];
    const reading = readForm({ ...base, assignments: [reference], drafts });
    expect(reading.batch).toBeNull();
    expect(reading.problems[0]).toEqual([
      { field: 'splits.1.costCenterCode', code: 'inactiveCenter' },
      { field: 'splits', code: 'sumNot100', sum: 90 },
      { field: 'validTo', code: 'validityReversed' },
    ]);
  });

  it('ignores the assignments of other keys', () => {
    const other = assignmentFixture({ id: 'a-other', kind: 'invoiceReference', key: 'REF-8' });
    const reading = readForm({ ...base, assignments: [reference, other], drafts: [] });
    expect(reading.batch).toEqual([{ op: 'delete', id: 'a-ref' }]);
  });
});

describe('refusingAssignment', () => {
  const mine = { id: 'a-mine', input: { ...inputOf(reference), validFrom: '2026-03-01', validTo: null } };
  const theirs = assignmentFixture({ ...reference, id: 'a-theirs', validFrom: '2026-06-01', validTo: null });
  const older = { ...reference, id: 'a-older', validFrom: '2026-01-01', validTo: '2026-04-30' };
  const elsewhere = assignmentFixture({ ...reference, id: 'a-else', key: 'REF-8', validFrom: null });

  it('finds a stored assignment of the same key on some of the same days, never the refused one itself', () => {
    const stored = [{ ...reference, id: 'a-mine', validFrom: '2026-03-01' }, elsewhere, theirs];
    expect(refusingAssignment(mine, stored)).toBe(theirs);
  });

  it('prefers the one the operator names, when it is one of those', () => {
    const stored = [older, theirs];
    expect(
      refusingAssignment(mine, stored, 'assignment a-theirs already charges invoiceReference REF-7'),
    ).toBe(theirs);
    expect(refusingAssignment(mine, stored, 'assignment a-else already charges invoiceReference REF-8')).toBe(
      older,
    );
  });

  it('is null until the overlapping assignment is stored', () => {
    expect(refusingAssignment(mine, [elsewhere], 'assignment a-theirs already charges')).toBeNull();
  });
});
