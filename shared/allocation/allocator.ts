import type { Assignment } from '../api/schemas';
import { createAssignmentMatcher, splitInto } from './assignments';

/**
 * The allocation rule compiled once for a set of assignments, for loops over many lines: no object
 * is made per line; the parts land in a reused buffer. `allocateLine` (index.ts) is the readable
 * entry over this same code, so the rule exists once.
 */
export interface PartsBuffer {
  /** How many parts the last line has (1 when unassigned). */
  count: number;
  /** Index of the assignment that charged the line in the allocator's list; -1: unassigned. */
  assignment: number;
  net: Float64Array;
  vat: Float64Array;
}

export interface Allocator {
  readonly assignments: readonly Assignment[];
  /** Index of the assignment that charges such a line, or -1. */
  match(frankingLicence: string, invoiceReference: string, serviceCode: string, serviceDay: number): number;
  /**
   * Splits net and VAT (centimes) as assignment `assignment` (an index, -1: unassigned) charges them,
   * into `out`. With `match`, what `allocate` does; loops that cache the match per key and day call
   * the two apart.
   */
  split(assignment: number, netCentimes: number, vatCentimes: number, out: PartsBuffer): void;
  /** Splits one line's net and VAT (centimes) into `out`. */
  allocate(
    frankingLicence: string,
    invoiceReference: string,
    serviceCode: string,
    serviceDay: number,
    netCentimes: number,
    vatCentimes: number,
    out: PartsBuffer,
  ): void;
  /** A buffer large enough for any line under these assignments. */
  createBuffer(): PartsBuffer;
}

export const createAllocator = (assignments: readonly Assignment[]): Allocator => {
  const matcher = createAssignmentMatcher(assignments);
  const percents = assignments.map((assignment) => assignment.splits.map((split) => split.percent));
  const widest = Math.max(1, ...percents.map((list) => list.length));
  const split = (won: number, netCentimes: number, vatCentimes: number, out: PartsBuffer): void => {
    out.assignment = won;
    const splits = won === -1 ? undefined : percents[won];
    if (!splits) {
      out.count = 1;
      out.net[0] = netCentimes;
      out.vat[0] = vatCentimes;
      return;
    }
    // Net and VAT are split each on their own, as the contract says: VAT is not recomputed per part.
    out.count = splitInto(netCentimes, splits, out.net);
    splitInto(vatCentimes, splits, out.vat);
  };
  return {
    assignments,
    match: matcher.matchKeys,
    split,
    allocate: (frankingLicence, invoiceReference, serviceCode, serviceDay, netCentimes, vatCentimes, out) => {
      split(
        matcher.matchKeys(frankingLicence, invoiceReference, serviceCode, serviceDay),
        netCentimes,
        vatCentimes,
        out,
      );
    },
    createBuffer: () => ({
      count: 0,
      assignment: -1,
      net: new Float64Array(widest),
      vat: new Float64Array(widest),
    }),
  };
};

/** The cost centre of part `i` of what `out` holds; null when the line is unassigned. */
export const partCostCenter = (allocator: Allocator, out: PartsBuffer, i: number): string | null =>
  out.assignment === -1 ? null : (allocator.assignments[out.assignment]?.splits[i]?.costCenterCode ?? null);
