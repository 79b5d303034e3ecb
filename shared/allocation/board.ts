import type { Assignment, AssignmentInput, CostCenter, KeyKind } from '../api/schemas';
import { addMonthsClamped } from '../core/dates';
import { parseMoney, isMoney } from '../core/money';
import type { RollupRow } from '../lines/rollup';
import { UNASSIGNED } from './assignments';
import type { AssignmentChange } from './changes';

/**
 * The assignment board's logic: which keys the archive holds and what they cost, which of them no
 * assignment charges today, what a drop onto a cost centre writes, and what each centre carries.
 * Pure, with "today" passed in, so the page and the tests agree on every figure.
 */

/** A key an assignment can charge: a franking licence, an invoice reference or a service. */
export interface BoardKey {
  kind: KeyKind;
  key: string;
}

export const boardKeyId = ({ kind, key }: BoardKey): string => `${kind}/${key}`;

export const keyKinds = [
  'frankingLicence',
  'invoiceReference',
  'service',
] as const satisfies readonly KeyKind[];

/** One collator for every sort: `localeCompare` with options builds one per call. */
const byCode = new Intl.Collator('en', { numeric: true }).compare;

/** The precedence the allocation follows (licence over reference over service): the list's order too. */
const kindRank: Record<KeyKind, number> = { frankingLicence: 0, invoiceReference: 1, service: 2 };

export interface KeyRow extends BoardKey {
  id: string;
  /** The clerk's (or the operator's) name of the key, if it has one. */
  designation: string | undefined;
  /** Net cost of the key's lines over the last twelve months, in centimes. */
  netCentimes: number;
  /** The key's assignments, earliest period first. */
  assignments: Assignment[];
  /** The one valid today, if any. */
  current: Assignment | undefined;
}

/** Months "2025-12" to "2026-11" for today 2026-11-22: this month and the eleven before it. */
export const lastTwelveMonths = (today: string): { from: string; to: string } => ({
  from: addMonthsClamped(`${today.slice(0, 7)}-01`, -11).slice(0, 7),
  to: today.slice(0, 7),
});

/** Whether an assignment applies on `day` (validity is inclusive at both ends, open when absent). */
export const validOn = (assignment: Pick<Assignment, 'validFrom' | 'validTo'>, day: string): boolean =>
  (!assignment.validFrom || assignment.validFrom <= day) &&
  (!assignment.validTo || day <= assignment.validTo);

/**
 * Every key the archive knows (from the monthly rollups, any month) or an assignment names, with
 * its cost over the last twelve months and its assignments. Licences first, then references, then
 * services (the allocation's precedence); within a kind the costliest first.
 */
export const buildKeyRows = ({
  rollups,
  assignments,
  today,
  designation,
}: {
  rollups: readonly Pick<
    RollupRow,
    'month' | 'serviceCode' | 'frankingLicence' | 'invoiceReference' | 'netCentimes'
  >[];
  assignments: readonly Assignment[];
  today: string;
  designation: (key: BoardKey) => string | undefined;
}): KeyRow[] => {
  const { from, to } = lastTwelveMonths(today);
  const rows = new Map<string, KeyRow>();
  const rowOf = (kind: KeyKind, key: string): KeyRow => {
    const id = boardKeyId({ kind, key });
    let row = rows.get(id);
    if (!row) {
      row = { id, kind, key, designation: undefined, netCentimes: 0, assignments: [], current: undefined };
      rows.set(id, row);
    }
    return row;
  };
  for (const rollup of rollups) {
    const inWindow = rollup.month >= from && rollup.month <= to;
    // A line without a licence or a reference carries an empty key: nothing to charge by it.
    const amount = inWindow ? rollup.netCentimes : 0;
    if (rollup.frankingLicence !== '') rowOf('frankingLicence', rollup.frankingLicence).netCentimes += amount;
    if (rollup.invoiceReference !== '')
      rowOf('invoiceReference', rollup.invoiceReference).netCentimes += amount;
    if (rollup.serviceCode !== '') rowOf('service', rollup.serviceCode).netCentimes += amount;
  }
  for (const assignment of assignments) rowOf(assignment.kind, assignment.key).assignments.push(assignment);
  for (const row of rows.values()) {
    row.assignments.sort((a, b) => ((a.validFrom ?? '') < (b.validFrom ?? '') ? -1 : 1));
    row.current = row.assignments.find((assignment) => validOn(assignment, today));
    row.designation = designation(row);
  }
  return [...rows.values()].sort(
    (a, b) => kindRank[a.kind] - kindRank[b.kind] || b.netCentimes - a.netCentimes || byCode(a.key, b.key),
  );
};

export type KindFilter = KeyKind | 'all';

export interface KeyFilter {
  /** Only the keys no assignment charges today. */
  unassignedOnly: boolean;
  kind: KindFilter;
  /** Part of the key or of its designation; case and accents do not matter. */
  text: string;
}

export const emptyKeyFilter: KeyFilter = { unassignedOnly: false, kind: 'all', text: '' };

/** "Genève" and "geneve" are the same search. */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim();

export const filterKeyRows = (rows: readonly KeyRow[], filter: KeyFilter): KeyRow[] => {
  const needle = foldText(filter.text);
  return rows.filter(
    (row) =>
      (!filter.unassignedOnly || row.current === undefined) &&
      (filter.kind === 'all' || row.kind === filter.kind) &&
      (needle === '' ||
        foldText(row.key).includes(needle) ||
        (row.designation !== undefined && foldText(row.designation).includes(needle))),
  );
};

