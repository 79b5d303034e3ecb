import type { KeyKind } from '../../../shared/api/schemas';
import type { ExportColumn } from '../../../shared/export/columns';
import { csvOptionsFor, toCsv } from '../../../shared/export/csv';
import { toXlsx } from '../../../shared/export/xlsx';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import type { LineGroup, LineIndex, LineRow } from '../../../shared/lines/lineIndex';
import { formatQuantity, formatUnitPrice } from '../../../shared/core/money';
import type { ExportRequest as ExportCall } from './protocol';

type ExportRequest = ExportCall & {
  serviceName: (code: string) => string;
  designation: (kind: KeyKind, key: string) => string | null;
};

/** Every exportable column: its type in the file and how a row fills it. */
const columnDefinitions = (
  request: ExportRequest,
): Record<string, { type: ExportColumn['type']; value: (row: LineRow) => unknown }> => ({
  invoiceNumber: { type: 'text', value: (row) => row.invoiceNumber },
  lineNo: { type: 'integer', value: (row) => row.lineNo },
  service: { type: 'text', value: (row) => `${row.serviceCode} ${request.serviceName(row.serviceCode)}` },
  serviceDesignation: { type: 'text', value: (row) => request.designation('service', row.serviceCode) },
  description: { type: 'text', value: (row) => row.description || null },
  serviceDate: { type: 'date', value: (row) => row.serviceDate },
  licence: { type: 'text', value: (row) => row.frankingLicence },
  licenceDesignation: {
    type: 'text',
    value: (row) => request.designation('frankingLicence', row.frankingLicence),
  },
  reference: { type: 'text', value: (row) => row.invoiceReference },
  referenceDesignation: {
    type: 'text',
    value: (row) => request.designation('invoiceReference', row.invoiceReference),
  },
  customerReference: { type: 'text', value: (row) => row.customerReference },
  quantity: { type: 'decimal', value: (row) => formatQuantity(row.quantityMilli) },
  unitPrice: { type: 'decimal', value: (row) => formatUnitPrice(row.unitPrice) },
  net: { type: 'money', value: (row) => row.netCentimes },
  vatRate: { type: 'decimal', value: (row) => (row.vatRateBp / 100).toFixed(1) },
  vat: { type: 'money', value: (row) => row.vatCentimes },
  gross: { type: 'money', value: (row) => row.netCentimes + row.vatCentimes },
  // The parts as the explorer's column shows them ("2100 70% · 3100 30%"), without translation:
  // a line no assignment charges has the text the page sends for it.
  costCenter: { type: 'text', value: (row) => partsText(row, request.unassignedLabel ?? null) },
  charged: { type: 'money', value: (row) => row.chargedNetCentimes },
  chargedVat: { type: 'money', value: (row) => row.chargedVatCentimes },
});

const partsText = (row: LineRow, unassigned: string | null): string | null => {
  const [first] = row.parts;
  if (!first || first.costCenterCode === null) return unassigned;
  if (row.parts.length === 1) return first.costCenterCode;
  return row.parts.map((part) => `${part.costCenterCode ?? ''} ${part.percent}%`).join(' · ');
};

const BATCH = 10_000;

/** The filtered set as a file: rows are decoded in batches so no million-object array is ever built. */
export const exportLines = (
  index: LineIndex,
  ids: Uint32Array,
  request: ExportRequest,
  costCenters?: readonly string[],
): Uint8Array<ArrayBuffer> => {
  const definitions = columnDefinitions(request);
  const chosen = request.columns.filter((id) => id in definitions);
  const columns: ExportColumn[] = chosen.map((id) => ({
    id,
    header: request.headers[id] ?? id,
    type: definitions[id]?.type ?? 'text',
  }));
  function* rows(): Generator<unknown[]> {
    for (let start = 0; start < ids.length; start += BATCH) {
      for (const row of index.rows(ids, start, BATCH, costCenters))
        yield chosen.map((id) => definitions[id]?.value(row) ?? null);
    }
  }
  return encode(columns, rows(), request);
};

/** Both formats through the one writer each, so text cells keep the formula guard (export/sanitize.ts). */
const encode = (
  columns: readonly ExportColumn[],
  rows: Iterable<unknown[]>,
  request: ExportRequest,
): Uint8Array<ArrayBuffer> => {
  if (request.format === 'csv')
    return new TextEncoder().encode(toCsv(columns, rows, csvOptionsFor(request.language)));
  const bytes = toXlsx(columns, rows, {
    sheetName: request.sheetName,
    dateFormat: request.language === 'en' ? 'yyyy-mm-dd' : 'dd.mm.yyyy',
  });
  return new Uint8Array(bytes);
};

/** The grouped view as a file: one row per subtotal, the key beside its name, exact centimes. */
export const exportGroups = (
  groups: readonly LineGroup[],
  request: ExportRequest,
): Uint8Array<ArrayBuffer> => {
  const header = (id: string) => request.headers[id] ?? id;
  const columns: ExportColumn[] = [
    { id: 'groupKey', header: header('groupKey'), type: 'text' },
    { id: 'groupName', header: header('groupName'), type: 'text' },
    { id: 'count', header: header('count'), type: 'integer' },
    { id: 'net', header: header('net'), type: 'money' },
    { id: 'vat', header: header('vat'), type: 'money' },
    { id: 'gross', header: header('gross'), type: 'money' },
  ];
  // Grouped under a cost-centre filter: each subtotal also carries the share charged to it.
  const withCharged = groups.some((group) => group.chargedNetCentimes !== null);
  if (withCharged) columns.push({ id: 'charged', header: header('charged'), type: 'money' });
  const nameOf = (key: string): string | null => {
    switch (request.group) {
      case 'service':
        return request.serviceName(key);
      case 'licence':
        return request.designation('frankingLicence', key);
      case 'reference':
        return request.designation('invoiceReference', key);
      case 'costCenter':
        return key === UNASSIGNED ? (request.unassignedLabel ?? null) : null;
      case 'month':
      case undefined:
        return null;
    }
  };
  const rows = groups.map((group) => [
    group.key === UNASSIGNED ? null : group.key,
    nameOf(group.key),
    group.count,
    group.netCentimes,
    group.vatCentimes,
    group.grossCentimes,
    ...(withCharged ? [group.chargedNetCentimes] : []),
  ]);
  return encode(columns, rows, request);
};
