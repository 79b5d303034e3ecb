import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { designationKey } from '../../shared/designations/names';
import { filterNameRows, nameQueryParams, parseNameQuery } from '../../shared/designations/nameQuery';
import { PageHeader } from '../components/PageHeader';
import { VirtualTable } from '../components/VirtualTable';
import { linesOf } from '../names/linesOf';
import { nameColumns } from '../names/nameColumns';
import { NameFilterBar } from '../names/NameFilterBar';
import { useNameRows } from '../names/useNameRows';
import { navigate } from '../router/navigate';
import { hrefFor } from '../router/routes';

interface NamesPageProps {
  params: URLSearchParams;
}

/** Every service, licence and reference the archive knows, searchable, each renamed in place. */
export const NamesPage = ({ params }: NamesPageProps) => {
  const { t } = useTranslation();
  const rows = useNameRows();
  const query = useMemo(() => parseNameQuery(params), [params]);
  const shown = useMemo(() => filterNameRows(rows ?? [], query), [rows, query]);
  const columns = useMemo(() => nameColumns(t), [t]);

  return (
    <section>
      <PageHeader title={t('pages.names.title')} />
      <NameFilterBar
        query={query}
        onChange={(next, options) => navigate(hrefFor('names', nameQueryParams(next)), options)}
      />
      <p className="totals" aria-live="polite">
        {rows && <strong>{t('names.count', { count: shown.length })}</strong>}
      </p>
      <VirtualTable
        label={t('names.tableLabel')}
        columns={columns}
        rows={shown}
        rowKey={(row) => designationKey(row.kind, row.key)}
        onOpen={(row) => navigate(linesOf(row.kind, row.key))}
        empty={
          rows ? (
            <p className="empty">{rows.length === 0 ? t('pages.names.empty') : t('names.noMatch')}</p>
          ) : null
        }
      />
    </section>
  );
};