/** The "Not charged" bucket: keys without an assignment valid today, and what went unassigned. */
export interface NotChargedBucket {
  keys: number;
  /** Net cost no assignment charged over the last twelve months (the allocated rollups' figure). */
  netCentimes: number;
}

export const notChargedBucket = (
  rows: readonly KeyRow[],
  allocated: readonly { costCenter: string; month: string; netCentimes: number }[],
  today: string,
): NotChargedBucket => {
  const { from, to } = lastTwelveMonths(today);
  return {
    keys: rows.filter((row) => row.current === undefined).length,
    netCentimes: allocated
      .filter((row) => row.costCenter === UNASSIGNED && row.month >= from && row.month <= to)
      .reduce((sum, row) => sum + row.netCentimes, 0),
  };
};

export interface CenterRow {
  code: string;
  name: string;
  /** Net cost charged to the centre this month, in centimes. */
  carriedCentimes: number;
  /** The monthly budget in centimes; null when the centre has none. */
  budgetCentimes: number | null;
}

/** The active cost centres, by code, with what each carries in `month` (the allocated rollups). */
/**
 * The month the centres' figures are shown for: the latest month up to `upTo` that holds any cost.
 * The current month is usually still empty (the operator bills a month after it ends), and "CHF 0.00
 * this month" on every centre tells a clerk nothing. `upTo` itself when nothing is stored.
 */
export const latestCostMonth = (allocated: readonly { month: string }[], upTo: string): string => {
  let latest: string | null = null;
  for (const row of allocated)
    if (row.month <= upTo && (latest === null || row.month > latest)) latest = row.month;
  return latest ?? upTo;
};

export const buildCenterRows = (
  centers: readonly CostCenter[],
  allocated: readonly { costCenter: string; month: string; netCentimes: number }[],
  month: string,
): CenterRow[] => {
  const carried = new Map<string, number>();
  for (const row of allocated)
    if (row.month === month)
      carried.set(row.costCenter, (carried.get(row.costCenter) ?? 0) + row.netCentimes);
  return centers
    .filter((center) => center.active)
    .map((center) => ({
      code: center.code,
      name: center.name,
      carriedCentimes: carried.get(center.code) ?? 0,
      budgetCentimes: isMoney(center.monthlyBudget) ? parseMoney(center.monthlyBudget) : null,
    }))
    .sort((a, b) => byCode(a.code, b.code));
};

/** What dropping keys onto a cost centre writes, and which keys it leaves alone and why. */
export interface DropPlan {
  changes: AssignmentChange[];
  /** Keys the changes charge wholly to the centre. */
  assigned: BoardKey[];
  /** Keys already charged wholly to the centre by their only assignment: nothing to write. */
  unchanged: BoardKey[];
  /** Keys with several periods: a drop cannot say which to change; the split dialog can. */
  severalPeriods: BoardKey[];
}

/**
 * A drop onto `costCenterCode`:
 * - a key without an assignment gets one, 100 % to the centre, without limit;
 * - a key with exactly one assignment keeps its period, its splits become 100 % to the centre;
 * - a key with several periods is left as it is.
 */
export const planDrop = (
  keys: readonly BoardKey[],
  assignments: readonly Assignment[],
  costCenterCode: string,
  newId: () => string,
): DropPlan => {
  const plan: DropPlan = { changes: [], assigned: [], unchanged: [], severalPeriods: [] };
  const seen = new Set<string>();
  for (const target of keys) {
    const id = boardKeyId(target);
    if (seen.has(id)) continue;
    seen.add(id);
    const own = assignments.filter(
      (assignment) => assignment.kind === target.kind && assignment.key === target.key,
    );
    const splits = [{ costCenterCode, percent: 100 }];
    if (own.length > 1) {
      plan.severalPeriods.push(target);
      continue;
    }
    const [only] = own;
    if (only === undefined) {
      const input: AssignmentInput = {
        kind: target.kind,
        key: target.key,
        splits,
        validFrom: null,
        validTo: null,
      };
      plan.changes.push({ op: 'put', id: newId(), input });
      plan.assigned.push(target);
      continue;
    }
    const [split, ...others] = only.splits;
    if (others.length === 0 && split?.costCenterCode === costCenterCode) {
      plan.unchanged.push(target);
      continue;
    }
    plan.changes.push({
      op: 'put',
      id: only.id,
      input: {
        kind: target.kind,
        key: target.key,
        splits,
        validFrom: only.validFrom ?? null,
        validTo: only.validTo ?? null,
      },
    });
    plan.assigned.push(target);
  }
  return plan;
};

/**
 * A new selection after a click: alone, toggled (Ctrl/Cmd), or the range from the anchor (Shift),
 * in the order of `ids` (the list as shown).
 */
export const selectByClick = (
  ids: readonly string[],
  selected: ReadonlySet<string>,
  anchor: string | null,
  clicked: string,
  modifiers: { toggle: boolean; range: boolean },
): { selected: Set<string>; anchor: string } => {
  if (modifiers.range && anchor !== null) {
    const from = ids.indexOf(anchor);
    const to = ids.indexOf(clicked);
    if (from !== -1 && to !== -1) {
      const range = ids.slice(Math.min(from, to), Math.max(from, to) + 1);
      const next = modifiers.toggle ? new Set(selected) : new Set<string>();
      for (const id of range) next.add(id);
      return { selected: next, anchor };
    }
  }
  if (modifiers.toggle) {
    const next = new Set(selected);
    if (next.has(clicked)) next.delete(clicked);
    else next.add(clicked);
    return { selected: next, anchor: clicked };
  }
  return { selected: new Set([clicked]), anchor: clicked };
};
