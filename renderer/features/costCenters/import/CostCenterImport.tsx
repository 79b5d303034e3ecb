import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostCenter } from '../../../../shared/api/schemas';
import { openFileFormats } from '../../../../shared/ipc/openFile';
import { usePlatform } from '../../../platform/PlatformContext';
import { readPickedFile } from '../../../platform/readFile';
import { exportFileName } from '../../../../shared/export/filename';
import { saveFileTypes } from '../../../../shared/ipc/saveFile';
import { ExportNotice, type ExportState } from '../../../ui/ExportNotice';
import { FailureNotice, useFailureReason } from '../../../ui/FailureNotice';
import { useLanguage } from '../../../ui/useLanguage';
import type { ImportSummary } from '../../../db/localEdits';
import type { ImportChange } from '../../../../shared/costCenters/importPlan';
import { useImportEdits } from '../edits';
import { useLastImport } from '../queries';
import { ImportDialog } from './ImportDialog';
import { useImportSession } from './useImportSession';
import './import.css';
import { usePageFileDrop } from '../../../ui/usePageFileDrop';
import { useSaveAndRecord } from '../../exports';
import { costCenterImportRequests, type ImportRequest } from '../../../app/commands/importRequests';
import { PageDropFrame } from '../../../ui/PageDropFrame';
import { useBusyWork } from '../../../platform/busyWork';

/** Today in the clerk's time zone, as the import date's default ("2026-11-30"). */
const localToday = (): string => {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

type Outcome = { kind: 'undone'; restored: number } | { kind: 'error'; error: unknown };

/**
 * The cost-centre import: an "Import…" button that opens the platform's file picker, and a drop
 * zone the size of the page (keyboard users take the button). The dialog shows what the file
 * would change; after "Apply" the import can be undone until the sync has pushed any of it.
 */
export const CostCenterImport = ({ current }: { current: readonly CostCenter[] }) => {
  const { t } = useTranslation();
  const platform = usePlatform();
  const saveAndRecord = useSaveAndRecord();
  const reason = useFailureReason();
  const edits = useImportEdits();
  const lastImport = useLastImport();
  const { session, open, remap, setImportDate, confirm, close, fileHash } = useImportSession(localToday);
  // An open import holds back the offer to restart for an update.
  useBusyWork(session.phase !== 'idle');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const language = useLanguage();
  const [exportState, setExportState] = useState<ExportState>(null);

  /** The template (centres null) or the current cost centres, in the layout the import reads back. */
  const saveWorkbook = async (centers: readonly CostCenter[] | null) => {
    setExportState({ tone: 'ok', text: t('lists.exporting') });
    try {
      // The spreadsheet writer loads only when a workbook is asked for.
      const { writeCostCenterWorkbook } = await import('../../../../shared/costCenters/workbook');
      const outcome = await saveAndRecord(
        {
          suggestedName: exportFileName(
            t(centers === null ? 'costCenterImport.templateName' : 'costCenterImport.exportName'),
            new Date(),
            'xlsx',
          ),
          mimeType: saveFileTypes.xlsx,
          bytes: new Uint8Array(writeCostCenterWorkbook(centers, language)),
        },
        'costCenters',
        centers?.length ?? 0,
      );
      setExportState(outcome === 'saved' ? { tone: 'ok', text: t('lists.exported') } : null);
    } catch (error) {
      setExportState({ tone: 'error', error });
    }
  };

  const pick = async () => {
    setOutcome(null);
    try {
      const file = await platform.openFile({ accept: [...openFileFormats] });
      if (file !== null) await open(file.name, new Uint8Array(file.bytes));
    } catch (error) {
      setOutcome({ kind: 'error', error });
    }
  };

  const drop = useCallback(
    async (file: File) => {
      setOutcome(null);
      try {
        const read = await readPickedFile(file);
        await open(read.name, read.bytes);
      } catch (error) {
        setOutcome({ kind: 'error', error });
      }
    },
    [open],
  );

  const { dragging } = usePageFileDrop(drop);

  // "Import cost centres…" from the menu, or a spreadsheet dropped on another page of the window.
  const requested = useEffectEvent((request: ImportRequest) => {
    if (request.file === null) {
      void pick();
      return;
    }
    setOutcome(null);
    void open(request.file.name, request.file.bytes);
  });
  useEffect(() => {
    const taken = costCenterImportRequests.take(requested);
    return () => {
      taken.dispose();
    };
  }, []);

  const apply = async (changes: readonly ImportChange[], summary: Omit<ImportSummary, 'sha256'>) => {
    await edits.apply(changes, { ...summary, sha256: fileHash() });
    close();
    setOutcome(null);
  };

  const undo = async () => {
    try {
      const result = await edits.undo();
      setOutcome(result.ok ? { kind: 'undone', restored: result.restored } : null);
    } catch (error) {
      setOutcome({ kind: 'error', error });
    }
  };

  // The last import is offered for undo while it can be (after a reload too); once the sync has
  // pushed it, the notice says why the undo is gone, if this page saw it undoable.
  const [watched, setWatched] = useState<string | null>(null);
  const record = lastImport?.record ?? null;
  const blocker = lastImport?.blocker ?? null;
  // Adjusted while rendering (React's pattern for state derived from a change), not in an effect.
  if (record !== null && blocker === null && watched !== record.at) setWatched(record.at);
  const shown = record !== null && (blocker === null || watched === record.at) ? record : null;

  return (
    <div className="cc-import">
      <div className="cc-import__actions">
        <button type="button" onClick={() => void pick()}>
          {t('costCenterImport.importButton')}
        </button>
        <span className="hint">{t('costCenterImport.dropHint')}</span>
        <span className="cc-import__files">
          <button type="button" className="secondary" onClick={() => void saveWorkbook(null)}>
            {t('costCenterImport.template')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={current.length === 0}
            onClick={() => void saveWorkbook(current)}
          >
            {t('costCenterImport.export')}
          </button>
        </span>
      </div>
      <ExportNotice
        state={exportState}
        failed={(reason) => t('lists.exportFailed', { reason })}
        area="cost-centre workbook"
      />
      {shown !== null && (
        <div role="status" className="notice notice--ok cc-import__outcome">
          <span>{t('costCenterImport.applied', { ...shown.summary })}</span>{' '}
          {blocker === null ? (
            <button type="button" className="secondary" onClick={() => void undo()}>
              {t('costCenterImport.undo')}
            </button>
          ) : (
            <span className="cc-import__undo-gone">{t(`costCenterImport.undoGone.${blocker}`)}</span>
          )}
        </div>
      )}
      {outcome?.kind === 'undone' && (
        <p role="status" className="notice notice--ok">
          {t('costCenterImport.undone', { restored: outcome.restored })}
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p>
          <FailureNotice
            error={outcome.error}
            text={`${t('costCenterImport.openFailed')} ${reason(outcome.error)}`}
            area="cost-centre import"
          />
        </p>
      )}
      {dragging && <PageDropFrame text={t('costCenterImport.dropOverlay')} />}
      {session.phase !== 'idle' && (
        <ImportDialog
          session={session}
          current={current}
          onRemap={remap}
          onImportDate={setImportDate}
          onConfirm={confirm}
          onApply={apply}
          onClose={close}
        />
      )}
    </div>
  );
};
