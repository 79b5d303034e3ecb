import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AssignmentFileFailure,
  AssignmentFileReading,
} from '../../../../shared/assignmentImport/contract';
import { openFileFormats } from '../../../../shared/ipc/openFile';
import { useImportUndoBlocker } from '../../../db/assignmentImport';
import { usePlatform } from '../../../platform/PlatformContext';
import { readPickedFile } from '../../../platform/readFile';
import { FailureNotice, useFailureReason } from '../../../ui/FailureNotice';
import { useLanguage } from '../../../ui/useLanguage';
import { useCostCenterFileClient } from '../../../workers/costCenterFile/useCostCenterFileClient';
import { editFailureText } from '../assignmentText';
import { useAssignmentEdits } from '../edits';
import { useAssignments, useCostCenters } from '../queries';
import { fileSha256 } from '../../../../shared/audit/fileHash';
import { AssignmentImportDialog, type AppliedImport } from './AssignmentImportDialog';
import './import.css';
import { usePageFileDrop } from '../../../ui/usePageFileDrop';
import { PageDropFrame } from '../../../ui/PageDropFrame';
import { useBusyWork } from '../../../platform/busyWork';

/** Where an import stands between choosing a file and "Apply". */
export type ImportSession =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'failed'; fileName: string; failure: AssignmentFileFailure | null; error: unknown }
  /** sha256: the file's, taken before its bytes went to the worker; the audit log names the import by it. */
  | { phase: 'ready'; reading: AssignmentFileReading; sha256: string };

type Outcome =
  | { kind: 'applied'; applied: AppliedImport }
  | { kind: 'undone'; fileName: string }
  | { kind: 'error'; error: unknown; text: string | null };

/**
 * The assignment import of the Assignments page: an "Import…" button (the platform's file picker)
 * and the whole page as a drop zone while it is shown. The dialog previews what the sheet would
 * create and replace, its problems and what moves per month; "Apply" writes it as ONE batch through
 * the assignment write layer, and the import can be undone while none of it has been pushed.
 */
export const AssignmentImport = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const platform = usePlatform();
  const reason = useFailureReason();
  const getClient = useCostCenterFileClient();
  const edits = useAssignmentEdits();
  const assignments = useAssignments();
  const centers = useCostCenters();
  const [session, setSession] = useState<ImportSession>({ phase: 'idle' });
  // An open import holds back the offer to restart for an update.
  useBusyWork(session.phase !== 'idle');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const generation = useRef(0);

  const open = useCallback(
    async (name: string, bytes: Uint8Array<ArrayBuffer>) => {
      const mine = ++generation.current;
      setOutcome((previous) => (previous?.kind === 'applied' ? previous : null));
      setSession({ phase: 'reading', fileName: name });
      const sha256 = fileSha256(bytes);
      try {
        const result = await getClient().readAssignments(bytes, name);
        if (mine !== generation.current) return;
        setSession(
          result.ok
            ? { phase: 'ready', reading: result, sha256 }
            : { phase: 'failed', fileName: name, failure: result, error: null },
        );
      } catch (error) {
        if (mine === generation.current)
          setSession({ phase: 'failed', fileName: name, failure: null, error });
      }
    },
    [getClient],
  );

  const close = useCallback(() => {
    generation.current += 1;
    setSession({ phase: 'idle' });
  }, []);

  const pick = async () => {
    try {
      const file = await platform.openFile({ accept: [...openFileFormats] });
      if (file !== null) await open(file.name, new Uint8Array(file.bytes));
    } catch (error) {
      setOutcome({ kind: 'error', error, text: null });
    }
  };

  const drop = useCallback(
    async (file: File) => {
      try {
        const read = await readPickedFile(file);
        await open(read.name, read.bytes);
      } catch (error) {
        setOutcome({ kind: 'error', error, text: null });
      }
    },
    [open],
  );

  const { dragging } = usePageFileDrop(drop);

  const applied = outcome?.kind === 'applied' ? outcome.applied : null;
  const blocker = useImportUndoBlocker(applied?.ids ?? null);
  const centerMap = useMemo(
    () => new Map((centers?.rows ?? []).map((center) => [center.code, center])),
    [centers],
  );
  // Undo is this import's only while it is the last batch of the shared history.
  const lastIsThis =
    applied !== null && edits.undoLabel?.action === 'import' && edits.undoLabel.fileName === applied.fileName;

  const undo = async () => {
    if (applied === null) return;
    try {
      await edits.undo();
      setOutcome({ kind: 'undone', fileName: applied.fileName });
    } catch (error) {
      setOutcome({ kind: 'error', error, text: editFailureText(t, language, error, centerMap) });
    }
  };

  return (
    <div className="asg-import">
      <div className="asg-import__actions">
        <button type="button" onClick={() => void pick()}>
          {t('assignmentImport.importButton')}
        </button>
        <span className="hint">{t('assignmentImport.dropHint')}</span>
      </div>
      {applied !== null && (
        <div role="status" className="notice notice--ok asg-import__outcome">
          <span>
            {t('assignmentImport.applied', {
              fileName: applied.fileName,
              created: applied.created,
              replaced: applied.replaced,
            })}
          </span>{' '}
          {blocker === null && lastIsThis ? (
            <button type="button" className="secondary" onClick={() => void undo()}>
              {t('assignmentImport.undo')}
            </button>
          ) : blocker === 'pushed' ? (
            <span className="asg-import__undo-gone">{t('assignmentImport.undoGone')}</span>
          ) : null}
        </div>
      )}
      {outcome?.kind === 'undone' && (
        <p role="status" className="notice notice--ok">
          {t('assignmentImport.undone', { fileName: outcome.fileName })}
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p>
          <FailureNotice
            error={outcome.error}
            text={outcome.text ?? `${t('assignmentImport.openFailed')} ${reason(outcome.error)}`}
            area="assignment import"
          />
        </p>
      )}
      {dragging && <PageDropFrame text={t('assignmentImport.dropOverlay')} />}
      {session.phase !== 'idle' && (
        <AssignmentImportDialog
          session={session}
          assignments={assignments?.rows ?? []}
          centers={centers?.rows ?? []}
          onApplied={(result) => {
            close();
            setOutcome({ kind: 'applied', applied: result });
          }}
          onClose={close}
        />
      )}
    </div>
  );
};
