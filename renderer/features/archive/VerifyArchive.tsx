import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyArchive, type ArchiveReport } from '../../../shared/archive/verify';
import { blobAccess } from '../../../shared/archive/zipReader';
import { formatPercent } from '../../../shared/core/format';
import { usePlatform } from '../../platform/PlatformContext';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { useLanguage } from '../../ui/useLanguage';
import { usePageFileDrop } from '../../ui/usePageFileDrop';
import { ArchiveReportView } from './ArchiveReportView';
import type { ArchiveServices } from './services';
import { PageDropFrame } from '../../ui/PageDropFrame';

type Status =
  | { step: 'ready' }
  | { step: 'running'; name: string; done: number; total: number }
  | { step: 'done'; name: string; report: ArchiveReport }
  | { step: 'failed'; error: unknown };

/**
 * "Verify archive": a zip the clerk picks or drops is read slice by slice (never whole) and checked
 * against its signed manifest; the report says, in the clerk's words, what does not match.
 */
export const VerifyArchive = ({ services }: { services: ArchiveServices }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const platform = usePlatform();
  const reason = useFailureReason();
  const [status, setStatus] = useState<Status>({ step: 'ready' });
  const input = useRef<HTMLInputElement>(null);
  const running = useRef<AbortController | null>(null);
  const headingId = useId();

  const check = useCallback(
    async (file: File) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setStatus({ step: 'running', name: file.name, done: 0, total: 0 });
      try {
        // Not ours to have one (a desktop without OS encryption): the report then leaves it out.
        const ownPublicKeyPem = await platform.archiveKey.publicKeyPem().catch(() => null);
        const report = await verifyArchive(blobAccess(file), {
          ownPublicKeyPem,
          ...(services.verifyTimestamp ? { verifyTimestamp: services.verifyTimestamp } : {}),
          ...(services.verifyAuditChain ? { verifyAuditChain: services.verifyAuditChain } : {}),
          signal: controller.signal,
          onProgress: ({ done, total }) => {
            if (!controller.signal.aborted) setStatus({ step: 'running', name: file.name, done, total });
          },
        });
        if (!controller.signal.aborted) setStatus({ step: 'done', name: file.name, report });
      } catch (error) {
        if (!controller.signal.aborted) setStatus({ step: 'failed', error });
      }
    },
    [platform, services],
  );

  const { dragging } = usePageFileDrop(check);
  const percent = status.step === 'running' && status.total > 0 ? status.done / status.total : 0;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('archive.verify.heading')}</h2>
      <p>{t('archive.verify.description')}</p>
      <div className="actions">
        <button type="button" onClick={() => input.current?.click()}>
          {t('archive.verify.choose')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          hidden
          aria-label={t('archive.verify.choose')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // The same file chosen again after a change on disk must be read again.
            event.target.value = '';
            if (file) void check(file);
          }}
        />
      </div>
      {status.step === 'running' && (
        <progress aria-label={t('archive.verify.progress')} max={1} value={percent} />
      )}
      <div role="status" aria-live="polite">
        {status.step === 'running' && (
          <p>
            {t('archive.verify.running', { name: status.name, percent: formatPercent(percent, language, 0) })}
          </p>
        )}
        {status.step === 'done' && <ArchiveReportView name={status.name} report={status.report} />}
        {status.step === 'failed' && (
          <FailureNotice
            error={status.error}
            area="archive verify"
            text={t('archive.verify.failed', { reason: reason(status.error) })}
          />
        )}
      </div>
      {dragging && <PageDropFrame text={t('archive.verify.dropHere')} />}
    </section>
  );
};
