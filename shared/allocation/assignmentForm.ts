import type { Assignment, AssignmentInput, CostCenter } from '../api/schemas';

/**
 * The checks of the split dialog, before anything is written: what the operator would refuse (400,
 * 409) and what a clerk would regret (an inactive cost centre). Each problem names the field it is
 * about, so the dialog shows it there; the operator's own 409 stays the last word.
 */

export type AssignmentProblem =
  | { field: 'splits'; code: 'noSplits' | 'tooManySplits' | 'sumNot100'; sum: number }
  | { field: `splits.${number}.percent`; code: 'percentNotWhole' | 'percentOutOfRange' }
  | { field: `splits.${number}.costCenterCode`; code: 'unknownCenter' | 'inactiveCenter' | 'repeatedCenter' }
  | { field: 'validTo'; code: 'validityReversed' }
  /** Another assignment of the same kind and key is valid on some of the same days (the operator's 409). */
  | { field: 'validFrom'; code: 'overlaps'; other: Assignment };

export const MAX_SPLITS = 10;

/** A day as a number for comparison; an open bound is minus or plus infinity. */
const lower = (day: string | null | undefined) => (day ? Date.parse(`${day}T00:00:00Z`) : -Infinity);
const upper = (day: string | null | undefined) => (day ? Date.parse(`${day}T00:00:00Z`) : Infinity);

/** Whether two inclusive validity periods share a day. */
export const periodsOverlap = (
  a: Pick<AssignmentInput, 'validFrom' | 'validTo'>,
  b: Pick<AssignmentInput, 'validFrom' | 'validTo'>,
): boolean => lower(a.validFrom) <= upper(b.validTo) && lower(b.validFrom) <= upper(a.validTo);

/**
 * Every problem of an assignment about to be created or changed (`id` of the one being changed, so
 * it does not overlap itself); an empty list means the operator should accept it.
 */
export const checkAssignment = (
  input: AssignmentInput,
  context: { id?: string; centers: readonly CostCenter[]; assignments: readonly Assignment[] },
): AssignmentProblem[] => {
  const problems: AssignmentProblem[] = [];
  const sum = input.splits.reduce((total, split) => total + split.percent, 0);
  if (input.splits.length === 0) problems.push({ field: 'splits', code: 'noSplits', sum });
  else if (input.splits.length > MAX_SPLITS) problems.push({ field: 'splits', code: 'tooManySplits', sum });
  const centers = new Map(context.centers.map((center) => [center.code, center]));
  const seen = new Set<string>();
  input.splits.forEach((split, index) => {
    if (!Number.isInteger(split.percent))
      problems.push({ field: `splits.${index}.percent`, code: 'percentNotWhole' });
    else if (split.percent < 1 || split.percent > 100)
      problems.push({ field: `splits.${index}.percent`, code: 'percentOutOfRange' });
    const center = centers.get(split.costCenterCode);
    const field = `splits.${index}.costCenterCode` as const;
    if (seen.has(split.costCenterCode)) problems.push({ field, code: 'repeatedCenter' });
    else if (!center) problems.push({ field, code: 'unknownCenter' });
    else if (!center.active) problems.push({ field, code: 'inactiveCenter' });
    seen.add(split.costCenterCode);
  });
  if (input.splits.length > 0 && sum !== 100) problems.push({ field: 'splits', code: 'sumNot100', sum });
  if (lower(input.validFrom) > upper(input.validTo))
    problems.push({ field: 'validTo', code: 'validityReversed' });
  const overlapping = context.assignments.find(
    (other) =>
      other.id !== context.id &&
      other.kind === input.kind &&
      other.key === input.key &&
      periodsOverlap(other, input),
  );
  if (overlapping) problems.push({ field: 'validFrom', code: 'overlaps', other: overlapping });
  return problems;
};
