/** The large profile: over a million lines, yet fast to start and to page through. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceFeedPageSchema, LinesPageSchema, type Invoice } from '../shared/api/schemas';
import { openTestApi, type TestApi } from './testing/testApi';

let api: TestApi;
let startupMs = 0;

beforeAll(async () => {
  const started = performance.now();
  api = await openTestApi({ profile: 'large', seed: 3 });
  startupMs = performance.now() - started;
});
afterAll(() => api.close());

describe('large profile', () => {
  it('starts fast', () => {
    // Generous bound: start-up does no line generation at all.
    expect(startupMs).toBeLessThan(3000);
  });

  it('serves a 5000-line page of a big invoice quickly', async () => {
    const feed = InvoiceFeedPageSchema.parse((await api.json('/v1/invoices?limit=60')).body);
    const big = feed.items.reduce<Invoice>((a, b) => (b.lineCount > a.lineCount ? b : a), feed.items[0]!);
    expect(big.lineCount).toBeGreaterThan(5000);
    const first = LinesPageSchema.parse((await api.json(`/v1/invoices/${big.id}/lines?limit=5000`)).body);
    expect(first.items).toHaveLength(5000);
    const started = performance.now();
    const second = LinesPageSchema.parse(
      (await api.json(`/v1/invoices/${big.id}/lines?limit=5000&cursor=${first.next ?? ''}`)).body,
    );
    const elapsed = performance.now() - started;
    expect(second.items[0]?.lineNo).toBe(5001);
    expect(elapsed).toBeLessThan(2000);
  });

  it('prints a per-service summary instead of every line on very long invoices', async () => {
    const feed = InvoiceFeedPageSchema.parse((await api.json('/v1/invoices?limit=60')).body);
    const big = feed.items.reduce<Invoice>((a, b) => (b.lineCount > a.lineCount ? b : a), feed.items[0]!);
    const pdf = Buffer.from(await (await api.request(`/v1/invoices/${big.id}/document`)).arrayBuffer());
    // Every line printed would take well over a hundred pages; the summary fits in a few.
    const pages = Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);
    expect(pages).toBeLessThan(5);
  });
});
