import type { Assignment, CostCenter, CostObjectType } from '../api/schemas';
import { parseMoney } from '../core/money';
import { foldText, searchTerms } from '../designations/foldText';
import type { WaitingState } from '../designations/nameRows';

/**
 * The cost centres page's list: each centre with how many assignments charge it and whether an edit
 * of it still waits for the operator; searched, filtered by status and sorted. Pure, so the page
 * and its tests share it.
 */

export interface CenterRow extends CostCenter {
  /** Assignments with a split on this code. */
  assignments: number;
  /** A local edit of this centre still in the outbox, if any. */
  waiting: WaitingState | null;
}

export interface CenterSources {
  centers: readonly CostCenter[];
  assignments: readonly Assignment[];
  /** Cost-centre edits in the outbox, by code. */
  waiting: readonly { code: string; state: WaitingState }[];
}

// A conflict or refusal needs the clerk; it outranks a plain pending push of the same code.
const urgency: Record<WaitingState, number> = { pending: 0, rejected: 1, conflict: 2 };

/** The assignments that charge `code` in any of their splits: why it cannot be deleted. */
export const assignmentsUsing = (code: string, assignments: readonly Assignment[]): Assignment[] =>
  assignments.filter((assignment) => assignment.splits.some((split) => split.costCenterCode === code));

export const buildCenterRows = ({ centers, assignments, waiting }: CenterSources): CenterRow[] => {
  const uses = new Map<string, number>();
  for (const assignment of assignments) {
    // An assignment splitting twice onto one code still uses it once.
    for (const code of new Set(assignment.splits.map((split) => split.costCenterCode)))
      uses.set(code, (uses.get(code) ?? 0) + 1);
  }
  const states = new Map<string, WaitingState>();
  for (const { code, state } of waiting) {
    const known = states.get(code);
    if (known === undefined || urgency[state] > urgency[known]) states.set(code, state);
  }
  return centers.map((center) => ({
    ...center,
    assignments: uses.get(center.code) ?? 0,
    waiting: states.get(center.code) ?? null,
  }));
};

export const centerStatuses = ['all', 'active', 'inactive'] as const;
export type CenterStatus = (typeof centerStatuses)[number];

export const centerSortKeys = [
  'code',
  'name',
  'owner',
  'objectType',
  'monthlyBudget',
  'active',
  'updatedAt',
  'assignments',
] as const;
export type CenterSortKey = (typeof centerSortKeys)[number];

export interface CenterSort {
  key: CenterSortKey;
  direction: 'asc' | 'desc';
}

export interface CenterQuery {
  search: string;
  status: CenterStatus;
  sort: CenterSort;
}

export const DEFAULT_CENTER_QUERY: CenterQuery = {
  search: '',
  status: 'all',
  sort: { key: 'code', direction: 'asc' },
};

/** A row matches when every word of the search occurs in its code, name or owner (case and accents folded). */
export const matchesSearch = (row: CostCenter, search: string): boolean => {
  const terms = searchTerms(search);
  if (terms.length === 0) return true;
  const texts = [row.code, row.name, row.owner ?? ''].map(foldText);
  return terms.every((term) => texts.some((text) => text.includes(term)));
};

// Numeric, so code 900 sorts before 1000 and "KST-9" before "KST-10"; fixed locale, the same everywhere.
const textOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

type Value = string | number | null;

const valueOf = (row: CenterRow, key: CenterSortKey, typeLabel: (type: CostObjectType) => string): Value => {
  switch (key) {
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'owner':
      return row.owner?.trim() || null;
    case 'objectType':
      return typeLabel(row.objectType);
    case 'monthlyBudget':
      return row.monthlyBudget ? parseMoney(row.monthlyBudget) : null;
    case 'active':
      return row.active ? 1 : 0;
    case 'updatedAt':
      return row.updatedAt;
    case 'assignments':
      return row.assignments;
  }
};

const compareValues = (a: Value, b: Value): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : typeof a === 'string' && typeof b === 'string'
      ? textOrder.compare(a, b)
      : 0;

/**
 * Filters and sorts the rows. Empty values (no owner, no budget) go last in either direction, and
 * ties fall back on the code, so the order is total and stable across renders.
 */
export const queryCenterRows = (
  rows: readonly CenterRow[],
  query: CenterQuery,
  typeLabel: (type: CostObjectType) => string = (type) => type,
): CenterRow[] => {
  const sign = query.sort.direction === 'asc' ? 1 : -1;
  const keyed = rows
    .filter(
      (row) =>
        (query.status === 'all' || row.active === (query.status === 'active')) &&
        matchesSearch(row, query.search),
    )
    .map((row) => ({ row, value: valueOf(row, query.sort.key, typeLabel) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else {
      const order = compareValues(a.value, b.value);
      if (order !== 0) return sign * order;
    }
    return sign * textOrder.compare(a.row.code, b.row.code);
  });
  return keyed.map(({ row }) => row);
};

const isStatus = (value: string | null): value is CenterStatus =>
  centerStatuses.some((status) => status === value);
const isSortKey = (value: string | undefined): value is CenterSortKey =>
  centerSortKeys.some((key) => key === value);

/** The query as the page's URL keeps it (`?q=…&status=…&sort=name.desc`); unknown values fall back to the defaults. */
export const parseCenterQuery = (params: URLSearchParams): CenterQuery => {
  const status = params.get('status');
  const [key, direction] = (params.get('sort') ?? '').split('.');
  return {
    search: params.get('q') ?? '',
    status: isStatus(status) ? status : DEFAULT_CENTER_QUERY.status,
    sort: isSortKey(key)
      ? { key, direction: direction === 'desc' ? 'desc' : 'asc' }
      : DEFAULT_CENTER_QUERY.sort,
  };
};

export const centerQueryParams = (query: CenterQuery): URLSearchParams => {
  const params = new URLSearchParams();
  if (query.search !== '') params.set('q', query.search);
  if (query.status !== DEFAULT_CENTER_QUERY.status) params.set('status', query.status);
  if (
    query.sort.key !== DEFAULT_CENTER_QUERY.sort.key ||
    query.sort.direction !== DEFAULT_CENTER_QUERY.sort.direction
  )
    params.set('sort', `${query.sort.key}.${query.sort.direction}`);
  return params;
};

/** A click on a column's header: the same column flips, another starts ascending. */
export const toggleSort = (sort: CenterSort, key: CenterSortKey): CenterSort =>
  sort.key === key
    ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
    : { key, direction: 'asc' };
