import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../shared/api/schemas';
import type { CenterRow } from '../../../shared/costCenters/centerList';
import type { Names } from '../designations';
import { ModalDialog } from '../../ui/ModalDialog';
import { useEditFailure } from './useEditFailure';

interface DeleteDialogProps {
  center: CenterRow;
  /** The assignments charging this code: when there are any, it cannot be deleted. */
  usedBy: readonly Assignment[];
  names: Names;
  onDelete: () => Promise<void>;
  onDeactivate: () => Promise<void>;
  onClose: () => void;
}

/** Confirms a deletion, or says why a cost centre in use cannot be deleted and offers to deactivate it. */
export const DeleteDialog = ({
  center,
  usedBy,
  names,
  onDelete,
  onDeactivate,
  onClose,
}: DeleteDialogProps) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const { failure, setFailure, describe } = useEditFailure();
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    action().then(onClose, (error: unknown) => {
      setBusy(false);
      setFailure(error);
    });
  };
  const failureNotice = failure !== null && (
    <p role="alert" className="notice notice--error">
      {describe(failure)}
    </p>
  );

  if (usedBy.length > 0) {
    return (
      <ModalDialog title={t('costCenterPage.remove.inUseTitle', { code: center.code })} onClose={onClose}>
        <p>{t('costCenterPage.remove.inUse', { count: usedBy.length })}</p>
        <ul className="cc-uses">
          {usedBy.map((assignment) => {
            const name =
              assignment.kind === 'service'
                ? names.service(assignment.key)
                : names.designation(assignment.kind, assignment.key);
            return (
              <li key={assignment.id}>
                {t(`names.kinds.${assignment.kind}`)} {assignment.key}
                {name && name !== assignment.key && <span className="muted"> · {name}</span>}
              </li>
            );
          })}
        </ul>
        <p className="hint">{t('costCenterPage.remove.inUseHint')}</p>
        {failureNotice}
        <div className="actions">
          {center.active && (
            <button type="button" disabled={busy} onClick={() => run(onDeactivate)}>
              {t('costCenterPage.remove.deactivateInstead')}
            </button>
          )}
          <button type="button" className="secondary" data-autofocus onClick={onClose}>
            {t('costCenterPage.remove.close')}
          </button>
        </div>
      </ModalDialog>
    );
  }

  return (
    <ModalDialog title={t('costCenterPage.remove.title', { code: center.code })} onClose={onClose}>
      <p>{t('costCenterPage.remove.body', { code: center.code, name: center.name })}</p>
      {failureNotice}
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => run(onDelete)}>
          {t('costCenterPage.remove.confirm')}
        </button>
        <button type="button" className="secondary" data-autofocus onClick={onClose}>
          {t('costCenterPage.remove.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
};
