import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';

export const CostCentersPage = () => {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('pages.costCenters.title')} />
      <p className="empty">{t('pages.costCenters.empty')}</p>
    </section>
  );
};
