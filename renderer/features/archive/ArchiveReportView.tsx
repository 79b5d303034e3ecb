import { useTranslation } from 'react-i18next';
import type { ArchiveReport, CheckedArchive } from '../../../shared/archive/verify';
import { describeChainProblem } from '../../../shared/audit/view';
import { formatDateTime, formatInteger } from '../../../shared/core/format';
import { useLanguage } from '../../ui/useLanguage';

/** The verdict on one timestamp, audit chain or signature, as one sentence. */
const useCheckLines = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  return (report: CheckedArchive): string[] => {
    const lines = [t(`archive.verify.signature.${report.signature}`)];
    if (report.signature === 'valid' && report.ownKey !== null)
      lines.push(report.ownKey ? t('archive.verify.ownKey.yes') : t('archive.verify.ownKey.no'));
    const stamp = report.timestamp;
    if (stamp.state === 'none') lines.push(t('archive.verify.timestamp.none'));
    else if (stamp.state === 'notChecked') lines.push(t('archive.verify.timestamp.notChecked'));
    else if (stamp.verdict.valid)
      lines.push(
        t('archive.verify.timestamp.valid', {
          time: stamp.verdict.time === null ? '' : formatDateTime(stamp.verdict.time, language),
          authority: stamp.verdict.authority ?? t('archive.verify.timestamp.unknownAuthority'),
        }),
      );
    else
      lines.push(
        t('archive.verify.timestamp.invalid', {
          problem: t(`archive.verify.timestamp.problems.${stamp.verdict.problem ?? 'malformed'}`),
        }),
      );
    const chain = report.auditChain;
    if (chain.state !== 'checked') lines.push(t(`archive.verify.auditChain.${chain.state}`));
    else if (chain.verdict.valid)
      lines.push(
        t('archive.verify.auditChain.valid', { count: formatInteger(chain.verdict.entries, language) }),
      );
    else {
      const first = chain.verdict.problems[0];
      lines.push(
        t('archive.verify.auditChain.broken', {
          entry: formatInteger(first === undefined ? 1 : 'seq' in first ? first.seq : first.from, language),
        }),
        // Each problem as the audit trail's own check words it: which entries, and what happened.
        ...chain.verdict.problems.map((problem) => describeChainProblem(problem, t)),
      );
    }
    return lines;
  };
};

/** What "Verify archive" found, in the clerk's language: the verdict, then every file that does not match. */
export const ArchiveReportView = ({ name, report }: { name: string; report: ArchiveReport }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const checkLines = useCheckLines();
  if (report.kind === 'unreadable')
    return (
      <p className="notice notice--error">{t(`archive.verify.unreadable.${report.reason}`, { name })}</p>
    );
  const { manifest } = report;
  const customer =
    manifest.profile.customerName ?? manifest.profile.customerNumber ?? t('archive.verify.unknownCustomer');
  return (
    <div className="archive-report">
      <p className={report.passed ? 'notice notice--ok' : 'notice notice--error'}>
        {report.passed
          ? t('archive.verify.passed', { name, count: formatInteger(report.filesChecked, language) })
          : t('archive.verify.notPassed', { name })}
      </p>
      <p>
        {t('archive.verify.exported', {
          date: formatDateTime(manifest.exportedAt, language),
          version: manifest.appVersion,
          customer,
        })}{' '}
        {t('archive.verify.holds', {
          invoices: formatInteger(manifest.counts.invoices, language),
          documents: formatInteger(manifest.counts.documents, language),
          lines: formatInteger(manifest.counts.lines, language),
          entries: formatInteger(manifest.counts.auditEntries, language),
        })}
      </p>
      <ul className="archive-report__checks">
        {checkLines(report).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {report.missing.length > 0 && (
        <>
          <h3>{t('archive.verify.missing')}</h3>
          <ul aria-label={t('archive.verify.missing')}>
            {report.missing.map((path) => (
              <li key={path}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.altered.length > 0 && (
        <>
          <h3>{t('archive.verify.altered')}</h3>
          <ul aria-label={t('archive.verify.altered')}>
            {report.altered.map(({ path, reason }) => (
              <li key={path}>
                <code>{path}</code>: {t(`archive.verify.reasons.${reason}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.added.length > 0 && (
        <>
          <h3>{t('archive.verify.added')}</h3>
          <ul aria-label={t('archive.verify.added')}>
            {report.added.map((path, index) => (
              <li key={`${path}-${index}`}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};
