import type { Assignment, KeyKind } from '../api/schemas';
import { isoToDay } from '../core/dates';

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
}

interface Window {
  index: number;
  from: number;
  to: number;
}

const byKindAndKey = (assignments: readonly Assignment[]): Map<string, Window[]> => {
  const groups = new Map<string, Window[]>();
  assignments.forEach((assignment, index) => {
    const key = `${assignment.kind}\u0000${assignment.key}`;
    const windows = groups.get(key) ?? [];
    windows.push({
      index,
      from: assignment.validFrom ? isoToDay(assignment.validFrom) : -Infinity,
      to: assignment.validTo ? isoToDay(assignment.validTo) : Infinity,
    });
    groups.set(key, windows);
  });
  return groups;
};

const specificity: readonly KeyKind[] = ['frankingLicence', 'invoiceReference', 'service'];

export const createAssignmentMatcher = (assignments: readonly Assignment[]): AssignmentMatcher => {
  const groups = byKindAndKey(assignments);
  const find = (kind: KeyKind, key: string, day: number): number => {
    const windows = groups.get(`${kind}\u0000${key}`);
    if (!windows) return -1;
    for (const window of windows) if (day >= window.from && day <= window.to) return window.index;
    return -1;
  };
  return {
    match: (line) => {
      for (const kind of specificity) {
        const key =
          kind === 'frankingLicence'
            ? line.frankingLicence
            : kind === 'invoiceReference'
              ? line.invoiceReference
              : line.serviceCode;
        const found = find(kind, key, line.serviceDay);
        if (found !== -1) return found;
      }
      return -1;
    },
  };
};

/**
 * A line's amount split by whole percentages, each part rounded to the centime half away from zero,
 * the rounding remainder going to the first split: the parts always add up to the amount.
 */
export const splitCentimes = (centimes: number, percents: readonly number[]): number[] => {
  const parts = percents.map((percent) => {
    const exact = (centimes * percent) / 100;
    return Math.sign(exact) * Math.round(Math.abs(exact));
  });
  const remainder = centimes - parts.reduce((sum, part) => sum + part, 0);
  if (parts.length > 0) parts[0] = (parts[0] ?? 0) + remainder;
  return parts;
};
