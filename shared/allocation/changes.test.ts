import { describe, expect, it } from 'vitest';
import { storedCenter } from '../costCenters/testing/readings';
import { assignmentFixture } from '../testing/assignmentFixture';
import { UNASSIGNED } from './assignments';
import {
  assignmentsAfter,
  firstRefusal,
  inverseChanges,
  summarizeImpact,
  type AssignmentChange,
} from './changes';

const centers = [storedCenter('2100', 'Sales'), storedCenter('3100', 'Operations')];

describe('assignment changes', () => {
  const stored = [assignmentFixture({ id: 'a-1' }), assignmentFixture({ id: 'a-2', key: 'PP-ECO' })];
  const batch: AssignmentChange[] = [
    { op: 'delete', id: 'a-2' },
    {
      op: 'put',
      id: 'a-1',
      input: { kind: 'service', key: 'PP-PRI', splits: [{ costCenterCode: '3100', percent: 100 }] },
    },
    {
      op: 'put',
      id: 'a-3',
      input: { kind: 'service', key: 'PP-ECO', splits: [{ costCenterCode: '2100', percent: 100 }] },
    },
  ];

  it('the inverse of a batch, applied after it, gives back what was stored (ETags aside)', () => {
    const after = assignmentsAfter(stored, batch, '2026-11-20T10:00:00Z');
    expect(after.map((row) => [row.id, row.splits[0]?.costCenterCode, row.etag])).toEqual([
      ['a-1', '3100', '"a-1"'],
      ['a-3', '2100', ''],
    ]);
    const undo = inverseChanges(stored, batch);
    // The creation goes first, so the restored a-2 never shares its days with a-3.
    expect(undo.map((change) => [change.op, change.id])).toEqual([
      ['delete', 'a-3'],
      ['put', 'a-2'],
      ['put', 'a-1'],
    ]);
    const restored = assignmentsAfter(after, undo, '2026-11-20T10:00:00Z');
    const content = (rows: typeof stored) =>
      rows
        .map(({ id, kind, key, splits, validFrom, validTo }) => ({
          id,
          kind,
          key,
          splits,
          validFrom,
          validTo,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(content(restored)).toEqual(content(stored));
    expect(firstRefusal(after, undo, centers)).toBeNull();
  });

  it('a batch is checked as a whole: the same key twice without a period is refused at its second put', () => {
    const twice: AssignmentChange[] = [
      batch[2] as AssignmentChange,
      { ...(batch[2] as AssignmentChange), id: 'a-4' },
    ];
    expect(firstRefusal([], twice, centers)).toMatchObject({ index: 0, problems: [{ code: 'overlaps' }] });
    expect(firstRefusal([], twice.slice(0, 1), centers)).toBeNull();
  });

  it('the impact sums services per month and centre and leaves out what does not move', () => {
    const row = (month: string, costCenterCode: string, serviceCode: string, net: number) => ({
      month,
      costCenterCode,
      serviceCode,
      shares: 1,
      netCentimes: net,
      vatCentimes: 0,
    });
    expect(
      summarizeImpact([
        row('2026-04', '2100', 'A', 500),
        row('2026-03', '2100', 'A', 100),
        row('2026-03', '2100', 'B', 250),
        row('2026-03', UNASSIGNED, 'A', -350),
        row('2026-03', '3100', 'A', 10),
        row('2026-03', '3100', 'B', -10),
        row('2026-04', UNASSIGNED, 'A', -500),
      ]),
    ).toEqual([
      { month: '2026-03', costCenterCode: UNASSIGNED, netCentimes: -350, vatCentimes: 0 },
      { month: '2026-03', costCenterCode: '2100', netCentimes: 350, vatCentimes: 0 },
      { month: '2026-04', costCenterCode: UNASSIGNED, netCentimes: -500, vatCentimes: 0 },
      { month: '2026-04', costCenterCode: '2100', netCentimes: 500, vatCentimes: 0 },
    ]);
  });
});
