import type { Assignment } from '../api/schemas';
import { isoToDay } from '../core/dates';
import { percentOfCentimes } from '../core/money';

/**
 * Which assignment charges a line: the contract's rule. An assignment matches a line whose licence,
 * reference or service equals its key and whose service date lies in [validFrom, validTo]; when
 * several match, the most specific kind wins: franking licence over invoice reference over service.
 * Overlapping validity for one kind and key is refused by the operator (409), so at most one of a
 * kind matches.
 */
/**
 * The one "no cost centre" value: lines no assignment charges, in filters and cost tables alike. No
 * cost centre code can take it (codes are printable), so it never collides with a real centre.
 */
export const UNASSIGNED = '\u0000unassigned';

export interface AssignmentMatcher {
  /** Index into the assignments given, or -1 when the line is unassigned. */
  match(line: {
    frankingLicence: string;
    invoiceReference: string;
    serviceCode: string;
    serviceDay: number;
  }): number;
  /** The same, with the keys as arguments: for loops over columnar lines, no object per line. */
  matchKeys: (
    frankingLicence: string,
    invoiceReference: string,
    serviceCode: string,
    serviceDay: number,
  ) => number;
}

interface Window {
  index: number;
  from: number;
  to: number;
}

type WindowsByKey = Map<string, Window[]>;

const findIn = (groups: WindowsByKey, key: string, day: number): number => {
  const windows = groups.get(key);
  if (!windows) return -1;
  for (const window of windows) if (day >= window.from && day <= window.to) return window.index;
  return -1;
};

/**
 * Assignments without splits cannot come from the contract (minItems 1) and could charge nothing:
 * they are left out, so every line is charged in full to some part.
 */
export const createAssignmentMatcher = (assignments: readonly Assignment[]): AssignmentMatcher => {
  // One map per kind: a lookup is a plain string key, not a key built per line.
  const licences: WindowsByKey = new Map();
  const references: WindowsByKey = new Map();
  const services: WindowsByKey = new Map();
  assignments.forEach((assignment, index) => {
    if (assignment.splits.length === 0) return;
    const groups =
      assignment.kind === 'frankingLicence'
        ? licences
        : assignment.kind === 'invoiceReference'
          ? references
          : services;
    const windows = groups.get(assignment.key) ?? [];
    windows.push({
      index,
      from: assignment.validFrom ? isoToDay(assignment.validFrom) : -Infinity,
      to: assignment.validTo ? isoToDay(assignment.validTo) : Infinity,
    });
    groups.set(assignment.key, windows);
  });
  const matchKeys = (
    frankingLicence: string,
    invoiceReference: string,
    serviceCode: string,
    serviceDay: number,
  ): number => {
    const byLicence = findIn(licences, frankingLicence, serviceDay);
    if (byLicence !== -1) return byLicence;
    const byReference = findIn(references, invoiceReference, serviceDay);
    if (byReference !== -1) return byReference;
    return findIn(services, serviceCode, serviceDay);
  };
  return {
    matchKeys,
    match: (line) =>
      matchKeys(line.frankingLicence, line.invoiceReference, line.serviceCode, line.serviceDay),
  };
};

/** Where split amounts are written: a plain array or a reused typed array. */
export interface CentimeSlots {
  [index: number]: number;
}

/**
 * Writes the split of `centimes` by whole percentages into `out[0..n)`: each part is amount x
 * percent / 100 rounded to the centime half away from zero, and the rounding remainder goes to the
 * first split, so the parts always add up to the amount. Returns the number of parts.
 */
export const splitInto = (centimes: number, percents: readonly number[], out: CentimeSlots): number => {
  let sum = 0;
  for (let i = 0; i < percents.length; i += 1) {
    const part = percentOfCentimes(centimes, percents[i] ?? 0);
    out[i] = part;
    sum += part;
  }
  if (percents.length > 0) out[0] = (out[0] ?? 0) + centimes - sum;
  return percents.length;
};

/** A line's amount split by whole percentages (see `splitInto`). */
export const splitCentimes = (centimes: number, percents: readonly number[]): number[] => {
  const parts = new Array<number>(percents.length).fill(0);
  splitInto(centimes, percents, parts);
  return parts;
};
