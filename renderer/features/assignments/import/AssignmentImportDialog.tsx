import { useId, useMemo, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Assignment, CostCenter } from '../../../../shared/api/schemas';
import { AssignmentEditError } from '../../../../shared/allocation/editErrors';
import {
  ASSIGNMENT_FILE_FIELDS,
  type AssignmentFileReading,
} from '../../../../shared/assignmentImport/contract';
import {
  importChanges,
  planAssignmentImport,
  type PlanStatus,
} from '../../../../shared/assignmentImport/plan';
import { columnLetter } from '../../../../shared/costCenters/readFile';
import { newAssignmentId } from '../../../db/assignmentEdits';
import { FailureNotice, useFailureReason } from '../../../ui/FailureNotice';
import { useLanguage } from '../../../ui/useLanguage';
import { editFailureText } from '../assignmentText';
import { useAssignmentEdits } from '../edits';
import { ImpactPreview } from '../ImpactPreview';
import type { ImportSession } from './AssignmentImport';
import { AssignmentImportPreview, rowsText } from './AssignmentImportPreview';

/** What an applied import leaves for its notice and its undo. */
export interface AppliedImport {
  fileName: string;
  created: number;
  replaced: number;
  /** The assignments it wrote: undo is offered while each one's entry still waits in the outbox. */
  ids: string[];
}

interface DialogProps {
  session: Exclude<ImportSession, { phase: 'idle' }>;
  assignments: readonly Assignment[];
  centers: readonly CostCenter[];
  onApplied: (applied: AppliedImport) => void;
  onClose: () => void;
}

export const AssignmentImportDialog = (props: DialogProps) => {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <ModalOverlay
      className="asg-import__overlay"
      isOpen
      isDismissable={false}
      isKeyboardDismissDisabled={false}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
    >
      <Modal className="asg-import__modal">
        <Dialog className="asg-import__dialog" aria-labelledby={titleId}>
          <Heading slot="title" id={titleId}>
            {t('assignmentImport.dialogTitle')}
          </Heading>
          <DialogBody {...props} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
};

const DialogBody = ({ session, assignments, centers, onApplied, onClose }: DialogProps) => {
  const { t } = useTranslation();
  const reason = useFailureReason();
  if (session.phase === 'reading') {
    return (
      <>
        <p role="status">{t('assignmentImport.reading', { fileName: session.fileName })}</p>
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('assignmentImport.cancel')}
          </button>
        </div>
      </>
    );
  }
  if (session.phase === 'failed') {
    return (
      <>
        {session.failure ? (
          <p role="alert" className="notice notice--error">
            {t(`assignmentImport.file.${session.failure.messageKey}`, { file: session.fileName })}
          </p>
        ) : (
          <p>
            <FailureNotice
              error={session.error}
              text={`${t('assignmentImport.readFailed', { fileName: session.fileName })} ${reason(session.error)}`}
              area="assignment import"
            />
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose} autoFocus>
            {t('assignmentImport.close')}
          </button>
        </div>
      </>
    );
  }
  return (
    <ReadingBody
      reading={session.reading}
      sha256={session.sha256}
      assignments={assignments}
      centers={centers}
      onApplied={onApplied}
      onClose={onClose}
    />
  );
};

const STATUSES: readonly PlanStatus[] = ['create', 'replace', 'unchanged', 'error'];

interface ReadingBodyProps {
  reading: AssignmentFileReading;
  sha256: string;
  assignments: readonly Assignment[];
  centers: readonly CostCenter[];
  onApplied: (applied: AppliedImport) => void;
  onClose: () => void;
}

