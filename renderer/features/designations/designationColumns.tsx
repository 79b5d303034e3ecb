import type { TFunction } from 'i18next';
import type { NameRow } from '../../../shared/designations/nameRows';
import type { Column } from '../../ui/VirtualTable';
import { linesOf } from './linesOf';
import { OwnNameCell } from './OwnNameCell';
import { WaitingMark } from './WaitingMark';

/** The Names table's columns. */
export const designationColumns = (t: TFunction): Column<NameRow>[] => {
  const kindLabel = (row: NameRow) => t(`names.kinds.${row.kind}`);
  return [
    {
      id: 'kind',
      header: t('names.columns.kind'),
      width: 160,
      minWidth: 120,
      fit: (['service', 'frankingLicence', 'invoiceReference'] as const).map((kind) =>
        t(`names.kinds.${kind}`),
      ),
      render: kindLabel,
    },
    {
      id: 'key',
      header: t('names.columns.key'),
      width: 130,
      minWidth: 100,
      // Out of the Tab order like the explorer's invoice links: Enter on the row follows it.
      render: (row) => (
        <a href={linesOf(row.kind, row.key)} tabIndex={-1}>
          {row.key}
        </a>
      ),
    },
    {
      id: 'operatorName',
      header: t('names.columns.operatorName'),
      width: 260,
      minWidth: 140,
      grow: 1,
      render: (row) => <span title={row.operatorName ?? undefined}>{row.operatorName}</span>,
    },
    {
      id: 'ownName',
      header: t('names.columns.ownName'),
      width: 300,
      minWidth: 180,
      grow: 1,
      render: (row) => <OwnNameCell kind={row.kind} itemKey={row.key} ownName={row.ownName} />,
    },
    {
      id: 'state',
      header: t('names.columns.state'),
      width: 180,
      minWidth: 130,
      priority: 2,
      render: (row) => <WaitingMark state={row.waiting} />,
    },
  ];
};
