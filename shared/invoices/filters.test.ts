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
      fromMonth: '2026-01',
      toMonth: '2026-03',
      status: 'open' as const,
      number: '0001',
      archived: 'current' as const,
    };
    const sort = { key: 'grossTotal' as const, direction: 'asc' as const };
    expect(parseInvoiceQuery(invoiceQueryParams(filters, sort))).toEqual({ filters, sort });
    expect(parseInvoiceQuery(new URLSearchParams('from=2026-13&status=lost&sort=evil&q=<script>12'))).toEqual(
      {
        filters: { ...DEFAULT_INVOICE_FILTERS, number: '12' },
        sort: DEFAULT_INVOICE_SORT,
      },
    );
    expect(invoiceQueryParams(DEFAULT_INVOICE_FILTERS, DEFAULT_INVOICE_SORT).toString()).toBe('');
  });

  it('filters by period overlap, debtor, reference, status, type, number and archive', () => {
    const ids = (filters: Partial<typeof DEFAULT_INVOICE_FILTERS>) =>
      queryInvoices(
        invoices,
        { ...DEFAULT_INVOICE_FILTERS, ...filters },
        { key: 'number', direction: 'asc' },
      ).map((row) => row.id);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ fromMonth: '2026-02' })).toEqual(['c', 'd']);
    expect(ids({ fromMonth: '2026-01', toMonth: '2026-02' })).toEqual(['b', 'c']);
    expect(ids({ debtor: '300400' })).toEqual(['b']);
    expect(ids({ invoiceReference: '87654321' })).toEqual(['d']);
    expect(ids({ status: 'overdue' })).toEqual(['d']);
    expect(ids({ type: 'credit-note' })).toEqual(['c']);
    expect(ids({ number: '13' })).toEqual(['c']);
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
