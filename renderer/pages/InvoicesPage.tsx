import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';

export const InvoicesPage = () => {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('pages.invoices.title')} />
      <p className="empty">{t('pages.invoices.empty')}</p>
    </section>
  );
};
