import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { ExportArchive } from './ExportArchive';
import { useArchiveServices } from './services';
import { VerifyArchive } from './VerifyArchive';
import './archive.css';

/** The Archive page: export everything as one signed zip, and verify such a zip. */
export const ArchivePage = () => {
  const { t } = useTranslation();
  const services = useArchiveServices();
  return (
    <section>
      <PageHeader title={t('archive.title')} />
      <p>{t('archive.intro')}</p>
      <div className="archive-page">
        <ExportArchive services={services} />
        <VerifyArchive services={services} />
      </div>
    </section>
  );
};
