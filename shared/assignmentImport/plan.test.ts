import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstRefusal } from '../allocation/changes';
import { storedCenter } from '../costCenters/testing/readings';
import { assignmentFixture } from '../testing/assignmentFixture';
import type { AssignmentFileReading } from './contract';
import { importChanges, planAssignmentImport, type PlanContext } from './plan';
import { readAssignmentFile } from './readFile';

const readFixture = (name: string): AssignmentFileReading => {
  const result = readAssignmentFile(new Uint8Array(readFileSync(`tests/fixtures/assignments/${name}`)), name);
  if (!result.ok) throw new Error(result.messageKey);
  return result;
};
const sheet = (text: string): AssignmentFileReading => {
  const result = readAssignmentFile(new TextEncoder().encode(text), 'sheet.csv');
  if (!result.ok) throw new Error(result.messageKey);
  return result;
};

const centers = [
  storedCenter('1000', 'Direction'),
  storedCenter('2100', 'Marketing'),
  storedCenter('3300', 'Logistics'),
  storedCenter('4100', 'Customer service'),
  storedCenter('5200', 'Finance', { active: false }),
];
const context = (assignments: PlanContext['assignments'] = []): PlanContext => {
  let next = 0;
  return { assignments, centers, newId: () => `new-${++next}` };
};
const HEADER = 'Kind;Key;Cost centre;Percent;Valid from;Valid to';

describe('planAssignmentImport', () => {
  it('creates what is not stored, replaces the stored assignment of the same key and period, leaves an identical one unchanged', () => {
    const stored = [
      // Same period as the file's REF-778, other splits: replaced under its own id.
      assignmentFixture({
        id: 'a-ref',
        kind: 'invoiceReference',
        key: 'REF-778',
        splits: [{ costCenterCode: '4100', percent: 100 }],
        validFrom: '2026-03-01',
        validTo: '2026-12-31',
      }),
      // The file's PP-PRI exactly.
      assignmentFixture({ id: 'a-pri', key: 'PP-PRI', splits: [{ costCenterCode: '4100', percent: 100 }] }),
    ];
    const plan = planAssignmentImport(readFixture('de-title.xlsx'), context(stored));
    expect(plan.counts).toEqual({ create: 1, replace: 1, unchanged: 1, error: 0 });
    expect(plan.items.map((item) => [item.status, item.rows, item.id])).toEqual([
      ['create', [4], 'new-1'],
      ['replace', [5, 6], 'a-ref'],
      ['unchanged', [7], 'a-pri'],
    ]);
    const chosen = importChanges(plan, { validOnly: false });
    expect(chosen).toEqual({
      ok: true,
      skipped: 0,
      changes: [
        {
          op: 'put',
          id: 'new-1',
          input: {
            kind: 'frankingLicence',
            key: '012345678',
            splits: [{ costCenterCode: '2100', percent: 100 }],
            validFrom: '2026-03-01',
            validTo: null,
          },
        },
        {
          op: 'put',
          id: 'a-ref',
          input: {
            kind: 'invoiceReference',
            key: 'REF-778',
            splits: [
              { costCenterCode: '2100', percent: 70 },
              { costCenterCode: '3300', percent: 30 },
            ],
            validFrom: '2026-03-01',
            validTo: '2026-12-31',
          },
        },
      ],
    });
    // What the plan accepts the write layer accepts.
    if (chosen.ok) expect(firstRefusal(stored, chosen.changes, centers)).toBeNull();
  });

  it("a period that differs from a stored one but shares a day is refused, naming the stored assignment (the operator's 409); one that does not is created beside it", () => {
    const stored = [
      assignmentFixture({
        id: 'a-old',
        kind: 'service',
        key: 'PP-ECO',
        validFrom: '2026-01-01',
        validTo: '2026-05-31',
      }),
    ];
    const plan = planAssignmentImport(
      sheet(`${HEADER}\nservice;PP-ECO;2100;100;1.5.2026;\nservice;PP-ECO;3300;100;1.6.2025;31.12.2025\n`),
      context(stored),
    );
    expect(plan.items.map((item) => item.status)).toEqual(['error', 'create']);
    expect(plan.items[0]?.problems).toEqual([
      {
        row: 2,
        field: 'validFrom',
        column: 'E',
        code: 'overlapsStored',
        value: '2026-05-01',
        other: {
          id: 'a-old',
          kind: 'service',
          key: 'PP-ECO',
          splits: [{ costCenterCode: '2100', percent: 100 }],
          validFrom: '2026-01-01',
          validTo: '2026-05-31',
        },
      },
    ]);
  });

  it('names unknown and inactive cost centres at their row and column; the rest stays importable, but only on the explicit choice', () => {
    const plan = planAssignmentImport(
      sheet(
        `${HEADER}\nservice;PP-A;2100;60;;\nservice;PP-A;9999;40;;\nservice;PP-B;5200;100;;\nservice;PP-C;1000;100;;\n`,
      ),
      context(),
    );
    expect(plan.counts).toEqual({ create: 1, replace: 0, unchanged: 0, error: 2 });
    expect(plan.items.flatMap((item) => item.problems)).toEqual([
      { row: 3, field: 'costCenter', column: 'C', code: 'unknownCostCenter', value: '9999' },
      { row: 4, field: 'costCenter', column: 'C', code: 'inactiveCostCenter', value: '5200' },
    ]);
    expect(importChanges(plan, { validOnly: false })).toEqual({ ok: false });
    const chosen = importChanges(plan, { validOnly: true });
    expect(chosen.ok && chosen.changes.map((change) => change.id)).toEqual(['new-3']);
    expect(chosen.ok && chosen.skipped).toBe(2);
  });

  it("the sheet with errors: the reader's problems and the plan's, in row order", () => {
    const plan = planAssignmentImport(readFixture('errors.xlsx'), context());
    expect(plan.counts).toEqual({ create: 1, replace: 0, unchanged: 0, error: 12 });
    expect(
      plan.items.map(
        (item) => `${item.rows.join('+')} ${item.status} ${item.problems.map((p) => p.code).join(',')}`,
      ),
    ).toEqual([
      '2 error sumNot100',
      '3 error sumNot100',
      '4 error invalidKind',
      '5 error missingKey',
      '6 error invalidCostCenter',
      '7 error percentNotWhole',
      '8 error invalidPercent',
      '9 error invalidDate',
      '10 error validityReversed',
      '11 error overlapsInFile',
      '12 error overlapsInFile',
      '13 error unknownCostCenter',
      '14 create ',
    ]);
  });

  it('replaces a stored period and adds the next one in the same file: checked as a whole, both land', () => {
    const stored = [
      assignmentFixture({ id: 'a-1', key: 'PP-PRI', validFrom: '2026-01-01', validTo: '2026-06-30' }),
    ];
    const plan = planAssignmentImport(
      sheet(`${HEADER}\nservice;PP-PRI;3300;100;1.1.2026;30.6.2026\nservice;PP-PRI;2100;100;1.7.2026;\n`),
      context(stored),
    );
    expect(plan.items.map((item) => [item.status, item.id])).toEqual([
      ['replace', 'a-1'],
      ['create', 'new-1'],
    ]);
    const chosen = importChanges(plan, { validOnly: false });
    expect(chosen.ok && firstRefusal(stored, chosen.changes, centers)).toBeNull();
  });
});
