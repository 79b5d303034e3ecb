import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostCenter } from '../../../shared/api/schemas';
import type { DropPlan } from '../../../shared/allocation/board';
import { ModalDialog } from '../../ui/ModalDialog';
import { useLanguage } from '../../ui/useLanguage';
import { centreName, editFailureText } from './assignmentText';
import { ImpactPreview } from './ImpactPreview';

interface ConfirmDropDialogProps {
  plan: DropPlan;
  costCenterCode: string;
  centers: ReadonlyMap<string, CostCenter>;
  /** Writes the plan; rejects (nothing written) when it is refused. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/**
 * Before a drop is written: what it does in words, which keys it leaves alone and why, and what
 * moves per month over the stored history. Confirm writes it as one batch; a refusal stays in the
 * dialog, in words.
 */
export const ConfirmDropDialog = ({
  plan,
  costCenterCode,
  centers,
  onConfirm,
  onClose,
}: ConfirmDropDialogProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const [failure, setFailure] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const centre = centreName(t, costCenterCode, centers);
  const count = plan.assigned.length;
  const nothing = plan.changes.length === 0;
  return (
    <ModalDialog
      title={
        nothing ? t('assignmentBoard.confirm.nothing') : t('assignmentBoard.confirm.title', { count, centre })
      }
      onClose={onClose}
      wide
    >
      {count > 0 && (
        <p className="board-confirm__keys">
          {t('assignmentBoard.confirm.keys')}: {plan.assigned.map((key) => key.key).join(', ')}
        </p>
      )}
      {plan.unchanged.length > 0 && (
        <p className="notice">{t('assignmentBoard.confirm.unchanged', { count: plan.unchanged.length })}</p>
      )}
      {plan.severalPeriods.length > 0 && (
        <p className="notice notice--warning">
          {t('assignmentBoard.confirm.severalPeriods', {
            count: plan.severalPeriods.length,
            keys: plan.severalPeriods.map((key) => key.key).join(', '),
          })}
        </p>
      )}
      {!nothing && <ImpactPreview changes={plan.changes} centers={centers} />}
      {failure !== null && (
        <p role="alert" className="notice notice--error">
          {editFailureText(t, language, failure, centers)}
        </p>
      )}
      <div className="board-dialog__buttons">
        {!nothing && (
          <button
            type="button"
            data-autofocus
            disabled={working}
            onClick={() => {
              setWorking(true);
              setFailure(null);
              onConfirm().then(
                () => setWorking(false),
                (error: unknown) => {
                  setWorking(false);
                  setFailure(error);
                },
              );
            }}
          >
            {working ? t('assignmentBoard.confirm.working') : t('assignmentBoard.confirm.confirm')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          data-autofocus={nothing ? true : undefined}
          onClick={onClose}
        >
          {nothing ? t('assignmentBoard.confirm.close') : t('assignmentBoard.confirm.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
};
