import { useTranslation } from 'react-i18next';
import { PageHeader } from '../ui/PageHeader';
import { hrefFor } from './router/routes';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('pages.notFound.title')} />
      <a href={hrefFor('overview')}>{t('pages.notFound.back')}</a>
    </section>
  );
};
