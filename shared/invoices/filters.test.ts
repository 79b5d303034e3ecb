import { describe, expect, it } from 'vitest';
import type { Invoice } from '../api/schemas';
import { invoiceFixture } from '../testing/invoiceFixture';
import {
  DEFAULT_INVOICE_FILTERS,
  DEFAULT_INVOICE_SORT,
  invoiceQueryParams,
  parseInvoiceQuery,
  queryInvoices,
  totalInvoices,
} from './filters';

const invoice = ({
  archived = 0,
  ...overrides
}: Partial<Invoice> & { archived?: 0 | 1 }): Invoice & { archived: 0 | 1 } => ({
  ...invoiceFixture(overrides),
  archived,
});

const invoices = [
  invoice({
    id: 'a',
    number: '1000000001',
    periodStart: '2025-06-01',
    periodEnd: '2025-06-30',
    issueDate: '2025-07-02',
    grossTotal: '9.90',
    status: 'paid',
    archived: 1,
  }),
  invoice({
    id: 'b',
    number: '1000000002',
    periodStart: '2026-01-01',
    periodEnd: '2026-01-31',
    grossTotal: '1000.05',
    debtorNumber: '300400',
  }),
  invoice({
    id: 'c',
    number: '1000000013',
    periodStart: '2026-02-01',
    periodEnd: '2026-02-28',
    issueDate: '2026-03-02',
    grossTotal: '-50.00',
    type: 'credit-note',
  }),
  invoice({
    id: 'd',
    number: '1000000104',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    issueDate: '2026-04-02',
    grossTotal: '200.00',
    status: 'overdue',
    invoiceReference: '87654321',
  }),
];

describe('invoice filters', () => {
  it('round-trips through the URL and ignores tampered values', () => {
    const filters = {
      ...DEFAULT_INVOICE_FILTERS,
      from: '2026-01-01',
      to: '2026-03-31',
      debtors: ['300400', '100200'],
      invoiceReferences: ['87654321'],
      statuses: ['open', 'overdue'] as const,
      types: ['credit-note'] as const,
      search: "KST 7860 1'234.50",
      archived: 'current' as const,
    };
    const sort = { key: 'grossTotal' as const, direction: 'asc' as const };
    expect(parseInvoiceQuery(invoiceQueryParams(filters, sort))).toEqual({ filters, sort });
    expect(
      parseInvoiceQuery(new URLSearchParams('from=2026-13&to=2026-02-30x&status=lost&debtor=x1&sort=evil')),
    ).toEqual({ filters: DEFAULT_INVOICE_FILTERS, sort: DEFAULT_INVOICE_SORT });
    expect(invoiceQueryParams(DEFAULT_INVOICE_FILTERS, DEFAULT_INVOICE_SORT).toString()).toBe('');
  });

  it('keeps several values per field in the URL, and reads the months of older links as days', () => {
    const { filters } = parseInvoiceQuery(
      new URLSearchParams('status=open&status=overdue&status=open&ref=1&ref=2&from=2026-01&to=2026-02'),
    );
    expect(filters.statuses).toEqual(['open', 'overdue']);
    expect(filters.invoiceReferences).toEqual(['1', '2']);
    expect(filters.from).toBe('2026-01-01');
    expect(filters.to).toBe('2026-02-28');
    expect(invoiceQueryParams(filters, DEFAULT_INVOICE_SORT).toString()).toBe(
      'from=2026-01-01&to=2026-02-28&ref=1&ref=2&status=open&status=overdue',
    );
  });

  it('filters by period overlap, debtor, reference, status, type, number and archive', () => {
    const ids = (filters: Partial<typeof DEFAULT_INVOICE_FILTERS>) =>
      queryInvoices(
        invoices,
        { ...DEFAULT_INVOICE_FILTERS, ...filters },
        { key: 'number', direction: 'asc' },
      ).map((row) => row.id);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ from: '2026-02-01' })).toEqual(['c', 'd']);
    expect(ids({ from: '2026-01-15', to: '2026-02-01' })).toEqual(['b', 'c']);
    expect(ids({ from: '2026-03-01', to: '2026-02-01' })).toEqual([]);
    expect(ids({ debtors: ['300400'] })).toEqual(['b']);
    expect(ids({ debtors: ['300400', '100200'] })).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ invoiceReferences: ['87654321'] })).toEqual(['d']);
    expect(ids({ statuses: ['overdue'] })).toEqual(['d']);
    expect(ids({ statuses: ['open', 'overdue'] })).toEqual(['b', 'c', 'd']);
    expect(ids({ types: ['credit-note'] })).toEqual(['c']);
    expect(ids({ search: '13' })).toEqual(['c']);
    expect(ids({ search: "1'000.05" })).toEqual(['b']);
    expect(ids({ archived: 'archived' })).toEqual(['a']);
    expect(ids({ archived: 'current' })).toEqual(['b', 'c', 'd']);
  });

  it('sorts money exactly, negative amounts included, and dates both ways', () => {
    const byGross = queryInvoices(invoices, DEFAULT_INVOICE_FILTERS, {
      key: 'grossTotal',
      direction: 'asc',
    }).map((row) => row.id);
    expect(byGross).toEqual(['c', 'a', 'd', 'b']);
    const newest = queryInvoices(invoices, DEFAULT_INVOICE_FILTERS, DEFAULT_INVOICE_SORT).map(
      (row) => row.id,
    );
    expect(newest[0]).toBe('d');
    expect(newest.at(-1)).toBe('a');
  });

  it('totals to the centime', () => {
    expect(totalInvoices(invoices)).toEqual({
      count: 4,
      netCentimes: 40000,
      vatCentimes: 3240,
      grossCentimes: 990 + 100005 - 5000 + 20000,
    });
  });
});
