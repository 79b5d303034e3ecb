/** Same seed and clock give byte-identical bodies; another seed gives other data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceFeedPageSchema } from '../shared/api/schemas';
import { openTestApi, type TestApi } from './testing/testApi';

let first: TestApi;
let second: TestApi;
let other: TestApi;

beforeAll(async () => {
  [first, second, other] = await Promise.all([
    openTestApi({ seed: 7, now: '2026-06-15' }),
    openTestApi({ seed: 7, now: '2026-06-15' }),
    openTestApi({ seed: 8, now: '2026-06-15' }),
  ]);
});
afterAll(() => Promise.all([first.close(), second.close(), other.close()]));

const feedBytes = async (api: TestApi): Promise<string[]> => {
  const pages: string[] = [];
  let since: string | null = null;
  for (;;) {
    const query: string = since === null ? '?limit=60' : `?limit=60&since=${since}`;
    const text = await (await api.request(`/v1/invoices${query}`)).text();
    pages.push(text);
    const page = InvoiceFeedPageSchema.parse(JSON.parse(text));
    if (page.next === null) return pages;
    since = page.next;
  }
};

const bytesOf = async (api: TestApi, path: string): Promise<Buffer> =>
  Buffer.from(await (await api.request(path)).arrayBuffer());

describe('determinism', () => {
  it('serves identical feed pages, lines and documents for the same seed and clock', async () => {
    const [a, b] = await Promise.all([feedBytes(first), feedBytes(second)]);
    expect(a.length).toBeGreaterThan(2);
    expect(b).toEqual(a);
    const invoice = InvoiceFeedPageSchema.parse(JSON.parse(a[1] ?? '')).items[3]!;
    for (const path of [
      `/v1/invoices/${invoice.id}/lines?limit=50`,
      `/v1/invoices/${invoice.id}/document`,
      '/v1/customer',
      '/v1/services',
      '/v1/cost-centers',
    ]) {
      const [x, y] = await Promise.all([bytesOf(first, path), bytesOf(second, path)]);
      expect(x.equals(y)).toBe(true);
    }
  });

  it('accepts the cursors of a twin simulator', async () => {
    const page = InvoiceFeedPageSchema.parse((await first.json('/v1/invoices?limit=5')).body);
    expect((await second.request(`/v1/invoices?since=${page.next ?? ''}`)).status).toBe(200);
    expect((await other.request(`/v1/invoices?since=${page.next ?? ''}`)).status).toBe(400);
  });

  it('serves another customer for another seed', async () => {
    const [a, c] = await Promise.all([first.json('/v1/customer'), other.json('/v1/customer')]);
    expect(c.body).not.toEqual(a.body);
  });
});
