import {
  CostCenterCodeSchema,
  type CostCenter,
  type CostCenterInput,
  type CostObjectType,
} from '../api/schemas';
import { formatMoney, MAX_MONEY_CENTIMES } from '../core/money';

/**
 * The cost-centre form as the clerk fills it in, checked against the contract (`CostCenterInput`,
 * `CostCenterCode`) before anything is written. Every error names its field and a closed reason
 * the page translates.
 */

export const NAME_MAX = 80;
export const OWNER_MAX = 80;

export interface CenterFormValues {
  code: string;
  name: string;
  owner: string;
  objectType: CostObjectType;
  /** As typed: "1'250.00", "1 250,50", "1250", or empty for none. */
  monthlyBudget: string;
  active: boolean;
}

export type CenterField = 'code' | 'name' | 'owner' | 'monthlyBudget';

export type CenterFieldErrorKey =
  | 'codeRequired'
  | 'codeInvalid'
  | 'codeTaken'
  | 'nameRequired'
  | 'nameTooLong'
  | 'ownerTooLong'
  | 'budgetInvalid'
  | 'budgetNegative'
  | 'budgetTooLarge';

export interface CenterFieldError {
  field: CenterField;
  key: CenterFieldErrorKey;
}

export type CenterFormResult =
  { ok: true; code: string; input: CostCenterInput } | { ok: false; errors: CenterFieldError[] };

export const emptyCenterForm = (): CenterFormValues => ({
  code: '',
  name: '',
  owner: '',
  objectType: 'costCenter',
  monthlyBudget: '',
  active: true,
});

/** The form filled with a stored centre, its budget written back the way the clerk types it ("1250.00"). */
export const centerFormOf = (center: CostCenter): CenterFormValues => ({
  code: center.code,
  name: center.name,
  owner: center.owner ?? '',
  objectType: center.objectType,
  monthlyBudget: center.monthlyBudget ?? '',
  active: center.active,
});

export type BudgetParse =
  | { ok: true; value: string | null }
  | { ok: false; key: 'budgetInvalid' | 'budgetNegative' | 'budgetTooLarge' };

// Spaces of every width and the apostrophes Swiss keyboards and spreadsheets write as thousands marks.
const GROUPING = /[\s\u00a0\u202f'’ʼ`´]/g;

/**
 * A budget as a clerk types it, into the contract's decimal string: "1'250.00", "1250", "1 250,50",
 * "1.250,50" and "1,250.50" all work. A lone "." or "," followed by exactly three digits groups
 * thousands ("1.250" is 1250.00); otherwise it is the decimal mark. Digits only, never a float.
 */
export const parseBudgetInput = (text: string): BudgetParse => {
  // "CHF 1'250.00" and "1'250.00 Fr." are pasted from invoices and spreadsheets as often as typed.
  const trimmed = text
    .trim()
    .replace(/^(?:CHF|Fr\.)\s*/i, '')
    .replace(/\s*(?:CHF|Fr\.)$/i, '');
  if (trimmed === '') return { ok: true, value: null };
  if (/^-/.test(trimmed)) return { ok: false, key: 'budgetNegative' };
  const compact = trimmed.replace(GROUPING, '');
  if (!/^[0-9.,]+$/.test(compact) || !/[0-9]/.test(compact)) return { ok: false, key: 'budgetInvalid' };
  // Only ASCII digits and marks are left at this point, so indices are characters.
  const marks = [...compact.matchAll(/[.,]/g)].map((match) => match.index);
  let whole = compact;
  let fraction = '';
  const last = marks.at(-1);
  if (last !== undefined) {
    const lastMark = compact.charAt(last);
    const after = compact.slice(last + 1);
    const sameMarks = marks.every((index) => compact.charAt(index) === lastMark);
    const isDecimal = !(sameMarks && after.length === 3);
    const groupPart = isDecimal ? compact.slice(0, last) : compact;
    const groupMark = isDecimal ? (lastMark === '.' ? ',' : '.') : lastMark;
    if (isDecimal) {
      if (!/^[0-9]{1,2}$/.test(after)) return { ok: false, key: 'budgetInvalid' };
      fraction = after;
      if (groupPart.includes(lastMark)) return { ok: false, key: 'budgetInvalid' };
    }
    const groups = groupPart.split(groupMark);
    // Thousands groups are three digits each after the first: "12.50.00" is no amount.
    if (groups.length > 1 && !groups.slice(1).every((group) => /^[0-9]{3}$/.test(group)))
      return { ok: false, key: 'budgetInvalid' };
    if (!/^[0-9]{1,3}$/.test(groups[0] ?? '') && groups.length > 1)
      return { ok: false, key: 'budgetInvalid' };
    whole = groups.join('');
  }
  if (!/^[0-9]+$/.test(whole)) return { ok: false, key: 'budgetInvalid' };
  const digits = whole.replace(/^0+(?=[0-9])/, '');
  if (digits.length > 12) return { ok: false, key: 'budgetTooLarge' };
  const centimes = Number(digits) * 100 + Number(fraction.padEnd(2, '0'));
  if (centimes > MAX_MONEY_CENTIMES) return { ok: false, key: 'budgetTooLarge' };
  return { ok: true, value: formatMoney(centimes) };
};

export interface CenterFormContext {
  /** True for a new centre: its code is checked (and must be free); an existing centre keeps its code. */
  creating: boolean;
  /** The codes already taken, locally and at the operator. */
  existingCodes: ReadonlySet<string>;
}

export const validateCenterForm = (
  values: CenterFormValues,
  context: CenterFormContext,
): CenterFormResult => {
  const errors: CenterFieldError[] = [];
  const code = values.code.trim();
  if (context.creating) {
    if (code === '') errors.push({ field: 'code', key: 'codeRequired' });
    else if (!CostCenterCodeSchema.safeParse(code).success)
      errors.push({ field: 'code', key: 'codeInvalid' });
    else if (context.existingCodes.has(code)) errors.push({ field: 'code', key: 'codeTaken' });
  }
  const name = values.name.trim();
  if (name === '') errors.push({ field: 'name', key: 'nameRequired' });
  else if (name.length > NAME_MAX) errors.push({ field: 'name', key: 'nameTooLong' });
  const owner = values.owner.trim();
  if (owner.length > OWNER_MAX) errors.push({ field: 'owner', key: 'ownerTooLong' });
  const budget = parseBudgetInput(values.monthlyBudget);
  if (!budget.ok) errors.push({ field: 'monthlyBudget', key: budget.key });
  if (errors.length > 0 || !budget.ok) return { ok: false, errors };
  return {
    ok: true,
    code,
    input: {
      name,
      owner: owner === '' ? null : owner,
      active: values.active,
      objectType: values.objectType,
      monthlyBudget: budget.value,
    },
  };
};
