import type { TFunction } from 'i18next';
import type { CostCenter } from '../../../shared/api/schemas';
import type { KeyRow } from '../../../shared/allocation/board';
import type { Language } from '../../../shared/i18n/languages';
import { centreName, periodText, splitsText } from './assignmentText';
import type { ChangeLabel } from './edits';

// The board's words for what it shows and does, beside the shared ones of assignmentText.ts.

/** A batch's label in words, for the undo and redo buttons and the announcements. */
export const changeLabelText = (
  t: TFunction,
  label: ChangeLabel,
  centers: ReadonlyMap<string, CostCenter>,
): string => {
  switch (label.action) {
    case 'assign':
      return t('assignmentChanges.labels.assign', {
        count: label.count,
        centre: centreName(t, label.costCenterCode, centers),
      });
    case 'split':
      return t('assignmentChanges.labels.split', { key: label.key });
    case 'remove':
      return t('assignmentChanges.labels.remove', { count: label.count });
    case 'import':
      return t('assignmentChanges.labels.import', { fileName: label.fileName });
  }
};

/** A key's assignment in a few words: none, the one with its period, or how many periods and today's. */
export const keyAssignmentText = (
  t: TFunction,
  language: Language,
  row: Pick<KeyRow, 'assignments' | 'current'>,
  centers: ReadonlyMap<string, CostCenter>,
): string => {
  const [only, ...others] = row.assignments;
  if (only === undefined) return t('assignmentBoard.notAssigned');
  if (others.length === 0)
    return t('assignmentBoard.assignmentText', {
      splits: splitsText(t, only, centers),
      period: periodText(t, language, only),
    });
  const count = row.assignments.length;
  return row.current
    ? t('assignmentBoard.periodsToday', { count, splits: splitsText(t, row.current, centers) })
    : t('assignmentBoard.periodsNone', { count });
};
