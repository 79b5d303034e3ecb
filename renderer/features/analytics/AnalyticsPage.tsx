import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';

export const AnalyticsPage = () => {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('pages.analytics.title')} />
      <p className="empty">{t('pages.analytics.empty')}</p>
    </section>
  );
};
