import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLanguage } from '../../../ui/useLanguage';
import { editFailureText } from '../assignmentText';
import { useAssignmentEdits, type ChangeLabel } from '../edits';
import { useCostCenters } from '../queries';
import { announce } from './announce';
import './split.css';

/** A batch's label in words: "split 12345", "assign 3 keys to 2100". */
export const labelText = (t: TFunction, label: ChangeLabel): string => {
  switch (label.action) {
    case 'assign':
      return t('assignmentChanges.labels.assign', { count: label.count, centre: label.costCenterCode });
    case 'split':
      return t('assignmentChanges.labels.split', { key: label.key });
    case 'remove':
      return t('assignmentChanges.labels.remove', { count: label.count });
    case 'import':
      return t('assignmentChanges.labels.import', { fileName: label.fileName });
  }
};

/** Undo and redo of the assignment batches (the board has its own; this serves where it is not). */
export const HistoryButtons = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const edits = useAssignmentEdits();
  const centers = useCostCenters();
  const [failure, setFailure] = useState<string | null>(null);
  const run = (step: () => Promise<ChangeLabel | null>, done: 'undone' | 'redone') => {
    setFailure(null);
    step().then(
      (label) => {
        if (label) announce(t(`assignmentChanges.${done}`, { action: labelText(t, label) }));
      },
      (error: unknown) =>
        setFailure(
          editFailureText(
            t,
            language,
            error,
            new Map((centers?.rows ?? []).map((center) => [center.code, center])),
          ),
        ),
    );
  };
  return (
    <div className="split-history">
      <button
        type="button"
        className="secondary"
        disabled={!edits.undoLabel}
        onClick={() => run(edits.undo, 'undone')}
      >
        {edits.undoLabel
          ? t('assignmentChanges.undoAction', { action: labelText(t, edits.undoLabel) })
          : t('assignmentChanges.undo')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={!edits.redoLabel}
        onClick={() => run(edits.redo, 'redone')}
      >
        {edits.redoLabel
          ? t('assignmentChanges.redoAction', { action: labelText(t, edits.redoLabel) })
          : t('assignmentChanges.redo')}
      </button>
      {failure && (
        <p role="alert" className="split-error">
          {failure}
        </p>
      )}
    </div>
  );
};
