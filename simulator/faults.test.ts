/** Every fault kind really faults, and the other control endpoints do what the README says. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CostCenterListSchema,
  CostCenterSchema,
  DesignationSchema,
  InvoiceFeedEnvelopeSchema,
  InvoiceSchema,
  LineItemSchema,
  LinesEnvelopeSchema,
  ProblemSchema,
} from '../shared/api/schemas';
import { openTestApi, putJson, type TestApi } from './testing/testApi';

let api: TestApi;

beforeAll(async () => {
  api = await openTestApi();
});
afterEach(async () => {
  await api.control('/__sim/faults', 'DELETE');
});
afterAll(() => api.close());

const setFaults = async (config: Record<string, unknown>): Promise<unknown> => {
  const { status, body } = await api.control('/__sim/faults', 'POST', config);
  expect(status).toBe(200);
  return body;
};

describe('fault injection', () => {
  it('answers 429 and 503 with Retry-After, for exactly failNext.count requests', async () => {
    await setFaults({ retryAfterSeconds: 3, failNext: { kind: '429', count: 2 } });
    for (let i = 0; i < 2; i++) {
      const response = await api.request('/v1/customer');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('3');
      expect(ProblemSchema.parse(await response.json()).status).toBe(429);
    }
    expect((await api.request('/v1/customer')).status).toBe(200);

    await setFaults({ failNext: { kind: '503', count: 1 } });
    const unavailable = await api.request('/v1/invoices');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('3');
    expect(unavailable.headers.get('content-type')).toBe('application/problem+json');
  });

  it('restricts failNext and random faults to a path prefix', async () => {
    await setFaults({ failNext: { kind: '503', count: 1, pathPrefix: '/v1/invoices' } });
    expect((await api.request('/v1/customer')).status).toBe(200);
    expect((await api.request('/v1/invoices?limit=1')).status).toBe(503);

    const config = await setFaults({ rate429: 1, pathPrefix: '/v1/invoices' });
    expect(config).toMatchObject({ rate429: 1, pathPrefix: '/v1/invoices', failNext: null });
    expect((await api.request('/v1/invoices?limit=1')).status).toBe(429);
    expect((await api.request('/v1/customer')).status).toBe(200);
    await api.control('/__sim/faults', 'DELETE');
    expect((await api.request('/v1/invoices?limit=1')).status).toBe(200);
  });

  it('applies random rates: about half the requests fail at 0.5', async () => {
    await setFaults({ rate503: 0.5, pathPrefix: '/v1/services' });
    let failures = 0;
    for (let i = 0; i < 40; i++) if ((await api.request('/v1/services')).status === 503) failures += 1;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
  });

  it('resets the connection in the middle of a body', async () => {
    await setFaults({ failNext: { kind: 'reset', count: 1 } });
    await expect(
      (async () => {
        const response = await api.request('/v1/invoices?limit=50');
        await response.text();
      })(),
    ).rejects.toThrow();
    expect((await api.request('/v1/invoices?limit=1')).status).toBe(200);

    await setFaults({ resetRate: 1, pathPrefix: '/v1/services' });
    await expect(api.request('/v1/services').then((r) => r.text())).rejects.toThrow();
  });

  it('drops the connection before any answer, and the write it carried does not happen', async () => {
    const body = { name: 'Projekt Drop', owner: null, monthlyBudget: null };
    const create = () => api.request('/v1/cost-centers/P-DROP', putJson(body, { 'If-None-Match': '*' }));
    const codes = async () =>
      CostCenterListSchema.parse((await api.json('/v1/cost-centers')).body).items.map((c) => c.code);

    await setFaults({ failNext: { kind: 'drop', count: 1 } });
    await expect(create()).rejects.toThrow();
    expect(await codes()).not.toContain('P-DROP');

    // Cut off until set back: the token endpoint too, then everything answers again.
    await setFaults({ dropRate: 1 });
    await expect(create()).rejects.toThrow();
    await expect(api.fetchToken()).rejects.toThrow();
    await setFaults({ dropRate: 0 });
    expect(await codes()).not.toContain('P-DROP');
    expect((await create()).status).toBe(201);
    expect(await codes()).toContain('P-DROP');
  });

  it('truncates a JSON body behind a 200', async () => {
    await setFaults({ failNext: { kind: 'truncate', count: 1 } });
    const response = await api.request('/v1/invoices?limit=20');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(10);
    expect(() => JSON.parse(text) as unknown).toThrow();

    await setFaults({ truncateRate: 1, pathPrefix: '/v1/services' });
    const cut = await api.request('/v1/services');
    expect(cut.status).toBe(200);
    const cutText = await cut.text();
    expect(() => JSON.parse(cutText) as unknown).toThrow();
  });

  it('delays answers by latencyMs', async () => {
    await setFaults({ latencyMs: 300 });
    const started = performance.now();
    expect((await api.request('/v1/customer')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('puts exactly one schema-invalid item into the next invoice page', async () => {
    await setFaults({ invalidItemNext: 'invoices' });
    const page = InvoiceFeedEnvelopeSchema.parse((await api.json('/v1/invoices?limit=20')).body);
    const invalid = page.items.filter((item) => !InvoiceSchema.safeParse(item).success);
    expect(invalid).toHaveLength(1);
    expect(page.items).toHaveLength(20);
    const after = InvoiceFeedEnvelopeSchema.parse((await api.json('/v1/invoices?limit=20')).body);
    expect(after.items.every((item) => InvoiceSchema.safeParse(item).success)).toBe(true);
  });

  it('puts exactly one schema-invalid item into the next lines page', async () => {
    const invoice = InvoiceSchema.parse(
      InvoiceFeedEnvelopeSchema.parse((await api.json('/v1/invoices?limit=3')).body).items[1],
    );
    await setFaults({ invalidItemNext: 'lines' });
    const page = LinesEnvelopeSchema.parse((await api.json(`/v1/invoices/${invoice.id}/lines`)).body);
    expect(page.items.filter((item) => !LineItemSchema.safeParse(item).success)).toHaveLength(1);
    const again = LinesEnvelopeSchema.parse((await api.json(`/v1/invoices/${invoice.id}/lines`)).body);
    expect(again.items.every((item) => LineItemSchema.safeParse(item).success)).toBe(true);
  });

  it('rejects malformed fault configurations and reports the current one', async () => {
    expect((await api.control('/__sim/faults', 'POST', { rate429: 2 })).status).toBe(400);
    expect(
      (await api.control('/__sim/faults', 'POST', { failNext: { kind: 'boom', count: 1 } })).status,
    ).toBe(400);
    expect((await api.control('/__sim/faults', 'POST', { unknown: true })).status).toBe(400);
    await setFaults({ rate429: 0.25 });
    const merged = await setFaults({ latencyMs: 5 });
    expect(merged).toMatchObject({ rate429: 0.25, latencyMs: 5, retryAfterSeconds: 1 });
    const cleared = await api.control('/__sim/faults', 'DELETE');
    expect(cleared.body).toMatchObject({ rate429: 0, latencyMs: 0, failNext: null, invalidItemNext: null });
  });
});

describe('other control endpoints', () => {
  it('revokes every token', async () => {
    expect((await api.request('/v1/customer')).status).toBe(200);
    const revoked = await api.control('/__sim/tokens/revoke', 'POST');
    expect(revoked.body).toMatchObject({ revoked: expect.any(Number) as unknown });
    const refused = await api.request('/v1/customer');
    expect(refused.status).toBe(401);
    expect(ProblemSchema.parse(await refused.json()).detail).toMatch(/revoked/);
    api.token = await api.fetchToken();
    expect((await api.request('/v1/customer')).status).toBe(200);
  });

  it("edits resources as another user would, making the clerk's etag stale", async () => {
    const before = CostCenterListSchema.parse((await api.json('/v1/cost-centers')).body).items[1]!;
    const edited = await api.control('/__sim/other-user-edit', 'POST', {
      kind: 'costCenter',
      id: before.code,
    });
    expect(edited.status).toBe(200);
    const after = CostCenterSchema.parse(edited.body);
    expect(after.etag).not.toBe(before.etag);
    const stale = await api.request(
      `/v1/cost-centers/${before.code}`,
      putJson({ name: 'Mine' }, { 'If-Match': before.etag }),
    );
    expect(stale.status).toBe(412);
    expect(ProblemSchema.parse(await stale.json()).current).toEqual(after);

    for (const kind of ['assignment', 'designation', 'preferences', 'costCenter'] as const) {
      const result = await api.control('/__sim/other-user-edit', 'POST', { kind });
      expect(result.status).toBe(200);
    }
    const prefs = await api.json('/v1/preferences');
    const etag = prefs.response.headers.get('etag')!;
    await api.control('/__sim/other-user-edit', 'POST', { kind: 'preferences' });
    expect((await api.request('/v1/preferences', putJson(prefs.body, { 'If-Match': etag }))).status).toBe(
      412,
    );

    const designation = await api.control('/__sim/other-user-edit', 'POST', {
      kind: 'designation',
    });
    expect(DesignationSchema.parse(designation.body).text).toMatch(/edited by another user/);
    expect(
      (await api.control('/__sim/other-user-edit', 'POST', { kind: 'costCenter', id: 'NOPE' })).status,
    ).toBe(404);
    expect((await api.control('/__sim/other-user-edit', 'POST', { kind: 'invoice' })).status).toBe(400);
  });
});
