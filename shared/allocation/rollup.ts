import type { Assignment, KeyKind } from '../api/schemas';
import { dayToMonth } from '../core/dates';
import type { LineBlock } from '../lines/block';
import type { Allocator } from './allocator';
import { UNASSIGNED } from './assignments';

/**
 * Allocated rollups: per month of service date, cost centre (or UNASSIGNED) and service, the sum of
 * the parts `allocateLine` gives each line. Computed from lines, part by part, so they are exact for
 * validity periods that start or end mid-month: summed over any months they equal the per-line
 * allocation to the centime. `shares` counts parts: a line split 70/30 counts once in each centre.
 */
export interface AllocatedRollupRow {
  month: string;
  /** A cost centre's code, or UNASSIGNED. */
  costCenterCode: string;
  serviceCode: string;
  shares: number;
  netCentimes: number;
  vatCentimes: number;
}

export type AllocatedRollupKey = [month: string, costCenterCode: string, serviceCode: string];

/** Changes to add onto the stored rows, by `deltaKey`. */
export type AllocatedDelta = Map<string, AllocatedRollupRow>;

/** An assignment key whose lines may be charged differently after a change. */
export interface AssignmentKey {
  kind: KeyKind;
  key: string;
}

// Codes are printable and UNASSIGNED has no \u0001: the joined key is unambiguous.
const deltaKey = (month: string, costCenterCode: string, serviceCode: string) =>
  `${month}\u0001${costCenterCode}\u0001${serviceCode}`;

export const allocatedRowKey = (row: AllocatedRollupRow): AllocatedRollupKey => [
  row.month,
  row.costCenterCode,
  row.serviceCode,
];

const months = new Map<number, string>();
const monthOf = (day: number): string => {
  let month = months.get(day);
  if (month === undefined) {
    month = dayToMonth(day);
    months.set(day, month);
  }
  return month;
};

const centreCodes = new WeakMap<Allocator, string[][]>();
const codesOf = (allocator: Allocator): string[][] => {
  let codes = centreCodes.get(allocator);
  if (!codes) {
    codes = allocator.assignments.map((assignment) => assignment.splits.map((split) => split.costCenterCode));
    centreCodes.set(allocator, codes);
  }
  return codes;
};

const LICENCE = 1;
const REFERENCE = 2;
const SERVICE = 4;

/** Per dictionary entry of a block, which kinds of key it is a changed key of; null when none. */
const changedEntries = (block: LineBlock, keys: readonly AssignmentKey[]): Uint8Array | null => {
  const wanted = new Map<string, number>();
  for (const { kind, key } of keys) {
    const bit = kind === 'frankingLicence' ? LICENCE : kind === 'invoiceReference' ? REFERENCE : SERVICE;
    wanted.set(key, (wanted.get(key) ?? 0) | bit);
  }
  const flags = new Uint8Array(block.dict.length);
  let any = false;
  for (let index = 0; index < block.dict.length; index += 1) {
    const bits = wanted.get(block.dict[index] ?? '');
    if (bits !== undefined) {
      flags[index] = bits;
      any = true;
    }
  }
  return any ? flags : null;
};

/**
 * Adds (sign 1) or takes back (sign -1) the allocated parts of a block's lines into `delta`; with
 * `only`, just the lines that carry one of those keys (in the column of its kind). Returns how many
 * lines it allocated.
 */
