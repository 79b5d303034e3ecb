import type { Invoice, InvoiceStatus, InvoiceType } from '../api/schemas';
import { parseMoney } from '../core/money';
import {
  matchesInvoiceSearch,
  parseInvoiceSearch,
  SEARCH_MAX_LENGTH,
  type InvoiceSearchContext,
} from './search';

/**
 * The invoice list's filters and sort, as they live in the URL (so back/forward and reload keep
 * them), and their application to the stored headers. Pure: the page and its tests share it.
 */
export interface InvoiceFilters {
  /** Billing period overlapping these days, ISO, inclusive. */
  from: string | null;
  to: string | null;
  /** Several values: an invoice matches any of them; none chosen matches all. */
  debtors: readonly string[];
  invoiceReferences: readonly string[];
  statuses: readonly InvoiceStatus[];
  types: readonly InvoiceType[];
  /** The search box as typed (see search.ts). */
  search: string;
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
  from: null,
  to: null,
  debtors: [],
  invoiceReferences: [],
  statuses: [],
  types: [],
  search: '',
  archived: 'all',
};
export const DEFAULT_INVOICE_SORT: InvoiceSort = { key: 'issueDate', direction: 'desc' };

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// Links written before the period took days carry months ("2026-01").
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DIGITS = /^\d{1,12}$/;
const statuses: readonly InvoiceStatus[] = ['open', 'paid', 'overdue', 'cancelled'];
const types: readonly InvoiceType[] = ['invoice', 'credit-note'];
const pick = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  allowed.find((candidate) => candidate === value) ?? null;
const pickAll = <T extends string>(allowed: readonly T[], values: readonly string[]): T[] =>
  allowed.filter((candidate) => values.includes(candidate));
const distinct = (values: readonly string[]) => [...new Set(values)];

/** Reads filters from a URL query; anything malformed is ignored rather than trusted. */
export const parseInvoiceQuery = (
  params: URLSearchParams,
): { filters: InvoiceFilters; sort: InvoiceSort } => {
  const day = (name: string, edge: 'start' | 'end') => {
    const value = params.get(name);
    if (!value) return null;
    if (DAY.test(value) && !Number.isNaN(Date.parse(value))) return value;
    if (!MONTH.test(value)) return null;
    if (edge === 'start') return `${value}-01`;
    const last = new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)), 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, '0')}`;
  };
  const digits = (name: string) => distinct(params.getAll(name).filter((value) => DIGITS.test(value)));
  const archived = params.get('archived');
  return {
    filters: {
      from: day('from', 'start'),
      to: day('to', 'end'),
      debtors: digits('debtor'),
      invoiceReferences: digits('ref'),
      statuses: pickAll(statuses, params.getAll('status')),
      types: pickAll(types, params.getAll('type')),
      search: (params.get('q') ?? '').slice(0, SEARCH_MAX_LENGTH),
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
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  for (const value of filters.debtors) params.append('debtor', value);
  for (const value of filters.invoiceReferences) params.append('ref', value);
  for (const value of filters.statuses) params.append('status', value);
  for (const value of filters.types) params.append('type', value);
  if (filters.search) params.set('q', filters.search);
  if (filters.archived !== 'all') params.set('archived', filters.archived);
  if (sort.key !== DEFAULT_INVOICE_SORT.key || sort.direction !== DEFAULT_INVOICE_SORT.direction) {
    params.set('sort', sort.key);
    params.set('dir', sort.direction);
  }
  return params;
};

const anyOf = (chosen: readonly string[], value: string) => chosen.length === 0 || chosen.includes(value);

export const matchesInvoice = (
  invoice: Invoice & { archived?: 0 | 1 },
  filters: InvoiceFilters,
  context: InvoiceSearchContext = {},
): boolean => {
  if (filters.from && invoice.periodEnd < filters.from) return false;
  if (filters.to && invoice.periodStart > filters.to) return false;
  if (!anyOf(filters.debtors, invoice.debtorNumber)) return false;
  if (!anyOf(filters.invoiceReferences, invoice.invoiceReference)) return false;
  if (!anyOf(filters.statuses, invoice.status)) return false;
  if (!anyOf(filters.types, invoice.type)) return false;
  if (filters.archived === 'current' && invoice.archived === 1) return false;
  if (filters.archived === 'archived' && invoice.archived !== 1) return false;
  return matchesInvoiceSearch(invoice, parseInvoiceSearch(filters.search), context);
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
  context: InvoiceSearchContext = {},
): T[] => {
  // Parsed once, not once per invoice.
  const search = parseInvoiceSearch(filters.search);
  const unsearched = { ...filters, search: '' };
  return invoices
    .filter(
      (invoice) => matchesInvoice(invoice, unsearched) && matchesInvoiceSearch(invoice, search, context),
    )
    .sort(compareInvoices(sort));
};

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
