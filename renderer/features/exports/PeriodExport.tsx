import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthPeriod } from '../../../shared/analytics/centerTotals';
import { formatInteger, formatMonth, formatPercent } from '../../../shared/core/format';
import { exportFileName } from '../../../shared/export/filename';
import { journalLayoutIds, type JournalLayoutId } from '../../../shared/export/journal';
import { saveFileTypes } from '../../../shared/ipc/saveFile';
import type { FileStream, Platform } from '../../platform/Platform';
import { usePlatform } from '../../platform/PlatformContext';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { ModalDialog } from '../../ui/ModalDialog';
import { useLanguage } from '../../ui/useLanguage';
import { RpcError } from '../../workers/rpc';
import type { ExportFailureData, ExportFileResult } from '../../workers/exportFile/protocol';
import { useExportFileClient } from '../../workers/exportFile/useExportFileClient';
import { useRecordExport } from './edits';
import { exportLabels, journalHeadersOf } from './labels';
import { useDatabaseName } from './queries';
import './exports.css';

type Choice = 'workbook' | 'journal';

type Status =
  | { step: 'ready' }
  | { step: 'running'; done: number; total: number }
  | { step: 'saved'; choice: Choice; result: ExportFileResult }
  | { step: 'cancelled' }
  | { step: 'failed'; error: unknown };

/** The clerk cancelled: told apart from a failure, so it reads as what it is. */
class ExportCancelled extends Error {
  override readonly name = 'ExportCancelled';
}

/** Where the platform cannot stream, the pieces are gathered and saved at once. */
const gatherThenSave = (platform: Platform, suggestedName: string, mimeType: Choice): FileStream => {
  let pieces: Uint8Array<ArrayBuffer>[] = [];
  return {
    write: (chunk) => {
      pieces.push(chunk);
      return Promise.resolve();
    },
    close: async () => {
      const bytes = new Uint8Array(pieces.reduce((total, piece) => total + piece.length, 0));
      let offset = 0;
      for (const piece of pieces) {
        bytes.set(piece, offset);
        offset += piece.length;
      }
      pieces = [];
      await platform.saveFile({
        suggestedName,
        mimeType: mimeType === 'workbook' ? saveFileTypes.xlsx : saveFileTypes.csv,
        bytes,
      });
    },
    abort: () => {
      pieces = [];
      return Promise.resolve();
    },
  };
};

const isCostCenterTooLong = (error: unknown): error is RpcError & { data: ExportFailureData } =>
  error instanceof RpcError &&
  typeof error.data === 'object' &&
  error.data !== null &&
  'code' in error.data &&
  error.data.code === 'export.costCenterTooLong';

/**
 * "Export…": a dialog to save the period as an Excel workbook or an ERP journal (generic, SAP,
 * DATEV). The file is written in the export worker and saved piece by piece as it comes, with a
 * progress bar and Cancel; the dialog stays open to tell how it went.
 */
