/** The simulated clock: new invoices, status changes seen again in the feed, invoices leaving the window. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceFeedPageSchema, type Invoice } from '../shared/api/schemas';
import { openTestApi, type TestApi } from './testing/testApi';

let api: TestApi;

const walk = async (since: string | null): Promise<{ items: Invoice[]; cursor: string }> => {
  const items: Invoice[] = [];
  let position = since;
  for (;;) {
    const query = position === null ? '?limit=500' : `?limit=500&since=${position}`;
    const page = InvoiceFeedPageSchema.parse((await api.json(`/v1/invoices${query}`)).body);
    items.push(...page.items);
    if (page.next === null) return { items, cursor: page.cursor };
    position = page.next;
  }
};

const latest = (items: readonly Invoice[]): Map<string, Invoice> => {
  const map = new Map<string, Invoice>();
  for (const item of items) {
    const known = map.get(item.id);
    if (known === undefined || known.revision <= item.revision) map.set(item.id, item);
  }
  return map;
};

beforeAll(async () => {
  api = await openTestApi();
});
afterAll(() => api.close());

describe('advancing the clock', () => {
  it('issues new invoices, moves statuses, and lets old invoices go', async () => {
    const before = await walk(null);
    const known = latest(before.items);

    // Resuming right away yields nothing new.
    const idle = await walk(before.cursor);
    expect(idle.items).toEqual([]);
    expect(idle.cursor).toBe(before.cursor);

    const advanced = await api.control('/__sim/clock', 'POST', { advanceDays: 45 });
    expect(advanced).toEqual({ status: 200, body: { now: '2027-01-06T12:00:00Z' } });

    const delta = latest((await walk(before.cursor)).items);
    const fresh = [...delta.values()].filter((i) => !known.has(i.id));
    const changed = [...delta.values()].filter((i) => known.has(i.id));
    expect(fresh.length).toBeGreaterThanOrEqual(known.size / 20);
    expect(fresh.every((i) => i.issueDate > '2026-11-22')).toBe(true);
    expect(changed.length).toBeGreaterThan(0);
    for (const invoice of changed) {
      const previous = known.get(invoice.id)!;
      expect(invoice.revision).toBeGreaterThan(previous.revision);
      expect(invoice.updatedAt > previous.updatedAt).toBe(true);
      expect(invoice.status).not.toBe(previous.status);
      // Lines and documents never change: only the header moves.
      expect(invoice.documentSha256).toBe(previous.documentSha256);
      expect(invoice.grossTotal).toBe(previous.grossTotal);
    }
    expect(changed.some((i) => known.get(i.id)?.status === 'open' && i.status === 'paid')).toBe(true);

    // The window moved from 2025-05-22 to 2025-07-06.
    const expired = [...known.values()].filter((i) => i.issueDate < '2025-07-06');
    expect(expired.length).toBeGreaterThan(0);
    for (const invoice of expired.slice(0, 5)) {
      expect((await api.request(`/v1/invoices/${invoice.id}/lines`)).status).toBe(410);
      expect((await api.request(`/v1/invoices/${invoice.id}/document`)).status).toBe(410);
    }
    const fromScratch = latest((await walk(null)).items);
    expect(expired.some((i) => fromScratch.has(i.id))).toBe(false);
    expect([...fromScratch.values()].every((i) => i.issueDate >= '2025-07-06')).toBe(true);
    const stillThere = [...known.values()].find((i) => i.issueDate >= '2025-07-06')!;
    expect((await api.request(`/v1/invoices/${stillThere.id}/lines?limit=1`)).status).toBe(200);
  });

  it('refuses to run backwards or to take a malformed body', async () => {
    expect((await api.control('/__sim/clock', 'POST', { advanceDays: -1 })).status).toBe(400);
    expect((await api.control('/__sim/clock', 'POST', { days: 1 })).status).toBe(400);
    expect((await api.control('/__sim/clock', 'GET')).body).toEqual({ now: '2027-01-06T12:00:00Z' });
  });
});
