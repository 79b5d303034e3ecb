import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentInput } from '../../../../shared/api/schemas';
import { refusingAssignment } from '../../../../shared/allocation/splitForm';
import { useLanguage } from '../../../ui/useLanguage';
import { periodText, splitsText } from '../assignmentText';
import { useAssignments, useCostCenters } from '../queries';

interface RefusedOverlapProps {
  /** The refused assignment's id and what the clerk sent. */
  id: string;
  input: AssignmentInput;
  /** The operator's own (English) explanation: a hint to which assignment it means, never shown. */
  detail: string | undefined;
}

/**
 * Why the operator refused an assignment (409), in the clerk's words: the assignment of the same key
 * that already applies on some of the same days, with its splits and period, as stored now.
 */
export const RefusedOverlap = ({ id, input, detail }: RefusedOverlapProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const assignments = useAssignments();
  const centers = useCostCenters();
  const centerMap = useMemo(
    () => new Map((centers?.rows ?? []).map((center) => [center.code, center])),
    [centers],
  );
  const other = assignments ? refusingAssignment({ id, input }, assignments.rows, detail) : null;
  return (
    <span className="refused-overlap">
      {other
        ? t('assignmentSplit.refused.overlap', {
            splits: splitsText(t, other, centerMap),
            period: periodText(t, language, other),
          })
        : t('assignmentSplit.refused.overlapUnknown')}
    </span>
  );
};
