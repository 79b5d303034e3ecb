import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/core/format';
import type { StoredDocument, StoredInvoice } from '../../db/records';
import { useLanguage } from '../../ui/useLanguage';

interface IntegrityBadgeProps {
  invoice: StoredInvoice;
  document: StoredDocument | undefined;
}

/** Verified means: these exact bytes hash to the documentSha256 the operator put on the invoice. */
export const IntegrityBadge = ({ invoice, document }: IntegrityBadgeProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  if (invoice.documentState === 'verified' && document?.verified && document.verifiedAt) {
    return (
      <span className="badge badge--ok" role="status">
        ✓ {t('invoice.integrityVerified', { when: formatDateTime(document.verifiedAt, language) })}
      </span>
    );
  }
  if (invoice.documentState === 'mismatch') {
    return (
      <span className="badge badge--danger" role="alert">
        ✗ {t('invoice.integrityMismatch')}
      </span>
    );
  }
  return (
    <span className="badge badge--warning" role="status">
      {invoice.documentState === 'gone' ? t('invoice.integrityGone') : t('invoice.integrityPending')}
    </span>
  );
};
