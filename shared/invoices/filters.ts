import type { Invoice, InvoiceStatus, InvoiceType } from '../api/schemas';
import { parseMoney } from '../core/money';

/**
 * The invoice list's filters and sort, as they live in the URL (so back/forward and reload keep
 * them), and their application to the stored headers. Pure: the page and its tests share it.
 */
export interface InvoiceFilters {
  /** Billing period overlapping these months, "2026-01" .. "2026-06", inclusive. */
  fromMonth: string | null;
  toMonth: string | null;
  debtor: string | null;
  invoiceReference: string | null;
  status: InvoiceStatus | null;
  type: InvoiceType | null;
  /** Start of the invoice number, or any part of it. */
  number: string;
  archived: 'all' | 'current' | 'archived';
}

export const invoiceSortKeys = [
  'number',
  'debtorNumber',
  'invoiceReference',
  'periodStart',
  'issueDate',
  'dueDate',
  'netTotal',
  'vatTotal',
  'grossTotal',
  'status',
] as const;
export type InvoiceSortKey = (typeof invoiceSortKeys)[number];
export interface InvoiceSort {
  key: InvoiceSortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_INVOICE_FILTERS: InvoiceFilters = {
  fromMonth: null,
  toMonth: null,
  debtor: null,
  invoiceReference: null,
  status: null,
  type: null,
  number: '',
  archived: 'all',
};
export const DEFAULT_INVOICE_SORT: InvoiceSort = { key: 'issueDate', direction: 'desc' };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const statuses: readonly InvoiceStatus[] = ['open', 'paid', 'overdue', 'cancelled'];
const types: readonly InvoiceType[] = ['invoice', 'credit-note'];
const pick = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  allowed.find((candidate) => candidate === value) ?? null;

/** Reads filters from a URL query; anything malformed is ignored rather than trusted. */
export const parseInvoiceQuery = (
  params: URLSearchParams,
): { filters: InvoiceFilters; sort: InvoiceSort } => {
  const month = (name: string) => {
    const value = params.get(name);
    return value && MONTH.test(value) ? value : null;
  };
  const digits = (name: string) => {
    const value = params.get(name);
    return value && /^\d{1,12}$/.test(value) ? value : null;
  };
  const archived = params.get('archived');
  return {
    filters: {
      fromMonth: month('from'),
      toMonth: month('to'),
      debtor: digits('debtor'),
      invoiceReference: digits('ref'),
      status: pick(statuses, params.get('status')),
      type: pick(types, params.get('type')),
      number: (params.get('q') ?? '').replace(/\D/g, '').slice(0, 10),
      archived: archived === 'current' || archived === 'archived' ? archived : 'all',
    },
    sort: {
      key: pick(invoiceSortKeys, params.get('sort')) ?? DEFAULT_INVOICE_SORT.key,
      direction:
        params.get('dir') === 'asc'
          ? 'asc'
          : params.get('dir') === 'desc'
            ? 'desc'
            : DEFAULT_INVOICE_SORT.direction,
    },
  };
};

export const invoiceQueryParams = (filters: InvoiceFilters, sort: InvoiceSort): URLSearchParams => {
  const params = new URLSearchParams();
  if (filters.fromMonth) params.set('from', filters.fromMonth);
  if (filters.toMonth) params.set('to', filters.toMonth);
  if (filters.debtor) params.set('debtor', filters.debtor);
  if (filters.invoiceReference) params.set('ref', filters.invoiceReference);
  if (filters.status) params.set('status', filters.status);
  if (filters.type) params.set('type', filters.type);
  if (filters.number) params.set('q', filters.number);
  if (filters.archived !== 'all') params.set('archived', filters.archived);
  if (sort.key !== DEFAULT_INVOICE_SORT.key || sort.direction !== DEFAULT_INVOICE_SORT.direction) {
    params.set('sort', sort.key);
    params.set('dir', sort.direction);
  }
  return params;
};

export const matchesInvoice = (invoice: Invoice & { archived?: 0 | 1 }, filters: InvoiceFilters): boolean => {
  if (filters.fromMonth && invoice.periodEnd.slice(0, 7) < filters.fromMonth) return false;
  if (filters.toMonth && invoice.periodStart.slice(0, 7) > filters.toMonth) return false;
  if (filters.debtor && invoice.debtorNumber !== filters.debtor) return false;
  if (filters.invoiceReference && invoice.invoiceReference !== filters.invoiceReference) return false;
  if (filters.status && invoice.status !== filters.status) return false;
  if (filters.type && invoice.type !== filters.type) return false;
  if (filters.number && !invoice.number.includes(filters.number)) return false;
  if (filters.archived === 'current' && invoice.archived === 1) return false;
  if (filters.archived === 'archived' && invoice.archived !== 1) return false;
  return true;
};

const moneyKeys = new Set<InvoiceSortKey>(['netTotal', 'vatTotal', 'grossTotal']);

export const compareInvoices = (sort: InvoiceSort) => {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a: Invoice, b: Invoice): number => {
    const primary = moneyKeys.has(sort.key)
      ? parseMoney(a[sort.key]) - parseMoney(b[sort.key])
      : a[sort.key] < b[sort.key]
        ? -1
        : a[sort.key] > b[sort.key]
          ? 1
          : 0;
    // Ties fall back to the invoice number so the order is stable across reloads.
    return sign * (primary !== 0 ? primary : a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
  };
};

export const queryInvoices = <T extends Invoice & { archived?: 0 | 1 }>(
  invoices: readonly T[],
  filters: InvoiceFilters,
  sort: InvoiceSort,
): T[] => invoices.filter((invoice) => matchesInvoice(invoice, filters)).sort(compareInvoices(sort));

export interface InvoiceTotals {
  count: number;
  netCentimes: number;
  vatCentimes: number;
  grossCentimes: number;
}

export const totalInvoices = (invoices: readonly Invoice[]): InvoiceTotals =>
  invoices.reduce(
    (sum, invoice) => ({
      count: sum.count + 1,
      netCentimes: sum.netCentimes + parseMoney(invoice.netTotal),
      vatCentimes: sum.vatCentimes + parseMoney(invoice.vatTotal),
      grossCentimes: sum.grossCentimes + parseMoney(invoice.grossTotal),
    }),
    { count: 0, netCentimes: 0, vatCentimes: 0, grossCentimes: 0 },
  );
