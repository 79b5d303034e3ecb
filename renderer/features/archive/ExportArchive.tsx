import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sealWith } from '../../../shared/archive/seal';
import { formatBytes, formatInteger, formatPercent } from '../../../shared/core/format';
import { exportFileName } from '../../../shared/export/filename';
import { saveFileTypes } from '../../../shared/ipc/saveFile';
import type { FileStream, Platform } from '../../platform/Platform';
import { usePlatform } from '../../platform/PlatformContext';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { useLanguage } from '../../ui/useLanguage';
import type { ArchiveFileResult } from '../../workers/archiveFile/protocol';
import { useArchiveFileClient } from '../../workers/archiveFile/useArchiveFileClient';
import { useProfile } from '../settings';
import { useArchiveCounts, useDatabaseName } from './queries';
import type { ArchiveServices } from './services';
import { useRecordExport } from '../exports';

type Status =
  | { step: 'ready' }
  | { step: 'running'; done: number; total: number }
  | { step: 'saved'; result: ArchiveFileResult }
  | { step: 'cancelled' }
  | { step: 'failed'; error: unknown };

/** The clerk cancelled: told apart from a failure, so it reads as what it is. */
class ExportCancelled extends Error {
  override readonly name = 'ExportCancelled';
}

/** Where the platform cannot stream, the pieces are gathered and saved at once. */
const gatherThenSave = (platform: Platform, suggestedName: string): FileStream => {
  let pieces: Uint8Array<ArrayBuffer>[] = [];
  return {
    write: (chunk) => {
      pieces.push(chunk);
      return Promise.resolve();
    },
    close: async () => {
      const bytes = new Uint8Array(await new Blob(pieces).arrayBuffer());
      pieces = [];
      await platform.saveFile({ suggestedName, mimeType: saveFileTypes.zip, bytes });
    },
    abort: () => {
      pieces = [];
      return Promise.resolve();
    },
  };
};

/**
 * "Export archive": the open profile's every PDF, index and log as one signed zip, written in the
 * archive worker and saved piece by piece where the clerk chose, with progress and Cancel.
 */
export const ExportArchive = ({ services }: { services: ArchiveServices }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const platform = usePlatform();
  const profile = useProfile();
  const databaseName = useDatabaseName();
  const counts = useArchiveCounts();
  const client = useArchiveFileClient();
  const recordExport = useRecordExport();
  const reason = useFailureReason();
  const [status, setStatus] = useState<Status>({ step: 'ready' });
  const running = useRef<AbortController | null>(null);
  const headingId = useId();

  const start = async (): Promise<void> => {
    const suggestedName = exportFileName(t('archive.export.fileSubject'), new Date(), 'zip');
    const controller = new AbortController();
    running.current = controller;
    setStatus({ step: 'running', done: 0, total: 0 });
    let file: FileStream | null = null;
    try {
      // First, while the click still counts as the clerk's gesture (the browser's save picker needs one).
      file = platform.saveFileStream
        ? await platform.saveFileStream({ suggestedName, mimeType: saveFileTypes.zip })
        : gatherThenSave(platform, suggestedName);
      if (file === null) {
        setStatus({ step: 'ready' });
        return;
      }
      const target = file;
      // The zip's own SHA-256, hashed as it is written, for the audit entry of the export.
      const { sha256 } = await import('@noble/hashes/sha2.js');
      const { bytesToHex } = await import('@noble/hashes/utils.js');
      const zipHash = sha256.create();
      const { version } = await platform.getAppInfo();
      const result = await client().run(
        {
          databaseName,
          appVersion: version,
          exportedAt: new Date().toISOString(),
          profile: { customerNumber: profile.customerNumber, customerName: profile.customerName },
        },
        {
          write: (chunk) => {
            zipHash.update(chunk);
            return target.write(chunk);
          },
          seal: sealWith(platform.archiveKey, services.requestTimestamp, controller.signal),
          onProgress: (done, total) => {
            if (!controller.signal.aborted) setStatus({ step: 'running', done, total });
          },
        },
        controller.signal,
      );
      await target.close();
      await recordExport({
        what: 'archive',
        fileName: suggestedName,
        sha256: bytesToHex(zipHash.digest()),
        bytes: result.bytes,
        rows: counts?.invoices ?? 0,
      });
      setStatus({ step: 'saved', result });
    } catch (error) {
      await file?.abort().catch(() => undefined);
      setStatus(controller.signal.aborted ? { step: 'cancelled' } : { step: 'failed', error });
    } finally {
      running.current = null;
    }
  };

  const cancel = () => running.current?.abort(new ExportCancelled('The clerk cancelled the archive export'));
  const busy = status.step === 'running';
  const percent = status.step === 'running' && status.total > 0 ? status.done / status.total : 0;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('archive.export.heading')}</h2>
      <p>{t('archive.export.description')}</p>
      {counts && (
        <p>
          {t('archive.export.holds', {
            invoices: formatInteger(counts.invoices, language),
            documents: formatInteger(counts.documents, language),
            lines: formatInteger(counts.lines, language),
          })}
        </p>
      )}
      <p className="hint">
        {services.requestTimestamp ? t('archive.export.stampOn') : t('archive.export.stampOff')}
      </p>
      <div className="actions">
        {busy ? (
          <button type="button" onClick={cancel}>
            {t('archive.export.cancel')}
          </button>
        ) : (
          <button type="button" onClick={() => void start()}>
            {t('archive.export.start')}
          </button>
        )}
      </div>
      {status.step === 'running' && (
        <div>
          {status.total === 0 ? (
            <progress aria-label={t('archive.export.progress')} />
          ) : (
            <progress aria-label={t('archive.export.progress')} max={1} value={percent} />
          )}
        </div>
      )}
      <div role="status" aria-live="polite">
        {status.step === 'running' && (
          <p>{t('archive.export.running', { percent: formatPercent(percent, language, 0) })}</p>
        )}
        {status.step === 'saved' && (
          <div className="notice notice--ok">
            <p>
              {t('archive.export.saved', {
                documents: formatInteger(status.result.counts.documents, language),
                lines: formatInteger(status.result.counts.lines, language),
                size: formatBytes(status.result.bytes, language),
              })}
            </p>
            {status.result.timestamped && <p>{t('archive.export.stamped')}</p>}
            <p className="archive-page__fingerprint">
              {t('archive.export.fingerprint')}: <code>{status.result.manifestSha256}</code>
            </p>
          </div>
        )}
        {status.step === 'saved' && status.result.timestampFailed && (
          <p className="notice notice--warning">{t('archive.export.stampFailed')}</p>
        )}
        {status.step === 'cancelled' && <p className="notice">{t('archive.export.cancelled')}</p>}
        {status.step === 'failed' && (
          <FailureNotice
            error={status.error}
            area="archive export"
            text={t('archive.export.failed', { reason: reason(status.error) })}
          />
        )}
      </div>
    </section>
  );
};
