import { useTranslation } from 'react-i18next';
import { keptUntil } from '../../../shared/archive/retention';
import { formatDate } from '../../../shared/core/format';
import { useLanguage } from '../../ui/useLanguage';

/** An invoice's retention, as a term of a <dl>: until when it is kept, and that it may go after that. */
export const RetentionFacts = ({ issueDate }: { issueDate: string }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <dt>{t('archive.retention.label')}</dt>
      <dd title={t('archive.retention.law')}>
        {t('archive.retention.keptUntil', { date: formatDate(keptUntil(issueDate), language) })}
      </dd>
    </>
  );
};