export const addBlockAllocation = (
  delta: AllocatedDelta,
  block: LineBlock,
  allocator: Allocator,
  sign: 1 | -1,
  only?: readonly AssignmentKey[],
): number => {
  const flags = only ? changedEntries(block, only) : null;
  if (only && !flags) return 0;
  const { dict } = block;
  const codes = codesOf(allocator);
  const out = allocator.createBuffer();
  let allocated = 0;
  for (let i = 0; i < block.count; i += 1) {
    const licence = block.frankingLicence[i] ?? 0;
    const reference = block.invoiceReference[i] ?? 0;
    const service = block.serviceCode[i] ?? 0;
    if (
      flags &&
      (((flags[licence] ?? 0) & LICENCE) |
        ((flags[reference] ?? 0) & REFERENCE) |
        ((flags[service] ?? 0) & SERVICE)) ===
        0
    )
      continue;
    allocated += 1;
    const serviceCode = dict[service] ?? '';
    const day = block.serviceDay[i] ?? 0;
    allocator.allocate(
      dict[licence] ?? '',
      dict[reference] ?? '',
      serviceCode,
      day,
      block.netCentimes[i] ?? 0,
      block.vatCentimes[i] ?? 0,
      out,
    );
    const month = monthOf(day);
    const centres = out.assignment === -1 ? undefined : codes[out.assignment];
    for (let part = 0; part < out.count; part += 1) {
      const costCenterCode = centres?.[part] ?? UNASSIGNED;
      const key = deltaKey(month, costCenterCode, serviceCode);
      let row = delta.get(key);
      if (!row) {
        row = { month, costCenterCode, serviceCode, shares: 0, netCentimes: 0, vatCentimes: 0 };
        delta.set(key, row);
      }
      row.shares += sign;
      row.netCentimes += sign * (out.net[part] ?? 0);
      row.vatCentimes += sign * (out.vat[part] ?? 0);
    }
  }
  return allocated;
};

/**
 * Adds a delta onto the stored rows (`stored[i]` is the row of the delta's i-th entry, if any).
 * A row left with no shares holds nothing (its sums are then exactly zero) and is removed.
 */
export const mergeAllocated = (
  changes: readonly AllocatedRollupRow[],
  stored: ReadonlyArray<AllocatedRollupRow | undefined>,
): { put: AllocatedRollupRow[]; remove: AllocatedRollupKey[] } => {
  const put: AllocatedRollupRow[] = [];
  const remove: AllocatedRollupKey[] = [];
  changes.forEach((change, i) => {
    if (change.shares === 0 && change.netCentimes === 0 && change.vatCentimes === 0) return;
    const base = stored[i];
    const merged: AllocatedRollupRow = base
      ? {
          ...base,
          shares: base.shares + change.shares,
          netCentimes: base.netCentimes + change.netCentimes,
          vatCentimes: base.vatCentimes + change.vatCentimes,
        }
      : change;
    if (merged.shares === 0) remove.push(allocatedRowKey(merged));
    else put.push(merged);
  });
  return { put, remove };
};

const sameCharge = (a: Assignment, b: Assignment): boolean =>
  a.kind === b.kind &&
  a.key === b.key &&
  (a.validFrom ?? null) === (b.validFrom ?? null) &&
  (a.validTo ?? null) === (b.validTo ?? null) &&
  a.splits.length === b.splits.length &&
  a.splits.every((split, i) => {
    const other = b.splits[i];
    return split.costCenterCode === other?.costCenterCode && split.percent === other.percent;
  });

/**
 * The keys whose lines may be charged differently after the assignments went from `before` to
 * `after`: those of every assignment created, deleted or changed in what it charges (an edit that
 * moves an assignment to another key affects both keys).
 */
export const changedAssignmentKeys = (
  before: readonly Assignment[],
  after: readonly Assignment[],
): AssignmentKey[] => {
  const old = new Map(before.map((assignment) => [assignment.id, assignment]));
  const current = new Map(after.map((assignment) => [assignment.id, assignment]));
  const keys = new Map<string, AssignmentKey>();
  const add = (assignment: Assignment) =>
    keys.set(`${assignment.kind}\u0001${assignment.key}`, { kind: assignment.kind, key: assignment.key });
  for (const [id, assignment] of old) {
    const now = current.get(id);
    if (!now || !sameCharge(assignment, now)) {
      add(assignment);
      if (now) add(now);
    }
  }
  for (const [id, assignment] of current) if (!old.has(id)) add(assignment);
  return [...keys.values()];
};
