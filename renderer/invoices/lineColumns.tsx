import type { TFunction } from 'i18next';
import { formatAmount, formatDate } from '../../shared/format';
import type { Language } from '../../shared/i18n/languages';
import type { LineBlock } from '../../shared/lines/block';
import { dayToIso } from '../../shared/lines/dates';
import { formatQuantity, formatUnitPrice } from '../../shared/money';
import type { Column } from '../components/VirtualTable';
import { DesignationName } from '../names/DesignationName';
import type { Names } from '../names/useNames';

/** A line addressed in its block: rows render straight from the columns, nothing is decoded ahead. */
export interface LineRef {
  block: LineBlock;
  index: number;
}

const text = (ref: LineRef, column: Uint16Array) => ref.block.dict[column[ref.index] ?? 0] ?? '';
const num = (column: Int32Array | Float64Array | Uint16Array, index: number) => column[index] ?? 0;

export const lineKey = (ref: LineRef): string => `${ref.block.invoiceId}#${num(ref.block.lineNo, ref.index)}`;

export const lineColumnIds = [
  'lineNo',
  'service',
  'description',
  'serviceDate',
  'licence',
  'reference',
  'customerReference',
  'quantity',
  'unitPrice',
  'net',
  'vatRate',
  'vat',
  'gross',
] as const;
export type LineColumnId = (typeof lineColumnIds)[number];

export const lineColumns = (
  t: TFunction,
  language: Language,
  names: Names,
): Array<Column<LineRef> & { id: LineColumnId }> => {
  const amount = (centimes: number) => formatAmount(centimes, language);
  return [
    {
      id: 'lineNo',
      header: t('invoice.columns.lineNo'),
      width: 64,
      align: 'end',
      render: (ref) => num(ref.block.lineNo, ref.index),
    },
    {
      id: 'service',
      header: t('invoice.columns.service'),
      width: 280,
      render: (ref) => (
        <DesignationName kind="service" itemKey={text(ref, ref.block.serviceCode)} names={names} />
      ),
    },
    {
      id: 'description',
      header: t('invoice.columns.description'),
      width: 200,
      render: (ref) => text(ref, ref.block.description),
    },
    {
      id: 'serviceDate',
      header: t('invoice.columns.serviceDate'),
      width: 110,
      render: (ref) => formatDate(dayToIso(num(ref.block.serviceDay, ref.index)), language),
    },
    {
      id: 'licence',
      header: t('invoice.columns.licence'),
      width: 220,
      render: (ref) => (
        <DesignationName
          kind="frankingLicence"
          itemKey={text(ref, ref.block.frankingLicence)}
          names={names}
        />
      ),
    },
    {
      id: 'reference',
      header: t('invoice.columns.reference'),
      width: 220,
      render: (ref) => (
        <DesignationName
          kind="invoiceReference"
          itemKey={text(ref, ref.block.invoiceReference)}
          names={names}
        />
      ),
    },
    {
      id: 'customerReference',
      header: t('invoice.columns.customerReference'),
      width: 150,
      render: (ref) => ref.block.customerReference[ref.index] ?? '',
    },
    {
      id: 'quantity',
      header: t('invoice.columns.quantity'),
      width: 90,
      align: 'end',
      render: (ref) => formatQuantity(num(ref.block.quantityMilli, ref.index)),
    },
    {
      id: 'unitPrice',
      header: t('invoice.columns.unitPrice'),
      width: 100,
      align: 'end',
      render: (ref) => formatUnitPrice(num(ref.block.unitPrice, ref.index)),
    },
    {
      id: 'net',
      header: t('invoice.columns.net'),
      width: 110,
      align: 'end',
      render: (ref) => amount(num(ref.block.netCentimes, ref.index)),
    },
    {
      id: 'vatRate',
      header: t('invoice.columns.vatRate'),
      width: 70,
      align: 'end',
      render: (ref) => (num(ref.block.vatRateBp, ref.index) / 100).toFixed(1),
    },
    {
      id: 'vat',
      header: t('invoice.columns.vat'),
      width: 100,
      align: 'end',
      render: (ref) => amount(num(ref.block.vatCentimes, ref.index)),
    },
    {
      id: 'gross',
      header: t('invoice.columns.gross'),
      width: 110,
      align: 'end',
      render: (ref) => amount(num(ref.block.netCentimes, ref.index) + num(ref.block.vatCentimes, ref.index)),
    },
  ];
};
