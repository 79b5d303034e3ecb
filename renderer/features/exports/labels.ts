import type { TFunction } from 'i18next';
import type { JournalField } from '../../../shared/export/journal';
import type { Catalogue } from '../../../shared/i18n/en';
import type { WireLabels } from '../../workers/exportFile/protocol';

/** Sheet and column names in the clerk's language, as the export worker takes them. */
export const exportLabels = (t: TFunction): WireLabels => {
  const column = (key: keyof Catalogue['exports']['columns']) => t(`exports.columns.${key}`);
  return {
    sheets: {
      overview: t('exports.sheets.overview'),
      invoices: t('exports.sheets.invoices'),
      lines: t('exports.sheets.lines'),
      centreMonth: t('exports.sheets.centreMonth'),
      journal: t('exports.sheets.journal'),
    },
    overview: {
      field: column('field'),
      value: column('value'),
      from: column('from'),
      to: column('to'),
      net: column('net'),
      vat: column('vat'),
      gross: column('gross'),
      lines: column('lines'),
      invoices: column('invoices'),
    },
    invoices: {
      number: column('invoice'),
      issueDate: column('issueDate'),
      dueDate: column('dueDate'),
      periodStart: column('periodStart'),
      periodEnd: column('periodEnd'),
      net: column('net'),
      vat: column('vat'),
      gross: column('gross'),
      lines: column('lines'),
    },
    lines: {
      invoice: column('invoice'),
      lineNo: column('lineNo'),
      serviceDate: column('serviceDate'),
      service: column('service'),
      serviceName: column('serviceName'),
      description: column('description'),
      licence: column('licence'),
      reference: column('reference'),
      customerReference: column('customerReference'),
      quantity: column('quantity'),
      unitPrice: column('unitPrice'),
      net: column('net'),
      vatRate: column('vatRate'),
      vat: column('vat'),
      gross: column('gross'),
      costCenter: column('costCenter'),
    },
    centreMonth: { code: column('costCenter'), name: column('centreName'), total: column('total') },
    journal: {
      period: column('period'),
      costCenter: column('costCenter'),
      centreName: column('centreName'),
      service: column('service'),
      net: column('net'),
      vatRate: column('vatRate'),
      vat: column('vat'),
      gross: column('gross'),
      invoices: column('invoiceNumbers'),
    },
    unassigned: t('exports.unassigned'),
  };
};

/** The generic journal's column names (SAP and DATEV have fixed ones). */
export const journalHeadersOf = (labels: WireLabels): Record<JournalField, string> => ({
  period: labels.journal.period,
  costCenter: labels.journal.costCenter,
  service: labels.journal.service,
  net: labels.journal.net,
  vatRate: labels.journal.vatRate,
  vat: labels.journal.vat,
  gross: labels.journal.gross,
  invoices: labels.journal.invoices,
});