const ReadingBody = ({ reading, sha256, assignments, centers, onApplied, onClose }: ReadingBodyProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const edits = useAssignmentEdits();
  const [validOnly, setValidOnly] = useState(false);
  const [applying, setApplying] = useState(false);
  const [failed, setFailed] = useState<{ error: unknown; text: string } | null>(null);
  const plan = useMemo(
    () => planAssignmentImport(reading, { assignments, centers, newId: newAssignmentId }),
    [reading, assignments, centers],
  );
  const chosen = useMemo(() => importChanges(plan, { validOnly }), [plan, validOnly]);
  const changes = chosen.ok && chosen.changes.length > 0 ? chosen.changes : null;
  const centerMap = useMemo(() => new Map(centers.map((center) => [center.code, center])), [centers]);
  const canApply = changes !== null && !applying;

  const format =
    reading.format === 'csv' && reading.csv
      ? t('assignmentImport.formats.csv', {
          encoding: reading.csv.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
          separator: t(
            `assignmentImport.separators.${reading.csv.separator === ',' ? 'comma' : reading.csv.separator === ';' ? 'semicolon' : 'tab'}`,
          ),
        })
      : t(`assignmentImport.formats.${reading.format}`);
  const columnsRead = ASSIGNMENT_FILE_FIELDS.flatMap((field) => {
    const column = reading.mapping[field];
    return column === undefined
      ? []
      : [
          t('assignmentImport.columnOf', {
            field: t(`assignmentImport.fields.${field}`),
            column: columnLetter(column),
          }),
        ];
  }).join(', ');

  const apply = async () => {
    if (changes === null) return;
    setApplying(true);
    setFailed(null);
    try {
      await edits.apply(changes, { action: 'import', fileName: reading.fileName, sha256 });
      onApplied({
        fileName: reading.fileName,
        created: plan.items.filter((item) => item.status === 'create').length,
        replaced: plan.items.filter((item) => item.status === 'replace').length,
        ids: changes.map((change) => change.id),
      });
    } catch (error) {
      // The write refused the batch as a whole (nothing written): name the rows of the change it refused.
      const text = editFailureText(t, language, error, centerMap);
      const change = error instanceof AssignmentEditError ? changes[error.index] : undefined;
      const item = change ? plan.items.find((candidate) => candidate.id === change.id) : undefined;
      setFailed({
        error,
        text: item
          ? t('assignmentImport.applyFailedAt', { rows: rowsText(t, item.rows), reason: text })
          : text,
      });
      setApplying(false);
    }
  };

  return (
    <div className="asg-import__body" aria-busy={applying}>
      <dl className="asg-import__facts">
        <div>
          <dt>{t('assignmentImport.fileLabel')}</dt>
          <dd>{reading.fileName}</dd>
        </div>
        <div>
          <dt>{t('assignmentImport.formatLabel')}</dt>
          <dd>{format}</dd>
        </div>
        {reading.sheetName !== null && (
          <div>
            <dt>{t('assignmentImport.sheetLabel')}</dt>
            <dd>{reading.sheetName}</dd>
          </div>
        )}
        <div>
          <dt>{t('assignmentImport.headerRowLabel')}</dt>
          <dd>{reading.headerRow}</dd>
        </div>
        <div>
          <dt>{t('assignmentImport.columnsLabel')}</dt>
          <dd>{columnsRead}</dd>
        </div>
      </dl>
      <p className="hint asg-import__rule">{t('assignmentImport.rule')}</p>

      <section aria-labelledby={`${id}-summary`} className="asg-import__summary">
        <h3 id={`${id}-summary`}>{t('assignmentImport.summaryTitle')}</h3>
        <ul role="list">
          {STATUSES.map((status) => (
            <li key={status} className={`asg-import__count asg-import__count--${status}`}>
              <span className="asg-import__count-value">{plan.counts[status]}</span>{' '}
              {t(`assignmentImport.summaryCount.${status}`, { count: plan.counts[status] })}
            </li>
          ))}
        </ul>
      </section>

      <AssignmentImportPreview plan={plan} centers={centerMap} />

      {plan.counts.error > 0 && (
        <label className="asg-import__check">
          <input
            type="checkbox"
            checked={validOnly}
            onChange={(event) => setValidOnly(event.target.checked)}
          />
          {t('assignmentImport.validOnly', { count: plan.counts.error })}
        </label>
      )}
      {!chosen.ok && <p className="notice notice--warning">{t('assignmentImport.blockedByErrors')}</p>}
      {chosen.ok && chosen.changes.length === 0 && (
        <p className="notice notice--ok">{t('assignmentImport.nothingToApply')}</p>
      )}

      <ImpactPreview changes={changes} centers={centerMap} />

      {failed !== null && (
        <p>
          <FailureNotice error={failed.error} text={failed.text} area="assignment import" />
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={!canApply} onClick={() => void apply()}>
          {applying ? t('assignmentImport.applying') : t('assignmentImport.apply')}
        </button>
        <button type="button" className="secondary" onClick={onClose} disabled={applying}>
          {t('assignmentImport.cancel')}
        </button>
      </div>
    </div>
  );
};
