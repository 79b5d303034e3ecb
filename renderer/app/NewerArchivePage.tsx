import { useTranslation } from 'react-i18next';

/**
 * All the app shows for an archive a newer release wrote: nothing is read from it or written to it
 * (no sync starts), so the newer release finds it intact.
 */
export const NewerArchivePage = () => {
  const { t } = useTranslation();
  return (
    <main className="archive-refused" role="alert">
      <h1>{t('problems.archive.newerVersionTitle')}</h1>
      <p>{t('problems.archive.newerVersionBody')}</p>
    </main>
  );
};
