import type { Assignment, LineItem } from '../api/schemas';
import { isoToDay } from '../core/dates';
import { parseMoney } from '../core/money';
import { createAllocator, partCostCenter, type Allocator, type PartsBuffer } from './allocator';

export { createAllocator, partCostCenter, type Allocator, type PartsBuffer } from './allocator';
export { UNASSIGNED } from './assignments';

/** One share of a line: what one cost centre (or nobody) is charged, and by which assignment. */
export interface AllocationPart {
  /** null: no assignment charges the line. */
  costCenterCode: string | null;
  netCentimes: number;
  vatCentimes: number;
  /** The assignment that charged it; null when unassigned. */
  assignmentId: string | null;
  /** The split's percentage; 100 for an unassigned line. */
  percent: number;
}

/** What a buffer holds as parts, in the order of the assignment's splits. */
export const partsOf = (allocator: Allocator, out: PartsBuffer): AllocationPart[] => {
  const assignment = out.assignment === -1 ? undefined : allocator.assignments[out.assignment];
  const parts: AllocationPart[] = [];
  for (let i = 0; i < out.count; i += 1) {
    parts.push({
      costCenterCode: partCostCenter(allocator, out, i),
      netCentimes: out.net[i] ?? 0,
      vatCentimes: out.vat[i] ?? 0,
      assignmentId: assignment?.id ?? null,
      percent: assignment?.splits[i]?.percent ?? 100,
    });
  }
  return parts;
};

/**
 * A line's parts under the contract's rule (AssignmentInput): the most specific matching assignment
 * (franking licence over invoice reference over service, keys compared exactly, service date within
 * [validFrom, validTo]) splits net and VAT each by its percentages, rounded half away from zero to
 * the centime with the remainder on the first split; an unmatched line is one unassigned part. The
 * parts always add up to the line.
 */
export const allocateLine = (line: LineItem, assignments: readonly Assignment[]): AllocationPart[] => {
  const allocator = createAllocator(assignments);
  const out = allocator.createBuffer();
  allocator.allocate(
    line.frankingLicence,
    line.invoiceReference,
    line.serviceCode,
    isoToDay(line.serviceDate),
    parseMoney(line.netAmount),
    parseMoney(line.vatAmount),
    out,
  );
  return partsOf(allocator, out);
};
