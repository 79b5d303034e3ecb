import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChf } from '../../../../shared/core/format';
import { parseMoney } from '../../../../shared/core/money';
import type {
  FieldChange,
  FieldValue,
  ImportPlan,
  PlanRow,
  PlanStatus,
} from '../../../../shared/costCenters/importPlan';
import { useLanguage } from '../../../ui/useLanguage';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';

const STATUSES: readonly PlanStatus[] = ['new', 'changed', 'unchanged', 'error', 'deactivate'];

const badgeTone: Record<PlanStatus, string> = {
  new: 'ok',
  changed: 'warning',
  unchanged: 'neutral',
  error: 'danger',
  deactivate: 'warning',
};

const nameOf = (row: PlanRow): string => {
  switch (row.status) {
    case 'new':
    case 'changed':
    case 'deactivate':
      return row.after.name;
    case 'unchanged':
      return row.name;
    case 'error':
      return '';
  }
};

/** Every row of the import as it would land, filtered by status; virtualised, so 10,000 rows scroll as 10 do. */
export const ImportPreview = ({ plan }: { plan: ImportPlan }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filter, setFilter] = useState<PlanStatus | 'all'>('all');
  const rows = useMemo(
    () => (filter === 'all' ? plan.rows : plan.rows.filter((row) => row.status === filter)),
    [plan, filter],
  );

  const value = (change: FieldChange, side: FieldValue): string => {
    if (side === null || side === '') return t('costCenterImport.emptyValue');
    if (typeof side === 'boolean')
      return t(side ? 'costCenterImport.activeValue' : 'costCenterImport.inactiveValue');
    if (change.field === 'monthlyBudget') return formatChf(parseMoney(side), language);
    if (
      change.field === 'objectType' &&
      (side === 'costCenter' || side === 'costUnit' || side === 'wbsElement' || side === 'internalOrder')
    )
      return t(`costCenterPage.objectTypes.${side}`);
    return side;
  };

  const details = (row: PlanRow): string => {
    switch (row.status) {
      case 'new':
        return t('costCenterImport.newDetails');
      case 'unchanged':
        return t('costCenterImport.unchangedDetails');
      case 'changed':
      case 'deactivate':
        return row.changes
          .map((change) =>
            t('costCenterImport.fieldChange', {
              field: t(`costCenterImport.fields.${change.field}`),
              before: value(change, change.before),
              after: value(change, change.after),
            }),
          )
          .join('; ');
      case 'error':
        return row.errors
          .map((error) =>
            t(`costCenterFile.row.${error.messageKey}`, {
              row: error.row,
              column: error.column ?? '',
              value: error.value,
            }),
          )
          .join(' ');
    }
  };

  const columns: Column<PlanRow>[] = [
    {
      id: 'row',
      header: t('costCenterImport.columns.row'),
      width: 64,
      align: 'end',
      render: (row) => (row.row === null ? '' : String(row.row)),
    },
    {
      id: 'status',
      header: t('costCenterImport.columns.status'),
      width: 120,
      fit: STATUSES.map((status) => t(`costCenterImport.status.${status}`)),
      fitExtra: 20,
      render: (row) => (
        <span className={`badge badge--${badgeTone[row.status]}`}>
          {t(`costCenterImport.status.${row.status}`)}
        </span>
      ),
    },
    { id: 'code', header: t('costCenterImport.columns.code'), width: 120, render: (row) => row.code ?? '' },
    { id: 'name', header: t('costCenterImport.columns.name'), width: 200, grow: 1, render: nameOf },
    {
      id: 'details',
      header: t('costCenterImport.columns.details'),
      width: 360,
      grow: 3,
      render: (row) => {
        const text = details(row);
        return <span title={text}>{text}</span>;
      },
    },
  ];

  return (
    <div className="cc-import__preview">
      <label className="cc-import__filter">
        {t('costCenterImport.filterLabel')}{' '}
        <select value={filter} onChange={(event) => setFilter(statusOf(event.target.value))}>
          <option value="all">{t('costCenterImport.filterAll', { count: plan.rows.length })}</option>
          {STATUSES.filter((status) => plan.counts[status] > 0).map((status) => (
            <option key={status} value={status}>
              {t('costCenterImport.filterStatus', {
                status: t(`costCenterImport.status.${status}`),
                count: plan.counts[status],
              })}
            </option>
          ))}
        </select>
      </label>
      <VirtualTable
        label={t('costCenterImport.previewLabel')}
        columns={columns}
        rows={rows}
        rowKey={(row) => (row.row === null ? `deactivate:${row.code}` : `row:${row.row}`)}
      />
    </div>
  );
};

const statusOf = (value: string): PlanStatus | 'all' => STATUSES.find((status) => status === value) ?? 'all';
