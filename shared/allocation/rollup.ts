import type { Assignment, KeyKind } from '../api/schemas';
import { dayToMonth } from '../core/dates';
import type { LineBlock } from '../lines/block';
import type { Allocator, PartsBuffer } from './allocator';
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

/** Where one (licence, reference, service, day) is charged: the assignment and, per part, its row. */
interface Charge {
  assignment: number;
  rows: AllocatedRollupRow[];
}

/**
 * The charge of a block's line, cached per combination of keys and day: lines of one key share a
 * handful of those, so the match and the row lookups are done once per combination, not per line.
 */
const chargesOf = (delta: AllocatedDelta, block: LineBlock, allocator: Allocator) => {
  const codes = codesOf(allocator);
  const cache = new Map<number, Map<number, Charge>>();
  const { dict } = block;
  return (licence: number, reference: number, service: number, day: number): Charge => {
    // Dictionary indexes are below 2^16 (a block holds at most 5,000 lines): the sum is exact.
    const combination = (licence * 65_536 + reference) * 65_536 + service;
    let byDay = cache.get(combination);
    if (!byDay) {
      byDay = new Map();
      cache.set(combination, byDay);
    }
    let charge = byDay.get(day);
    if (!charge) {
      const serviceCode = dict[service] ?? '';
      const assignment = allocator.match(dict[licence] ?? '', dict[reference] ?? '', serviceCode, day);
      const month = monthOf(day);
      const centres = assignment === -1 ? [UNASSIGNED] : (codes[assignment] ?? [UNASSIGNED]);
      const rows = centres.map((costCenterCode) => {
        const key = deltaKey(month, costCenterCode, serviceCode);
        let row = delta.get(key);
        if (!row) {
          row = { month, costCenterCode, serviceCode, shares: 0, netCentimes: 0, vatCentimes: 0 };
          delta.set(key, row);
        }
        return row;
      });
      charge = { assignment, rows };
      byDay.set(day, charge);
    }
    return charge;
  };
};

const addParts = (charge: Charge, out: PartsBuffer, sign: 1 | -1) => {
  for (let part = 0; part < out.count; part += 1) {
    const row = charge.rows[part];
    if (!row) continue;
    row.shares += sign;
    row.netCentimes += sign * (out.net[part] ?? 0);
    row.vatCentimes += sign * (out.vat[part] ?? 0);
  }
};

/** Whether line `i` carries one of the changed keys (each in the column of its kind). */
const carries = (flags: Uint8Array, block: LineBlock, i: number): boolean =>
  (((flags[block.frankingLicence[i] ?? 0] ?? 0) & LICENCE) |
    ((flags[block.invoiceReference[i] ?? 0] ?? 0) & REFERENCE) |
    ((flags[block.serviceCode[i] ?? 0] ?? 0) & SERVICE)) !==
  0;

/**
 * Adds (sign 1) or takes back (sign -1) the allocated parts of a block's lines into `delta`.
 * Returns how many lines it allocated.
 */
export const addBlockAllocation = (
  delta: AllocatedDelta,
  block: LineBlock,
  allocator: Allocator,
  sign: 1 | -1,
): number => {
  const chargeOf = chargesOf(delta, block, allocator);
  const out = allocator.createBuffer();
  for (let i = 0; i < block.count; i += 1) {
    const charge = chargeOf(
      block.frankingLicence[i] ?? 0,
      block.invoiceReference[i] ?? 0,
      block.serviceCode[i] ?? 0,
      block.serviceDay[i] ?? 0,
    );
    allocator.split(charge.assignment, block.netCentimes[i] ?? 0, block.vatCentimes[i] ?? 0, out);
    addParts(charge, out, sign);
  }
  return block.count;
};

/**
 * The change of re-allocating a block's lines that carry one of `keys`, from `before` to `after`:
 * their old parts taken back, their new parts added. A line whose charge is the same under both
 * (same assignment content, or unassigned both times) is left alone. Returns how many lines carry
 * a key.
 */
export const addBlockReallocation = (
  delta: AllocatedDelta,
  block: LineBlock,
  before: Allocator,
  after: Allocator,
  keys: readonly AssignmentKey[],
): number => {
  const flags = changedEntries(block, keys);
  if (!flags) return 0;
  const oldCharge = chargesOf(delta, block, before);
  const newCharge = chargesOf(delta, block, after);
  const out = before.createBuffer();
  const outAfter = after.createBuffer();
  let carrying = 0;
  for (let i = 0; i < block.count; i += 1) {
    if (!carries(flags, block, i)) continue;
    carrying += 1;
    const licence = block.frankingLicence[i] ?? 0;
    const reference = block.invoiceReference[i] ?? 0;
    const service = block.serviceCode[i] ?? 0;
    const day = block.serviceDay[i] ?? 0;
    const old = oldCharge(licence, reference, service, day);
    const now = newCharge(licence, reference, service, day);
    if (sameParts(before, old.assignment, after, now.assignment)) continue;
    const net = block.netCentimes[i] ?? 0;
    const vat = block.vatCentimes[i] ?? 0;
    before.split(old.assignment, net, vat, out);
    addParts(old, out, -1);
    after.split(now.assignment, net, vat, outAfter);
    addParts(now, outAfter, 1);
  }
  return carrying;
};

const sameParts = (before: Allocator, old: number, after: Allocator, now: number): boolean => {
  if (old === -1 || now === -1) return old === now;
  const a = before.assignments[old];
  const b = after.assignments[now];
  return a !== undefined && b !== undefined && a.id === b.id && sameCharge(a, b);
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