export const PeriodExport = ({ period }: { period: MonthPeriod }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const platform = usePlatform();
  const databaseName = useDatabaseName();
  const client = useExportFileClient();
  const recordExport = useRecordExport();
  const reason = useFailureReason();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Choice>('workbook');
  const [layout, setLayout] = useState<JournalLayoutId>('generic');
  const [status, setStatus] = useState<Status>({ step: 'ready' });
  const running = useRef<AbortController | null>(null);
  const formatId = useId();
  const layoutId = useId();

  const periodText =
    period.from === period.to
      ? formatMonth(period.from, language, 'long')
      : `${formatMonth(period.from, language, 'long')} – ${formatMonth(period.to, language, 'long')}`;

  const start = async (): Promise<void> => {
    const suggestedName = exportFileName(
      t('exports.fileSubject', { from: period.from, to: period.to }),
      new Date(),
      choice === 'workbook' ? 'xlsx' : 'csv',
    );
    const mimeType = choice === 'workbook' ? saveFileTypes.xlsx : saveFileTypes.csv;
    const controller = new AbortController();
    running.current = controller;
    setStatus({ step: 'running', done: 0, total: 0 });
    let file: FileStream | null = null;
    try {
      // First, while the click still counts as the clerk's gesture (the browser's save picker needs one).
      file = platform.saveFileStream
        ? await platform.saveFileStream({ suggestedName, mimeType })
        : gatherThenSave(platform, suggestedName, choice);
      if (file === null) {
        setStatus({ step: 'ready' });
        return;
      }
      const labels = exportLabels(t);
      const target = file;
      const result = await client().run(
        {
          ...(choice === 'workbook' ? { kind: 'workbook' } : { kind: 'journal', layout }),
          databaseName,
          period,
          language,
          labels,
          journalHeaders: journalHeadersOf(labels),
        },
        (chunk) => target.write(chunk),
        (done, total) => {
          if (!controller.signal.aborted) setStatus({ step: 'running', done, total });
        },
        controller.signal,
      );
      await target.close();
      await recordExport({
        what: choice,
        fileName: suggestedName,
        sha256: result.sha256,
        bytes: result.bytes,
        rows: result.rows,
      });
      setStatus({ step: 'saved', choice, result });
    } catch (error) {
      await file?.abort().catch(() => undefined);
      setStatus(controller.signal.aborted ? { step: 'cancelled' } : { step: 'failed', error });
    } finally {
      running.current = null;
    }
  };

  const cancel = () => running.current?.abort(new ExportCancelled('The clerk cancelled the export'));

  const close = () => {
    cancel();
    setOpen(false);
    setStatus({ step: 'ready' });
  };

  const busy = status.step === 'running';
  const percent = status.step === 'running' && status.total > 0 ? status.done / status.total : 0;

  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('exports.open')}
      </button>
      {open && (
        <ModalDialog title={t('exports.dialogTitle', { period: periodText })} onClose={close}>
          <form
            className="period-export"
            onSubmit={(event) => {
              event.preventDefault();
              if (!busy) void start();
            }}
          >
            <fieldset disabled={busy}>
              <legend id={formatId}>{t('exports.format')}</legend>
              <label className="period-export__choice">
                <input
                  type="radio"
                  name="export-format"
                  value="workbook"
                  checked={choice === 'workbook'}
                  onChange={() => setChoice('workbook')}
                  data-autofocus
                />
                <span>
                  {t('exports.workbook')}
                  <small>{t('exports.workbookHint')}</small>
                </span>
              </label>
              <label className="period-export__choice">
                <input
                  type="radio"
                  name="export-format"
                  value="journal"
                  checked={choice === 'journal'}
                  onChange={() => setChoice('journal')}
                />
                <span>
                  {t('exports.journal')}
                  <small>{t('exports.journalHint')}</small>
                </span>
              </label>
              {choice === 'journal' && (
                <div className="period-export__layout">
                  <label htmlFor={layoutId}>{t('exports.layout')}</label>
                  <select
                    id={layoutId}
                    value={layout}
                    onChange={(event) => {
                      const chosen = journalLayoutIds.find((id) => id === event.target.value);
                      if (chosen) setLayout(chosen);
                    }}
                  >
                    {journalLayoutIds.map((id) => (
                      <option key={id} value={id}>
                        {t(`exports.layouts.${id}`)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </fieldset>

            {status.step === 'running' && (
              <div className="period-export__progress">
                {status.total === 0 ? (
                  // Still opening the archive: an indeterminate bar.
                  <progress aria-label={t('exports.progress')} />
                ) : (
                  <progress aria-label={t('exports.progress')} max={1} value={percent} />
                )}
                <p role="status">{t('exports.running', { percent: formatPercent(percent, language, 0) })}</p>
              </div>
            )}
            {status.step === 'saved' && (
              <p role="status" className="notice notice--ok">
                {status.choice === 'workbook'
                  ? t('exports.savedWorkbook', { lines: formatInteger(status.result.lines, language) })
                  : t('exports.savedJournal', { rows: formatInteger(status.result.rows, language) })}
              </p>
            )}
            {status.step === 'cancelled' && (
              <p role="status" className="notice">
                {t('exports.cancelled')}
              </p>
            )}
            {status.step === 'failed' && (
              <p>
                <FailureNotice
                  error={status.error}
                  area="exports"
                  text={t('exports.failed', {
                    reason: isCostCenterTooLong(status.error)
                      ? t('exports.costCenterTooLong', { code: status.error.data.costCenter ?? '' })
                      : reason(status.error),
                  })}
                />
              </p>
            )}

            <div className="period-export__actions">
              {busy ? (
                <button type="button" onClick={cancel}>
                  {t('exports.cancel')}
                </button>
              ) : (
                <button type="submit" aria-describedby={formatId}>
                  {t('exports.start')}
                </button>
              )}
              <button type="button" className="secondary" onClick={close}>
                {t('exports.close')}
              </button>
            </div>
          </form>
        </ModalDialog>
      )}
    </>
  );
};
