import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { designationKey } from '../../../shared/designations/names';
import { filterNameRows, nameQueryParams, parseNameQuery } from '../../../shared/designations/nameQuery';
import { PageHeader } from '../../ui/PageHeader';
import { VirtualTable } from '../../ui/VirtualTable';
import { useColumnLayout } from '../../ui/useColumnLayout';
import { linesOf } from './linesOf';
import { designationColumns } from './designationColumns';
import { DesignationFilterBar } from './DesignationFilterBar';
import { useDesignationRows } from './useDesignationRows';
import { navigate } from '../../app/router/navigate';
import { hrefFor } from '../../app/router/routes';

interface DesignationsPageProps {
  params: URLSearchParams;
}

/** Every service, licence and reference the archive knows, searchable, each renamed in place. */
export const DesignationsPage = ({ params }: DesignationsPageProps) => {
  const { t } = useTranslation();
  const rows = useDesignationRows();
  const query = useMemo(() => parseNameQuery(params), [params]);
  const shown = useMemo(() => filterNameRows(rows ?? [], query), [rows, query]);
  const columns = useMemo(() => designationColumns(t), [t]);
  const columnLayout = useColumnLayout('names', columns);

  return (
    <section>
      <PageHeader title={t('pages.names.title')} />
      <DesignationFilterBar
        query={query}
        onChange={(next, options) => navigate(hrefFor('designations', nameQueryParams(next)), options)}
      />
      <p className="totals" aria-live="polite">
        {rows && <strong>{t('names.count', { count: shown.length })}</strong>}
      </p>
      <VirtualTable
        label={t('names.tableLabel')}
        columns={columns}
        layout={columnLayout}
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
