import { describe, expect, it } from 'vitest';
import { CostCenterInputSchema } from '../api/schemas';
import { centerFormOf, emptyCenterForm, parseBudgetInput, validateCenterForm } from './centerForm';

describe('parseBudgetInput', () => {
  it.each([
    ["1'250.00", '1250.00'],
    ['1’250.00', '1250.00'],
    ['1250', '1250.00'],
    ['1 250,50', '1250.50'],
    ['1\u202f250,5', '1250.50'],
    ['1.250,50', '1250.50'],
    ['1,250.50', '1250.50'],
    ['1.250', '1250.00'],
    ["1'000'000", '1000000.00'],
    ['0.05', '0.05'],
    ['CHF 980', '980.00'],
    ['12.345', '12345.00'],
    ["1'250.00 CHF", '1250.00'],
    ['007', '7.00'],
    ['999999999999.99', '999999999999.99'],
  ])('reads %j as %j, a decimal string', (typed, expected) => {
    expect(parseBudgetInput(typed)).toEqual({ ok: true, value: expected });
  });

  it('takes an empty field as no budget', () => {
    expect(parseBudgetInput('  ')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['12.50.00', 'budgetInvalid'],
    ['1,25,0', 'budgetInvalid'],
    ['1.2.3', 'budgetInvalid'],
    ['abc', 'budgetInvalid'],
    ['1e3', 'budgetInvalid'],
    ['12.5x', 'budgetInvalid'],
    ['1250.', 'budgetInvalid'],
    ['-100', 'budgetNegative'],
    ['1234567890123', 'budgetTooLarge'],
  ])('refuses %j (%s)', (typed, key) => {
    expect(parseBudgetInput(typed)).toEqual({ ok: false, key });
  });
});

describe('validateCenterForm', () => {
  const taken = new Set(['4100']);

  it('gives the contract input for a valid new centre, trimmed, the owner null when empty', () => {
    const result = validateCenterForm(
      { ...emptyCenterForm(), code: ' 4200 ', name: ' Logistik ', monthlyBudget: "2'500" },
      { creating: true, existingCodes: taken },
    );
    expect(result).toEqual({
      ok: true,
      code: '4200',
      input: {
        name: 'Logistik',
        owner: null,
        active: true,
        objectType: 'costCenter',
        monthlyBudget: '2500.00',
      },
    });
    if (result.ok) expect(CostCenterInputSchema.parse(result.input)).toEqual(result.input);
  });

  it('names each wrong field with its reason', () => {
    const result = validateCenterForm(
      { ...emptyCenterForm(), code: 'KST 1', name: '', owner: 'x'.repeat(81), monthlyBudget: '12,3,4' },
      { creating: true, existingCodes: taken },
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'code', key: 'codeInvalid' },
        { field: 'name', key: 'nameRequired' },
        { field: 'owner', key: 'ownerTooLong' },
        { field: 'monthlyBudget', key: 'budgetInvalid' },
      ],
    });
  });

  it('refuses a taken code, a missing code, a code over 20 characters and a name over 80', () => {
    const check = (code: string, name = 'N') =>
      validateCenterForm({ ...emptyCenterForm(), code, name }, { creating: true, existingCodes: taken });
    expect(check('4100')).toEqual({ ok: false, errors: [{ field: 'code', key: 'codeTaken' }] });
    expect(check('')).toEqual({ ok: false, errors: [{ field: 'code', key: 'codeRequired' }] });
    expect(check('A'.repeat(21))).toEqual({ ok: false, errors: [{ field: 'code', key: 'codeInvalid' }] });
    expect(check('A'.repeat(20)).ok).toBe(true);
    expect(check('ok', 'n'.repeat(81))).toEqual({
      ok: false,
      errors: [{ field: 'name', key: 'nameTooLong' }],
    });
  });

  it('does not check the code of an existing centre (it cannot change)', () => {
    const form = centerFormOf({
      code: '4100',
      name: 'Versand',
      owner: 'M. Rossi',
      active: false,
      objectType: 'internalOrder',
      monthlyBudget: '1250.00',
      etag: '"1"',
      updatedAt: '2026-11-01T10:00:00Z',
    });
    expect(validateCenterForm(form, { creating: false, existingCodes: taken })).toEqual({
      ok: true,
      code: '4100',
      input: {
        name: 'Versand',
        owner: 'M. Rossi',
        active: false,
        objectType: 'internalOrder',
        monthlyBudget: '1250.00',
      },
    });
  });
});
