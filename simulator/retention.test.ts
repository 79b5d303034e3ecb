import { describe, expect, it } from 'vitest';
import { InvoiceFeedPageSchema, type Invoice } from '../shared/api/schemas';
import { addDays } from '../shared/core/dates';
import { isServed, retentionEnds } from '../shared/sync/retention';
import { openTestApi, type TestApi } from './testing/testApi';

/** The whole feed at the simulator's clock. */
const feed = async (api: TestApi): Promise<Invoice[]> => {
  const all = new Map<string, Invoice>();
  let since: string | null = null;
  for (;;) {
    const query: string = since === null ? '?limit=500' : `?limit=500&since=${encodeURIComponent(since)}`;
    const page = InvoiceFeedPageSchema.parse((await api.json(`/v1/invoices${query}`)).body);
    for (const invoice of page.items) all.set(invoice.id, invoice);
    if (page.next === null) return [...all.values()];
    since = page.next;
  }
};

describe('the simulator follows the contract retention rule', () => {
  // Month ends (28 Feb, 29 Feb of a leap year, 30 Apr, 31 Aug) and an ordinary day.
  it.each(['2027-02-28', '2028-02-29', '2027-04-30', '2027-08-31', '2026-11-22'])(
    'on %s it serves exactly the invoices whose 18 months have not ended, and says its date',
    async (today) => {
      const api = await openTestApi({ now: today });
      try {
        const response = await api.request('/v1/customer');
        expect(response.headers.get('date')).toBe(new Date(`${today}T12:00:00Z`).toUTCString());
        expect(response.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('date');
        const invoices = await feed(api);
        expect(invoices.length).toBeGreaterThan(0);
        for (const invoice of invoices) expect(isServed(invoice.issueDate, today), invoice.id).toBe(true);

        // The oldest served invoice: served the day before its anniversary, gone (410) on it.
        const oldest = invoices.reduce((a, b) => (a.issueDate <= b.issueDate ? a : b));
        const ends = retentionEnds(oldest.issueDate);
        const before = await openTestApi({ now: addDays(ends, -1) });
        const on = await openTestApi({ now: ends });
        try {
          expect((await before.request(`/v1/invoices/${oldest.id}/lines?limit=1`)).status).toBe(200);
          expect((await feed(before)).some((invoice) => invoice.id === oldest.id)).toBe(true);
          expect((await on.request(`/v1/invoices/${oldest.id}/lines?limit=1`)).status).toBe(410);
          expect((await on.request(`/v1/invoices/${oldest.id}/document`)).status).toBe(410);
          expect((await feed(on)).some((invoice) => invoice.id === oldest.id)).toBe(false);
        } finally {
          await before.close();
          await on.close();
        }
      } finally {
        await api.close();
      }
    },
  );
});
