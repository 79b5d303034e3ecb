import { describe, expect, it } from 'vitest';
import type { CostCenter } from '../api/schemas';
import { assignmentFixture } from '../testing/assignmentFixture';
import { UNASSIGNED } from './assignments';
import {
  buildCenterRows,
  latestCostMonth,
  buildKeyRows,
  emptyKeyFilter,
  filterKeyRows,
  lastTwelveMonths,
  notChargedBucket,
  planDrop,
  selectByClick,
} from './board';

const TODAY = '2026-11-22';

const rollup = (month: string, licence: string, reference: string, service: string, netCentimes: number) => ({
  month,
  frankingLicence: licence,
  invoiceReference: reference,
  serviceCode: service,
  netCentimes,
});

const ids = () => {
  let next = 0;
  return () => `a-new-${(next += 1)}`;
};

describe('the last twelve months', () => {
  it('are this month and the eleven before it, across a year', () => {
    expect(lastTwelveMonths('2026-11-22')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(lastTwelveMonths('2026-01-31')).toEqual({ from: '2025-02', to: '2026-01' });
  });
});

describe('the keys of the board', () => {
  const rows = buildKeyRows({
    rollups: [
      rollup('2026-11', '60012345', 'R-1', 'PP-PRI', 1000),
      rollup('2025-12', '60012345', '', 'PP-PRI', 250),
      // Outside the twelve months: listed, not counted.
      rollup('2025-11', '60012345', 'R-1', 'PP-ECO', 99_999),
    ],
    assignments: [
      assignmentFixture({ id: 'a-old', kind: 'invoiceReference', key: 'R-1', validTo: '2026-06-30' }),
      assignmentFixture({ id: 'a-svc', kind: 'service', key: 'PP-PRI' }),
      assignmentFixture({ id: 'a-gone', kind: 'frankingLicence', key: '60099999' }),
    ],
    today: TODAY,
    designation: ({ kind, key }) =>
      kind === 'frankingLicence' && key === '60012345' ? 'Poststelle Genève' : undefined,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));

  it('lists every key of the rollups and of the assignments, licences first, costliest first', () => {
    expect(rows.map((row) => row.id)).toEqual([
      'frankingLicence/60012345',
      'frankingLicence/60099999',
      'invoiceReference/R-1',
      'service/PP-PRI',
      'service/PP-ECO',
    ]);
  });

  it('sums the net cost of the last twelve months only; an empty reference is no key', () => {
    expect(byId.get('frankingLicence/60012345')?.netCentimes).toBe(1250);
    expect(byId.get('invoiceReference/R-1')?.netCentimes).toBe(1000);
    expect(byId.get('service/PP-ECO')?.netCentimes).toBe(0);
    expect(byId.has('invoiceReference/')).toBe(false);
  });

  it('knows the assignment valid today, if any', () => {
    expect(byId.get('service/PP-PRI')?.current?.id).toBe('a-svc');
    expect(byId.get('invoiceReference/R-1')?.assignments.map((a) => a.id)).toEqual(['a-old']);
    expect(byId.get('invoiceReference/R-1')?.current).toBeUndefined();
  });

  it('filters by kind, by unassigned today, and by text in the key or the designation, ignoring case and accents', () => {
    const ids = (filter: Partial<typeof emptyKeyFilter>) =>
      filterKeyRows(rows, { ...emptyKeyFilter, ...filter }).map((row) => row.id);
    expect(ids({ kind: 'service' })).toEqual(['service/PP-PRI', 'service/PP-ECO']);
    expect(ids({ unassignedOnly: true })).toEqual([
      'frankingLicence/60012345',
      'invoiceReference/R-1',
      'service/PP-ECO',
    ]);
    expect(ids({ text: 'geneve' })).toEqual(['frankingLicence/60012345']);
    expect(ids({ text: '  POSTSTELLE GENÈVE ' })).toEqual(['frankingLicence/60012345']);
    expect(ids({ text: 'pp-' })).toEqual(['service/PP-PRI', 'service/PP-ECO']);
    expect(ids({ text: 'r-1', unassignedOnly: true, kind: 'invoiceReference' })).toEqual([
      'invoiceReference/R-1',
    ]);
  });

  it('counts in the bucket the keys without an assignment today, and the unassigned cost of the twelve months', () => {
    const bucket = notChargedBucket(
      rows,
      [
        { costCenter: UNASSIGNED, month: '2026-11', netCentimes: 700 },
        { costCenter: UNASSIGNED, month: '2025-12', netCentimes: 5 },
        { costCenter: UNASSIGNED, month: '2025-11', netCentimes: 100_000 },
        { costCenter: '2100', month: '2026-11', netCentimes: 300 },
      ],
      TODAY,
    );
    expect(bucket).toEqual({ keys: 3, netCentimes: 705 });
  });
});

describe('a drop onto a cost centre', () => {
  const several = [
    assignmentFixture({ id: 'a-p1', kind: 'invoiceReference', key: 'R-2', validTo: '2026-03-31' }),
    assignmentFixture({ id: 'a-p2', kind: 'invoiceReference', key: 'R-2', validFrom: '2026-04-01' }),
  ];
  const single = assignmentFixture({
    id: 'a-one',
    kind: 'frankingLicence',
    key: '60012345',
    splits: [
      { costCenterCode: '2100', percent: 70 },
      { costCenterCode: '3100', percent: 30 },
    ],
    validFrom: '2026-03-15',
  });
  const whole = assignmentFixture({ id: 'a-whole', kind: 'service', key: 'PP-ECO' });

  it('gives a key without an assignment one, wholly to the centre and without limit', () => {
    const plan = planDrop([{ kind: 'service', key: 'PP-PRI' }], [], '2100', ids());
    expect(plan.changes).toEqual([
      {
        op: 'put',
        id: 'a-new-1',
        input: {
          kind: 'service',
          key: 'PP-PRI',
          splits: [{ costCenterCode: '2100', percent: 100 }],
          validFrom: null,
          validTo: null,
        },
      },
    ]);
    expect(plan.assigned).toEqual([{ kind: 'service', key: 'PP-PRI' }]);
  });

  it('replaces the splits of the only assignment and keeps its period', () => {
    const plan = planDrop([{ kind: 'frankingLicence', key: '60012345' }], [single], '4100', ids());
    expect(plan.changes).toEqual([
      {
        op: 'put',
        id: 'a-one',
        input: {
          kind: 'frankingLicence',
          key: '60012345',
          splits: [{ costCenterCode: '4100', percent: 100 }],
          validFrom: '2026-03-15',
          validTo: null,
        },
      },
    ]);
  });

  it('leaves a key with several periods alone, and one already wholly there, and counts each key once', () => {
    const plan = planDrop(
      [
        { kind: 'invoiceReference', key: 'R-2' },
        { kind: 'service', key: 'PP-ECO' },
        { kind: 'service', key: 'PP-ECO' },
        { kind: 'service', key: 'PP-NEW' },
        { kind: 'service', key: 'PP-NEW' },
      ],
      [...several, whole],
      '2100',
      ids(),
    );
    expect(plan.severalPeriods).toEqual([{ kind: 'invoiceReference', key: 'R-2' }]);
    expect(plan.unchanged).toEqual([{ kind: 'service', key: 'PP-ECO' }]);
    expect(plan.assigned).toEqual([{ kind: 'service', key: 'PP-NEW' }]);
    expect(plan.changes).toHaveLength(1);
  });
});

describe('the cost centres of the board', () => {
  const center = (code: string, active: boolean, monthlyBudget: string | null): CostCenter => ({
    code,
    name: `Centre ${code}`,
    owner: null,
    active,
    objectType: 'costCenter',
    monthlyBudget,
    etag: '"1"',
    updatedAt: '2026-11-01T08:00:00Z',
  });

  it('are the active ones, with what each carries this month and its budget in centimes', () => {
    const rows = buildCenterRows(
      [center('3100', true, null), center('2100', true, '1500.00'), center('9000', false, '1.00')],
      [
        { costCenter: '2100', month: '2026-11', netCentimes: 120 },
        { costCenter: '2100', month: '2026-10', netCentimes: 999 },
        { costCenter: UNASSIGNED, month: '2026-11', netCentimes: 5 },
      ],
      '2026-11',
    );
    expect(rows).toEqual([
      { code: '2100', name: 'Centre 2100', carriedCentimes: 120, budgetCentimes: 150_000 },
      { code: '3100', name: 'Centre 3100', carriedCentimes: 0, budgetCentimes: null },
    ]);
  });
});

describe('selecting keys by clicking', () => {
  const list = ['a', 'b', 'c', 'd'];
  it('selects one alone, toggles with Ctrl, and takes the range from the anchor with Shift', () => {
    const one = selectByClick(list, new Set(), null, 'b', { toggle: false, range: false });
    expect([...one.selected]).toEqual(['b']);
    const toggled = selectByClick(list, one.selected, one.anchor, 'd', { toggle: true, range: false });
    expect([...toggled.selected].sort()).toEqual(['b', 'd']);
    const range = selectByClick(list, toggled.selected, 'b', 'd', { toggle: false, range: true });
    expect([...range.selected]).toEqual(['b', 'c', 'd']);
    const untoggled = selectByClick(list, range.selected, 'b', 'c', { toggle: true, range: false });
    expect([...untoggled.selected].sort()).toEqual(['b', 'd']);
  });
});

describe('the month the centres show', () => {
  it('is the latest month with costs up to the current one, the current one when nothing is stored', () => {
    const rows = [{ month: '2026-09' }, { month: '2026-10' }, { month: '2026-12' }, { month: '2026-08' }];
    expect(latestCostMonth(rows, '2026-11')).toBe('2026-10');
    expect(latestCostMonth(rows, '2026-12')).toBe('2026-12');
    expect(latestCostMonth([], '2026-11')).toBe('2026-11');
  });
});
