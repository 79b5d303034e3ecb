import { useTranslation } from 'react-i18next';
import type { SkippedRow } from '../db/rowChecks';
import { CopyDetailsButton } from './CopyDetailsButton';

const SHOWN_KEYS = 5;

interface SkippedRowsNoticeProps {
  kind: 'invoices' | 'blocks' | 'rows';
  skipped: readonly SkippedRow[] | undefined;
  /** Names the list in the copied details. */
  area: string;
}

/** Where damaged stored rows were left out: how many, which, and the details for support. */
export const SkippedRowsNotice = ({ kind, skipped, area }: SkippedRowsNoticeProps) => {
  const { t } = useTranslation();
  if (!skipped || skipped.length === 0) return null;
  const keys = skipped.slice(0, SHOWN_KEYS).map((row) => row.key);
  const more = skipped.length > SHOWN_KEYS ? ' …' : '';
  const details = skipped.map((row) => `${row.key}: ${row.issue}`).join('\n');
  return (
    <div className="notice notice--warning skipped-rows" role="status" data-testid="skipped-rows">
      <strong>{t(`problems.skipped.${kind}`, { count: skipped.length })}</strong>{' '}
      <span>{t('problems.skipped.which', { keys: keys.join(', ') + more })}</span>{' '}
      <span className="muted">{t('problems.skipped.untouched')}</span>{' '}
      <CopyDetailsButton error={details} area={area} />
    </div>
  );
};
