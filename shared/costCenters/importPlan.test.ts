import { describe, expect, it } from 'vitest';
import { changesToApply, planImport } from './importPlan';
import { fileRow, reading, rowError, storedCenter } from './testing/readings';

const current = [
  storedCenter('4100', 'Marketing', { owner: 'A. Muster', monthlyBudget: '1250.00' }),
  storedCenter('4200', 'Sales', { owner: 'B. Beispiel' }),
  storedCenter('4300', 'Old depot', { active: false }),
  storedCenter('4400', 'Finance'),
];

describe('planImport', () => {
  it('sorts every row of the file into new, changed (field by field) and unchanged', () => {
    const plan = planImport(
      current,
      reading([
        fileRow(2, '4100', 'Marketing', { owner: 'A. Muster', monthlyBudget: '1250.00' }),
        fileRow(3, '4200', 'Sales & Service', { owner: 'C. Neu', monthlyBudget: '900.50' }),
        fileRow(4, '0000100100', 'Logistics'),
      ]),
      { deactivateMissing: false },
    );
    expect(plan.rows).toEqual([
      { status: 'unchanged', row: 2, code: '4100', name: 'Marketing' },
      {
        status: 'changed',
        row: 3,
        code: '4200',
        before: current[1],
        after: {
          name: 'Sales & Service',
          owner: 'C. Neu',
          active: true,
          objectType: 'costCenter',
          monthlyBudget: '900.50',
        },
        changes: [
          { field: 'name', before: 'Sales', after: 'Sales & Service' },
          { field: 'owner', before: 'B. Beispiel', after: 'C. Neu' },
          { field: 'monthlyBudget', before: null, after: '900.50' },
        ],
      },
      {
        status: 'new',
        row: 4,
        code: '0000100100',
        after: {
          name: 'Logistics',
          owner: null,
          active: true,
          objectType: 'costCenter',
          monthlyBudget: null,
        },
      },
    ]);
    expect(plan.counts).toEqual({ new: 1, changed: 1, unchanged: 1, error: 0, deactivate: 0 });
  });

  it('keeps what the archive holds for a field the file has no column for', () => {
    const plan = planImport(
      current,
      reading([fileRow(2, '4100', 'Marketing'), fileRow(3, '4300', 'Old depot')], [], {
        headers: ['Kostenstelle', 'Bezeichnung'],
        mapping: { code: 0, name: 1 },
      }),
      { deactivateMissing: false },
    );
    // No owner or budget column: they stay; no active or validity column: the inactive one stays inactive.
    expect(plan.rows.map((row) => row.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('takes "active" from a validity period: a centre whose only period has ended becomes inactive', () => {
    const plan = planImport(
      current,
      reading([fileRow(2, '4400', 'Finance', { active: false, validTo: '2025-12-31' })], [], {
        mapping: { code: 0, name: 1, validFrom: 2, validTo: 3 },
      }),
      { deactivateMissing: false },
    );
    expect(plan.rows[0]).toMatchObject({
      status: 'changed',
      changes: [{ field: 'active', before: true, after: false }],
    });
  });

  it('lists every row error with its row; several errors of one row make one error row', () => {
    const errors = [
      rowError(3, 'invalidCode', { value: '41 00' }),
      rowError(4, 'missingName', { field: 'name', column: 'B' }),
      rowError(4, 'invalidBudget', { field: 'monthlyBudget', column: 'D', value: '12,5,0' }),
    ];
    const plan = planImport(current, reading([fileRow(2, '4100', 'Marketing')], errors), {
      deactivateMissing: false,
    });
    expect(plan.rows.slice(1)).toEqual([
      { status: 'error', row: 3, code: '41 00', errors: [errors[0]] },
      { status: 'error', row: 4, code: null, errors: [errors[1], errors[2]] },
    ]);
    expect(plan.counts.error).toBe(2);
  });

  it('treats a row the reader returned but also reported as an error as an error', () => {
    const plan = planImport(
      current,
      reading(
        [fileRow(2, '5000', 'First'), fileRow(3, '5000', 'Second')],
        [rowError(3, 'duplicateCode', { value: '5000' })],
      ),
      { deactivateMissing: false },
    );
    expect(plan.rows.map((row) => [row.row, row.status])).toEqual([
      [2, 'new'],
      [3, 'error'],
    ]);
  });

  it('with the option, deactivates each active centre the file does not list (never an inactive one, never one on an error row)', () => {
    const plan = planImport(
      current,
      reading(
        [fileRow(2, '4100', 'Marketing', { owner: 'A. Muster', monthlyBudget: '1250.00' })],
        [
          rowError(3, 'missingName', { field: 'name', column: 'B', value: '' }),
          rowError(3, 'missingName', { field: 'code', column: 'A', value: '4400' }),
        ],
      ),
      { deactivateMissing: true },
    );
    expect(plan.rows.filter((row) => row.status === 'deactivate')).toEqual([
      {
        status: 'deactivate',
        row: null,
        code: '4200',
        before: current[1],
        after: {
          name: 'Sales',
          owner: 'B. Beispiel',
          active: false,
          objectType: 'costCenter',
          monthlyBudget: null,
        },
        changes: [{ field: 'active', before: true, after: false }],
      },
    ]);
    expect(plan.counts).toEqual({ new: 0, changed: 0, unchanged: 1, error: 1, deactivate: 1 });
    expect(planImport(current, reading([]), { deactivateMissing: false }).counts.deactivate).toBe(0);
  });
});

describe('changesToApply', () => {
  const withErrors = planImport(
    current,
    reading(
      [
        fileRow(2, '4200', 'Sales & Service', { owner: 'B. Beispiel' }),
        fileRow(4, '4500', 'New'),
        fileRow(5, '4100', 'Marketing', { owner: 'A. Muster', monthlyBudget: '1250.00' }),
      ],
      [rowError(3, 'invalidCode', { value: '4?00' })],
    ),
    { deactivateMissing: true },
  );

  it('writes nothing while rows have errors, unless the clerk chose the valid rows only', () => {
    expect(changesToApply(withErrors, { validOnly: false })).toEqual({
      ok: false,
      reason: 'errors',
      errors: 1,
    });
    const chosen = changesToApply(withErrors, { validOnly: true });
    expect(chosen).toEqual({
      ok: true,
      skippedErrors: 1,
      changes: [
        {
          code: '4200',
          before: current[1],
          after: expect.objectContaining({ name: 'Sales & Service' }) as unknown,
        },
        { code: '4500', before: null, after: expect.objectContaining({ name: 'New' }) as unknown },
        { code: '4400', before: current[3], after: expect.objectContaining({ active: false }) as unknown },
      ],
    });
  });

  it('applies a file without errors as it is; unchanged rows write nothing', () => {
    const plan = planImport(current, reading([fileRow(2, '4400', 'Finance')]), { deactivateMissing: false });
    expect(changesToApply(plan, { validOnly: false })).toEqual({ ok: true, changes: [], skippedErrors: 0 });
  });
});
