import type { TFunction } from 'i18next';
import { CostObjectTypeSchema } from '../../../shared/api/schemas';
import type { CenterRow, CenterSortKey } from '../../../shared/costCenters/centerList';
import { formatChf, formatDateTime } from '../../../shared/core/format';
import { parseMoney } from '../../../shared/core/money';
import type { Language } from '../../../shared/i18n/languages';
import { CELL_EDIT_ATTRIBUTE, type Column } from '../../ui/VirtualTable';
import { WaitingMark } from '../designations';

/** What the row's controls do; absent while the cost-centre option is off (the table is then read-only). */
export interface CenterActions {
  edit: (row: CenterRow) => void;
  toggleActive: (row: CenterRow) => void;
  remove: (row: CenterRow) => void;
}

/** Every column sorts; its id is the list's sort key. */
export const centerColumnSortKeys: Record<string, CenterSortKey> = {
  code: 'code',
  name: 'name',
  owner: 'owner',
  objectType: 'objectType',
  monthlyBudget: 'monthlyBudget',
  active: 'active',
  updatedAt: 'updatedAt',
  assignments: 'assignments',
};

// The controls are no Tab stops: the grid is one, and Enter or F2 on the cell presses them.
const cellControl = { tabIndex: -1, [CELL_EDIT_ATTRIBUTE]: '' } as const;

export const centerColumns = (
  t: TFunction,
  language: Language,
  actions: CenterActions | null,
): Column<CenterRow>[] => {
  const typeLabels = CostObjectTypeSchema.options.map((type) => t(`costCenterPage.objectTypes.${type}`));
  const columns: Column<CenterRow>[] = [
    {
      id: 'code',
      header: t('costCenterPage.columns.code'),
      width: 110,
      minWidth: 90,
      sortable: true,
      // Long codes (up to 20 characters) are cut with their full text in the title.
      fit: ['0000000000'],
      fitExtra: actions ? 24 : 0,
      render: (row) => (
        <span className="cc-code">
          <span className="cc-code__text" title={row.code}>
            {row.code}
          </span>
          {actions && (
            <button
              type="button"
              className="icon-button"
              {...cellControl}
              aria-label={t('costCenterPage.edit', { code: row.code })}
              onClick={() => actions.edit(row)}
            >
              ✎
            </button>
          )}
        </span>
      ),
    },
    {
      id: 'name',
      header: t('costCenterPage.columns.name'),
      width: 200,
      minWidth: 140,
      grow: 2,
      sortable: true,
      render: (row) => <span title={row.name}>{row.name}</span>,
    },
    {
      id: 'owner',
      header: t('costCenterPage.columns.owner'),
      width: 160,
      minWidth: 110,
      grow: 1,
      priority: 3,
      sortable: true,
      render: (row) =>
        row.owner ? (
          <span title={row.owner}>{row.owner}</span>
        ) : (
          <span className="muted">{t('costCenterPage.noOwner')}</span>
        ),
    },
    {
      id: 'objectType',
      header: t('costCenterPage.columns.type'),
      width: 130,
      minWidth: 110,
      priority: 3,
      sortable: true,
      fit: typeLabels,
      render: (row) => t(`costCenterPage.objectTypes.${row.objectType}`),
    },
    {
      id: 'monthlyBudget',
      header: t('costCenterPage.columns.budget'),
      width: 140,
      align: 'end',
      sortable: true,
      fit: [formatChf(99_999_999, language)],
      render: (row) =>
        row.monthlyBudget ? (
          formatChf(parseMoney(row.monthlyBudget), language)
        ) : (
          <span className="muted">{t('costCenterPage.noBudget')}</span>
        ),
    },
    {
      id: 'active',
      header: t('costCenterPage.columns.active'),
      width: 80,
      sortable: true,
      fit: actions ? [] : [t('costCenterPage.active'), t('costCenterPage.inactive')],
      fitExtra: actions ? 24 : 18,
      // A checkbox: Enter on its cell (or a click) switches it, and its name does not change with its state.
      render: (row) =>
        actions ? (
          <input
            type="checkbox"
            className="cc-active"
            {...cellControl}
            checked={row.active}
            aria-label={t('costCenterPage.activeFor', { code: row.code })}
            onChange={() => actions.toggleActive(row)}
          />
        ) : (
          <span className={`badge badge--${row.active ? 'ok' : 'warning'}`}>
            {t(row.active ? 'costCenterPage.active' : 'costCenterPage.inactive')}
          </span>
        ),
    },
    {
      id: 'updatedAt',
      header: t('costCenterPage.updatedAt'),
      width: 150,
      minWidth: 130,
      // Outlasts owner and type as the window narrows: a waiting edit or a conflict must stay in view.
      priority: 2,
      sortable: true,
      fit: [formatDateTime('2026-12-28T23:58:00Z', language), t('names.waiting.conflict')],
      fitExtra: 12,
      // A local edit's time is this device's: until the operator has it, its state says more.
      render: (row) =>
        row.waiting ? <WaitingMark state={row.waiting} /> : formatDateTime(row.updatedAt, language),
    },
    {
      id: 'assignments',
      header: t('costCenterPage.columns.assignments'),
      width: 100,
      align: 'end',
      priority: 4,
      sortable: true,
      fit: ['0000'],
      render: (row) => row.assignments,
    },
  ];
  if (!actions) return columns;
  return [
    ...columns,
    {
      id: 'actions',
      header: t('costCenterPage.actions'),
      width: 100,
      fit: [t('costCenterPage.deleteShort')],
      fitExtra: 8,
      render: (row) => (
        <button
          type="button"
          className="cc-link-button cc-link-button--danger"
          {...cellControl}
          aria-label={t('costCenterPage.delete', { code: row.code })}
          onClick={() => actions.remove(row)}
        >
          {t('costCenterPage.deleteShort')}
        </button>
      ),
    },
  ];
};
