import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnomalyFlag } from '../../../shared/analytics/anomalies';
import { ModalDialog } from '../../ui/ModalDialog';
import { checkNote, DismissalError, NOTE_MAX_LENGTH, useDismissAnomaly } from './edits';
import { failureOf } from '../../ui/failures';

interface DismissDialogProps {
  flag: AnomalyFlag;
  /** The flag in words, repeated in the dialog so the clerk knows what they set aside. */
  description: string;
  onClose: () => void;
}

/** Asks for the note a dismissal keeps in the audit log; Escape or Cancel leaves the flag as it is. */
export const DismissDialog = ({ flag, description, onClose }: DismissDialogProps) => {
  const { t } = useTranslation();
  const dismiss = useDismissAnomaly();
  const id = useId();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const checked = checkNote(note);
    if (!checked.ok) {
      setProblem(t('alerts.anomalies.noteRequired'));
      return;
    }
    setSaving(true);
    dismiss(flag, note).then(onClose, (error: unknown) => {
      setSaving(false);
      setProblem(
        error instanceof DismissalError
          ? t('alerts.anomalies.noteRequired')
          : t('alerts.anomalies.failed', { reason: t(failureOf(error).key) }),
      );
    });
  };

  return (
    <ModalDialog title={t('alerts.anomalies.dismissTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>{description}</p>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('alerts.anomalies.note')}</label>
          <textarea
            id={`${id}-note`}
            data-autofocus
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            value={note}
            aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ''}`}
            aria-invalid={problem !== null}
            onChange={(event) => setNote(event.target.value)}
          />
          <p className="hint" id={`${id}-help`}>
            {t('alerts.anomalies.noteHelp')}
          </p>
          {problem !== null && (
            <p role="alert" className="notice notice--error" id={`${id}-problem`}>
              {problem}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" disabled={saving}>
            {t('alerts.anomalies.confirm')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('alerts.anomalies.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
};
