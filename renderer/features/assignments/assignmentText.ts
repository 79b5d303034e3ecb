import type { TFunction } from 'i18next';
import type { Assignment, AssignmentInput, CostCenter } from '../../../shared/api/schemas';
import type { AssignmentProblem } from '../../../shared/allocation/assignmentForm';
import { MAX_SPLITS } from '../../../shared/allocation/assignmentForm';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import { AssignmentEditError } from '../../../shared/allocation/editErrors';
import { formatDate } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';

// How assignments read in words, in the clerk's language: one place for the board, the split
// dialog, the impact and the import, so a period or a split reads the same everywhere.

/** "2100 Sales" for a known centre, the code alone otherwise, "Not charged" for the bucket. */
export const centreName = (t: TFunction, code: string, centers: ReadonlyMap<string, CostCenter>): string => {
  if (code === UNASSIGNED) return t('assignmentChanges.notCharged');
  const center = centers.get(code);
  return center ? t('assignmentChanges.centre', { code, name: center.name }) : code;
};

/** "from 15.03.2026", "01.01.2026 – 31.03.2026", "without limit". */
export const periodText = (
  t: TFunction,
  language: Language,
  assignment: Pick<AssignmentInput, 'validFrom' | 'validTo'>,
): string => {
  const from = assignment.validFrom ? formatDate(assignment.validFrom, language) : null;
  const to = assignment.validTo ? formatDate(assignment.validTo, language) : null;
  if (from && to) return t('assignmentChanges.period.between', { from, to });
  if (from) return t('assignmentChanges.period.from', { from });
  if (to) return t('assignmentChanges.period.until', { to });
  return t('assignmentChanges.period.open');
};

/** "2100 Sales 70 %, 3100 Operations 30 %". */
export const splitsText = (
  t: TFunction,
  assignment: Pick<AssignmentInput, 'splits'>,
  centers: ReadonlyMap<string, CostCenter>,
): string =>
  assignment.splits
    .map((split) =>
      t('assignmentChanges.splitPart', {
        centre: centreName(t, split.costCenterCode, centers),
        percent: split.percent,
      }),
    )
    .join(', ');

/** One problem of the split checks, as the field it names would say it. */
export const problemText = (
  t: TFunction,
  language: Language,
  problem: AssignmentProblem,
  centers: ReadonlyMap<string, CostCenter>,
): string => {
  switch (problem.code) {
    case 'tooManySplits':
      return t('assignmentChanges.problems.tooManySplits', { max: MAX_SPLITS });
    case 'sumNot100':
      return t('assignmentChanges.problems.sumNot100', { sum: problem.sum });
    case 'overlaps':
      return t('assignmentChanges.problems.overlaps', {
        splits: splitsText(t, problem.other, centers),
        period: periodText(t, language, problem.other),
      });
    default:
      return t(`assignmentChanges.problems.${problem.code}`);
  }
};

/** What a refused or failed write tells the clerk; the write changed nothing in every case. */
export const editFailureText = (
  t: TFunction,
  language: Language,
  error: unknown,
  centers: ReadonlyMap<string, CostCenter>,
): string => {
  if (!(error instanceof AssignmentEditError)) return t('assignmentChanges.errors.failed');
  if (error.code !== 'invalid') return t(`assignmentChanges.errors.${error.code}`);
  const first = error.problems[0];
  return first
    ? t('assignmentChanges.errors.invalid', { reason: problemText(t, language, first, centers) })
    : t('assignmentChanges.errors.invalidUnknown');
};

/** The assignments of one key, earliest period first (an open start first of all). */
export const assignmentsOfKey = (
  assignments: readonly Assignment[],
  kind: Assignment['kind'],
  key: string,
): Assignment[] =>
  assignments
    .filter((assignment) => assignment.kind === kind && assignment.key === key)
    .sort((a, b) => ((a.validFrom ?? '') < (b.validFrom ?? '') ? -1 : 1));
