import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';

export const OverviewPage = () => {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('pages.overview.title')} />
      <p className="empty">{t('pages.overview.empty')}</p>
    </section>
  );
};
