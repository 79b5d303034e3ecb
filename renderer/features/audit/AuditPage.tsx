import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyAuditChain, type ChainVerdict } from '../../../shared/audit/chain';
import { localIsoDay } from '../../../shared/core/periods';
import { exportFileName } from '../../../shared/export/filename';
import { saveFileTypes } from '../../../shared/ipc/saveFile';
import {
  auditDevices,
  describeChainProblem,
  emptyAuditFilter,
  filterAuditViews,
  viewAuditRecord,
  type AuditFilter,
} from '../../../shared/audit/view';
import { ExportNotice, type ExportState } from '../../ui/ExportNotice';
import { PageHeader } from '../../ui/PageHeader';
import { useLanguage } from '../../ui/useLanguage';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditList } from './AuditList';
import { useSaveAndRecord } from '../exports';
import { useAuditLog, useReadAuditLog } from './queries';
import './audit.css';

const dayOf = (instant: string) => localIsoDay(new Date(instant));

type Verification = { step: 'idle' } | { step: 'running' } | { step: 'done'; verdict: ChainVerdict };

/** The audit trail: every entry in words, filtered, exported, and the chain verified on demand. */
export const AuditPage = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = useAuditLog();
  const readLog = useReadAuditLog();
  const saveAndRecord = useSaveAndRecord();
  const [filter, setFilter] = useState<AuditFilter>(emptyAuditFilter);
  const [verification, setVerification] = useState<Verification>({ step: 'idle' });
  const [exportState, setExportState] = useState<ExportState>(null);

  // Newest first: what the clerk looks for is most often what just happened.
  const views = useMemo(
    () => (rows ?? []).map((row) => viewAuditRecord(row, t, language)).reverse(),
    [rows, t, language],
  );
  const shown = useMemo(() => filterAuditViews(views, filter, dayOf), [views, filter]);
  const devices = useMemo(() => auditDevices(rows ?? []), [rows]);

  const verify = async () => {
    setVerification({ step: 'running' });
    const verdict = verifyAuditChain(await readLog());
    setVerification({ step: 'done', verdict });
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExportState(null);
    try {
      // The writers (and SheetJS with them) load only when an export is asked for.
      const { auditCsv, auditXlsx } = await import('../../../shared/audit/auditExport');
      const words = {
        headers: {
          seq: t('auditTrail.columns.seq'),
          at: t('auditTrail.columns.at'),
          device: t('auditTrail.columns.device'),
          category: t('auditTrail.columns.category'),
          text: t('auditTrail.columns.text'),
          before: t('auditTrail.columns.before'),
          after: t('auditTrail.columns.after'),
          fileHash: t('auditTrail.columns.fileHash'),
          prevHash: t('auditTrail.columns.prevHash'),
          hash: t('auditTrail.columns.hash'),
        },
        category: (category: (typeof shown)[number]['category']) => t(`auditTrail.categories.${category}`),
        unknownDevice: t('auditTrail.unknownDevice'),
        sheetName: t('auditTrail.export.sheet'),
      };
      const bytes = format === 'csv' ? auditCsv(shown, words, language) : auditXlsx(shown, words);
      const fileName = exportFileName(t('auditTrail.export.fileSubject'), new Date(), format);
      const outcome = await saveAndRecord(
        { suggestedName: fileName, mimeType: saveFileTypes[format], bytes: new Uint8Array(bytes) },
        format === 'csv' ? 'auditCsv' : 'auditXlsx',
        shown.length,
      );
      if (outcome !== 'saved') return;
      setExportState({ tone: 'ok', text: t('auditTrail.export.saved', { count: shown.length, fileName }) });
    } catch (error) {
      setExportState({ tone: 'error', error });
    }
  };

  return (
    <section className="audit-page">
      <PageHeader title={t('auditTrail.title')} />
      <p className="audit-page__intro">{t('auditTrail.intro')}</p>
      <div className="audit-page__actions">
        <button type="button" onClick={() => void verify()} disabled={verification.step === 'running'}>
          {t('auditTrail.verify.button')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportAs('csv')} disabled={!rows}>
          {t('auditTrail.export.csv')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportAs('xlsx')} disabled={!rows}>
          {t('auditTrail.export.xlsx')}
        </button>
      </div>
      <div role="status" className="audit-page__verdict">
        {verification.step === 'running' && <p>{t('auditTrail.verify.running')}</p>}
        {verification.step === 'done' &&
          (verification.verdict.ok ? (
            <p className="notice notice--ok">
              {t('auditTrail.verify.ok', { count: verification.verdict.count })}
            </p>
          ) : (
            <div className="notice notice--error">
              <p>{t('auditTrail.verify.failed', { count: verification.verdict.problems.length })}</p>
              <ul>
                {verification.verdict.problems.map((problem, index) => (
                  <li key={index}>{describeChainProblem(problem, t)}</li>
                ))}
              </ul>
            </div>
          ))}
      </div>
      <ExportNotice
        state={exportState}
        failed={(reason) => t('auditTrail.export.failed', { reason })}
        area="audit export"
      />
      <AuditFilterBar filter={filter} devices={devices} onChange={setFilter} />
      {rows === undefined ? (
        <p className="empty">{t('auditTrail.loading')}</p>
      ) : (
        <>
          <p className="audit-page__count" aria-live="polite">
            {t('auditTrail.count', { shown: shown.length, total: views.length })}
          </p>
          {views.length === 0 ? (
            <p className="empty">{t('auditTrail.empty')}</p>
          ) : shown.length === 0 ? (
            <p className="empty">{t('auditTrail.noMatch')}</p>
          ) : (
            <AuditList views={shown} />
          )}
        </>
      )}
    </section>
  );
};
