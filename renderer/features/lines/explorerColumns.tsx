import type { TFunction } from 'i18next';
import { formatAmount, formatDate } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import { lineSortKeys, type LineRow, type LineSortKey } from '../../../shared/lines/lineIndex';
import { formatQuantity, formatUnitPrice } from '../../../shared/core/money';
import type { Column, GridCell } from '../../ui/VirtualTable';
import { amountSamples, dateSamples } from '../../ui/columnSamples';
import { DesignationName, type Names } from '../designations';
import { hrefForInvoice } from '../../app/router/routes';
import { PartsCell } from './LineParts';
import { rowReasonText } from './reasonText';

/**
 * A line's own columns (the invoice's page shows them too). The explorer adds what only a query
 * over cost centres gives: the charged share and the reason. Every column but the reason sorts.
 */
export const explorerColumnIds = lineSortKeys.filter(
  (id): id is Exclude<LineSortKey, 'charged'> => id !== 'charged',
);
export type ExplorerColumnId = LineSortKey | 'reason';
/** The Lines page's columns in their order; `charged` only means something under a cost-centre filter. */
export const linesPageColumnIds = [...lineSortKeys, 'reason'] as const satisfies readonly ExplorerColumnId[];

export interface ExplorerColumnOptions {
  /** The cost-centre filter: the charged column and the reasons speak of its share. */
  costCenters?: readonly string[];
  /** Opens a line's parts (the cost-centre cell's button). */
  onShowParts?: (row: LineRow, back: GridCell | null) => void;
}

/** The explorer's columns; headers double as export headers. */
export const explorerColumns = (
  t: TFunction,
  language: Language,
  names: Names,
  options: ExplorerColumnOptions = {},
): Record<ExplorerColumnId, Column<LineRow>> => {
  const { costCenters, onShowParts } = options;
  const amount = (centimes: number) => formatAmount(centimes, language);
  const dates = dateSamples(language);
  // Five digits of francs: a line is a part of an invoice.
  const amounts = amountSamples(language, 5);
  return {
    invoiceNumber: {
      id: 'invoiceNumber',
      header: t('invoice.columns.invoiceNumber'),
      width: 110,
      minWidth: 105,
      fit: ['0000000000'],
      render: (row) => (
        <a href={hrefForInvoice(row.invoiceId)} tabIndex={-1}>
          {row.invoiceNumber}
        </a>
      ),
    },
    lineNo: {
      id: 'lineNo',
      header: t('invoice.columns.lineNo'),
      width: 64,
      minWidth: 50,
      priority: 3,
      hiddenByDefault: true,
      align: 'end',
      fit: ['0000'],
      render: (row) => row.lineNo,
    },
    service: {
      id: 'service',
      header: t('invoice.columns.service'),
      width: 260,
      minWidth: 150,
      grow: 2,
      render: (row) => <DesignationName kind="service" itemKey={row.serviceCode} names={names} />,
    },
    description: {
      id: 'description',
      header: t('invoice.columns.description'),
      width: 200,
      minWidth: 120,
      priority: 4,
      grow: 1,
      hiddenByDefault: true,
      render: (row) => row.description,
    },
    serviceDate: {
      id: 'serviceDate',
      header: t('invoice.columns.serviceDate'),
      width: 100,
      minWidth: 96,
      priority: 2,
      fit: dates,
      render: (row) => formatDate(row.serviceDate, language),
    },
    licence: {
      id: 'licence',
      header: t('invoice.columns.licence'),
      width: 200,
      minWidth: 110,
      priority: 3,
      grow: 1,
      render: (row) => <DesignationName kind="frankingLicence" itemKey={row.frankingLicence} names={names} />,
    },
    reference: {
      id: 'reference',
      header: t('invoice.columns.reference'),
      width: 200,
      minWidth: 110,
      priority: 3,
      grow: 1,
      render: (row) => (
        <DesignationName kind="invoiceReference" itemKey={row.invoiceReference} names={names} />
      ),
    },
    customerReference: {
      id: 'customerReference',
      header: t('invoice.columns.customerReference'),
      width: 140,
      minWidth: 100,
      priority: 5,
      render: (row) => row.customerReference ?? '',
    },
    quantity: {
      id: 'quantity',
      header: t('invoice.columns.quantity'),
      width: 90,
      minWidth: 70,
      priority: 2,
      align: 'end',
      fit: [formatQuantity(-99_999_999)],
      render: (row) => formatQuantity(row.quantityMilli),
    },
    unitPrice: {
      id: 'unitPrice',
      header: t('invoice.columns.unitPrice'),
      width: 100,
      minWidth: 80,
      priority: 3,
      hiddenByDefault: true,
      align: 'end',
      fit: [formatUnitPrice(-99_999_999)],
      render: (row) => formatUnitPrice(row.unitPrice),
    },
    net: {
      id: 'net',
      header: t('invoice.columns.net'),
      width: 110,
      minWidth: 100,
      align: 'end',
      fit: amounts,
      render: (row) => amount(row.netCentimes),
    },
    vatRate: {
      id: 'vatRate',
      header: t('invoice.columns.vatRate'),
      width: 70,
      minWidth: 60,
      priority: 3,
      hiddenByDefault: true,
      align: 'end',
      fit: ['00.0'],
      render: (row) => (row.vatRateBp / 100).toFixed(1),
    },
    vat: {
      id: 'vat',
      header: t('invoice.columns.vat'),
      width: 100,
      minWidth: 90,
      priority: 4,
      align: 'end',
      fit: amounts,
      render: (row) => amount(row.vatCentimes),
    },
    gross: {
      id: 'gross',
      header: t('invoice.columns.gross'),
      width: 110,
      minWidth: 100,
      align: 'end',
      fit: amounts,
      render: (row) => amount(row.netCentimes + row.vatCentimes),
    },
    costCenter: {
      id: 'costCenter',
      header: t('invoice.columns.costCenter'),
      width: 170,
      minWidth: 120,
      // Where a line's cost goes is what this page is for: kept at every width, sized for a 2-way split.
      priority: 1,
      fit: ['0000 00% · 0000 00%'],
      render: (row) =>
        onShowParts ? <PartsCell row={row} onShow={onShowParts} /> : row.costCenters.join(', '),
    },
    charged: {
      id: 'charged',
      header: t('lines.chargedColumn'),
      width: 110,
      minWidth: 100,
      align: 'end',
      fit: amounts,
      render: (row) => (row.chargedNetCentimes === null ? '' : amount(row.chargedNetCentimes)),
    },
    reason: {
      id: 'reason',
      header: t('lines.reasonColumn'),
      width: 320,
      minWidth: 200,
      priority: 4,
      grow: 2,
      render: (row) => (
        <span className="line-parts__reason">{rowReasonText(row, costCenters, t, language, names)}</span>
      ),
    },
  };
};
