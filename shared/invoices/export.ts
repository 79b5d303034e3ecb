import type { Invoice } from '../api/schemas';
import type { ExportColumn } from '../export/columns';
import { csvOptionsFor, toCsv } from '../export/csv';
import { toXlsx } from '../export/xlsx';
import type { Language } from '../i18n/languages';
import { parseMoney } from '../core/money';

export const invoiceExportColumnIds = [
  'number',
  'type',
  'debtor',
  'reference',
  'referenceName',
  'periodStart',
  'periodEnd',
  'issueDate',
  'dueDate',
  'net',
  'vat',
  'gross',
  'status',
  'qrReference',
] as const;
export type InvoiceExportColumnId = (typeof invoiceExportColumnIds)[number];

const types: Record<InvoiceExportColumnId, ExportColumn['type']> = {
  number: 'text',
  type: 'text',
  debtor: 'text',
  reference: 'text',
  referenceName: 'text',
  periodStart: 'date',
  periodEnd: 'date',
  issueDate: 'date',
  dueDate: 'date',
  net: 'money',
  vat: 'money',
  gross: 'money',
  status: 'text',
  qrReference: 'text',
};

export interface InvoiceExportRequest {
  format: 'csv' | 'xlsx';
  language: Language;
  sheetName: string;
  /** Translated headers, one per column. */
  headers: Record<InvoiceExportColumnId, string>;
  /** Translated status and type, and the reference's name when it has one. */
  statusLabel: (invoice: Invoice) => string;
  typeLabel: (invoice: Invoice) => string;
  referenceName: (reference: string) => string | null;
}

/**
 * The invoice list as shown (filtered and sorted) as a file, through the same writers as the line
 * export: numbers stay text so leading zeros survive, amounts exact centimes, text formula-guarded.
 */
export const exportInvoices = (
  invoices: readonly Invoice[],
  request: InvoiceExportRequest,
): Uint8Array<ArrayBuffer> => {
  const columns: ExportColumn[] = invoiceExportColumnIds.map((id) => ({
    id,
    header: request.headers[id],
    type: types[id],
  }));
  const values = (invoice: Invoice): Record<InvoiceExportColumnId, unknown> => ({
    number: invoice.number,
    type: request.typeLabel(invoice),
    debtor: invoice.debtorNumber,
    reference: invoice.invoiceReference,
    referenceName: request.referenceName(invoice.invoiceReference),
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    net: parseMoney(invoice.netTotal),
    vat: parseMoney(invoice.vatTotal),
    gross: parseMoney(invoice.grossTotal),
    status: request.statusLabel(invoice),
    qrReference: invoice.qrReference ?? null,
  });
  function* rows(): Generator<unknown[]> {
    for (const invoice of invoices) {
      const row = values(invoice);
      yield invoiceExportColumnIds.map((id) => row[id]);
    }
  }
  if (request.format === 'csv')
    return new TextEncoder().encode(toCsv(columns, rows(), csvOptionsFor(request.language)));
  return new Uint8Array(
    toXlsx(columns, rows(), {
      sheetName: request.sheetName,
      dateFormat: request.language === 'en' ? 'yyyy-mm-dd' : 'dd.mm.yyyy',
    }),
  );
};
