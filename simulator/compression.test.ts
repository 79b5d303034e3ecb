import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostSnapshot } from './cost';
import { openTestApi, type TestApi } from './testing/testApi';

let api: TestApi;
let invoiceId: string;

beforeAll(async () => {
  api = await openTestApi();
  const feed = (await api.json('/v1/invoices?limit=100')).body as {
    items: Array<{ id: string; lineCount: number }>;
  };
  // Enough lines that compressing them is worth it.
  invoiceId = feed.items.find((invoice) => invoice.lineCount >= 50)?.id ?? '';
});
afterAll(() => api.close());

/** The raw answer, bytes as sent: fetch would decode them. */
const raw = (path: string, acceptEncoding: string | null) =>
  new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${api.token}` };
    if (acceptEncoding !== null) headers['Accept-Encoding'] = acceptEncoding;
    const call = request(`${api.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    call.on('error', reject);
    call.end();
  });

describe('compressed answers (contract: gzip or br when Accept-Encoding allows)', () => {
  it('a lines page comes as gzip, br or plain as asked, always the same JSON', async () => {
    const path = `/v1/invoices/${invoiceId}/lines?limit=500`;
    const plain = await raw(path, null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const gzip = await raw(path, 'gzip, deflate');
    const br = await raw(path, 'gzip, deflate, br, zstd');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect((await raw(path, 'identity')).headers['content-encoding']).toBeUndefined();
  });

  it('a PDF is sent as it is, whatever the client accepts', async () => {
    const pdf = await raw(`/v1/invoices/${invoiceId}/document`, 'gzip, br');
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('counts its own time and bytes per kind of request for the benchmark', async () => {
    const cost = async () => (await (await fetch(`${api.url}/__sim/cost`)).json()) as CostSnapshot;
    const before = await cost();
    await raw(`/v1/invoices/${invoiceId}/lines?limit=500`, 'gzip');
    const after = await cost();
    expect(after.lines.requests - before.lines.requests).toBe(1);
    expect(after.lines.bodyBytes - before.lines.bodyBytes).toBeGreaterThan(
      after.lines.sentBytes - before.lines.sentBytes,
    );
    expect(after.lines.handlerMs).toBeGreaterThanOrEqual(before.lines.handlerMs);
    expect(after.document.requests).toBe(before.document.requests);
  });
});
