import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssignmentListSchema,
  AssignmentSchema,
  CostCenterListSchema,
  CostCenterSchema,
  CustomerSchema,
  DesignationListSchema,
  DesignationSchema,
  InvoiceFeedPageSchema,
  LinesPageSchema,
  PreferencesSchema,
  ProblemSchema,
  ServiceListSchema,
  TokenResponseSchema,
  type Invoice,
  type Problem,
} from '../shared/api/schemas';
import { openTestApi, putJson, type TestApi } from './testing/testApi';

let api: TestApi;
let anyInvoice: Invoice;

beforeAll(async () => {
  api = await openTestApi();
  const page = InvoiceFeedPageSchema.parse((await api.json('/v1/invoices?limit=5')).body);
  anyInvoice = page.items[2]!;
});
afterAll(() => api.close());

const expectProblem = async (response: Response, status: number): Promise<Problem> => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = ProblemSchema.parse(await response.json());
  expect(problem.status).toBe(status);
  return problem;
};

describe('OAuth token endpoint', () => {
  const tokenRequest = (form: Record<string, string>, contentType = 'application/x-www-form-urlencoded') =>
    fetch(`${api.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: new URLSearchParams(form).toString(),
    });

  it('issues a bearer token for the demo credentials', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'demo',
      client_secret: 'demo-secret',
      scope: 'billing.read',
    });
    expect(response.status).toBe(200);
    const token = TokenResponseSchema.parse(await response.json());
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'billing.read' });
  });

  it('answers 401 for a wrong secret and 400 for a bad grant or request', async () => {
    await expectProblem(
      await tokenRequest({ grant_type: 'client_credentials', client_id: 'demo', client_secret: 'nope' }),
      401,
    );
    await expectProblem(
      await tokenRequest({ grant_type: 'password', client_id: 'demo', client_secret: 'x' }),
      400,
    );
    await expectProblem(await tokenRequest({ client_id: 'demo', client_secret: 'demo-secret' }), 400);
    await expectProblem(
      await tokenRequest(
        { grant_type: 'client_credentials', client_id: 'demo', client_secret: 'demo-secret' },
        'application/json',
      ),
      400,
    );
    await expectProblem(
      await tokenRequest({
        grant_type: 'client_credentials',
        client_id: 'demo',
        client_secret: 'demo-secret',
        scope: 'admin',
      }),
      400,
    );
  });

  it('answers 401 on /v1 without, with a malformed or with an unknown token', async () => {
    const missing = await fetch(`${api.url}/v1/customer`);
    await expectProblem(missing, 401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectProblem(
      await fetch(`${api.url}/v1/customer`, { headers: { Authorization: 'Basic abc' } }),
      401,
    );
    await expectProblem(
      await fetch(`${api.url}/v1/customer`, { headers: { Authorization: 'Bearer nope' } }),
      401,
    );
  });

  it('expires tokens after their lifetime', async () => {
    const shortLived = await openTestApi({ tokenLifetimeSeconds: 1 });
    try {
      expect((await shortLived.request('/v1/customer')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const expired = await expectProblem(await shortLived.request('/v1/customer'), 401);
      expect(expired.detail).toMatch(/expired/);
    } finally {
      await shortLived.close();
    }
  });

  it('accepts custom client credentials', async () => {
    const custom = await openTestApi({ clientId: 'acme', clientSecret: 's3cret' });
    try {
      expect((await custom.request('/v1/customer')).status).toBe(200);
    } finally {
      await custom.close();
    }
  });
});

describe('customer and catalogue', () => {
  it('serves the customer with its billing hierarchy', async () => {
    const { status, body } = await api.json('/v1/customer');
    expect(status).toBe(200);
    const customer = CustomerSchema.parse(body);
    expect(customer.costCenterOption).toBe(true);
    expect(customer.debtors.length).toBeGreaterThanOrEqual(2);
    const references = customer.debtors.flatMap((d) => d.invoiceReferences);
    expect(references.length).toBeGreaterThanOrEqual(6);
    expect(references.every((r) => r.frankingLicences.length > 0)).toBe(true);
  });

  it('serves about forty services named in four languages', async () => {
    const services = ServiceListSchema.parse((await api.json('/v1/services')).body).items;
    expect(services.length).toBeGreaterThanOrEqual(38);
    expect(new Set(services.map((s) => s.code)).size).toBe(services.length);
    expect(new Set(services.map((s) => s.category))).toEqual(
      new Set(['letters', 'parcels', 'express', 'international', 'mass-mailing', 'other']),
    );
  });
});

describe('invoice feed parameters', () => {
  it.each(['0', '501', '-1', '1.5', 'abc', ''])('answers 400 for limit=%j', async (limit) => {
    await expectProblem(await api.request(`/v1/invoices?limit=${limit}`), 400);
  });

  it('answers 400 for a forged or damaged cursor', async () => {
    const page = InvoiceFeedPageSchema.parse((await api.json('/v1/invoices?limit=3')).body);
    await expectProblem(await api.request('/v1/invoices?since=not-a-cursor'), 400);
    await expectProblem(await api.request(`/v1/invoices?since=${page.cursor.slice(0, -2)}xx`), 400);
    const forged = Buffer.from('f1.0.INV-202601-12345678~0', 'utf8').toString('base64url');
    await expectProblem(await api.request(`/v1/invoices?since=${forged}`), 400);
  });

  it('defaults to 100 items and accepts 500', async () => {
    const defaults = InvoiceFeedPageSchema.parse((await api.json('/v1/invoices')).body);
    expect(defaults.items).toHaveLength(100);
    const big = InvoiceFeedPageSchema.parse((await api.json('/v1/invoices?limit=500')).body);
    expect(big.items.length).toBeGreaterThan(100);
    expect(big.next).toBeNull();
  });
});

describe('invoice lines', () => {
  it('pages through the lines in lineNo order with an opaque cursor', async () => {
    const first = LinesPageSchema.parse((await api.json(`/v1/invoices/${anyInvoice.id}/lines?limit=7`)).body);
    expect(first.items.map((l) => l.lineNo)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(first.next).not.toBeNull();
    const second = LinesPageSchema.parse(
      (await api.json(`/v1/invoices/${anyInvoice.id}/lines?limit=7&cursor=${first.next ?? ''}`)).body,
    );
    expect(second.items[0]?.lineNo).toBe(8);
    const all = LinesPageSchema.parse((await api.json(`/v1/invoices/${anyInvoice.id}/lines`)).body);
    expect(all.items).toHaveLength(anyInvoice.lineCount);
    expect(all.next).toBeNull();
  });

  it.each(['0', '5001', 'x'])('answers 400 for limit=%j', async (limit) => {
    await expectProblem(await api.request(`/v1/invoices/${anyInvoice.id}/lines?limit=${limit}`), 400);
  });

  it('answers 400 for a cursor of another invoice', async () => {
    const feed = InvoiceFeedPageSchema.parse((await api.json('/v1/invoices?limit=5')).body);
    const other = feed.items.find((i) => i.id !== anyInvoice.id && i.lineCount > 2)!;
    const page = LinesPageSchema.parse((await api.json(`/v1/invoices/${other.id}/lines?limit=1`)).body);
    await expectProblem(
      await api.request(`/v1/invoices/${anyInvoice.id}/lines?cursor=${page.next ?? ''}`),
      400,
    );
  });

  it('answers 404 for unknown and not-yet-issued invoices, 410 for ones past the window', async () => {
    await expectProblem(await api.request('/v1/invoices/nope/lines'), 404);
    await expectProblem(await api.request('/v1/invoices/nope/document'), 404);
    const rrn = anyInvoice.invoiceReference;
    await expectProblem(await api.request(`/v1/invoices/INV-202612-${rrn}/lines`), 404);
    await expectProblem(await api.request(`/v1/invoices/INV-202401-${rrn}/lines`), 410);
    await expectProblem(await api.request(`/v1/invoices/INV-202401-${rrn}/document`), 410);
  });
});

describe('documents', () => {
  it('serves the PDF with ETag and Repr-Digest matching documentSha256', async () => {
    const response = await api.request(`/v1/invoices/${anyInvoice.id}/document`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = createHash('sha256').update(bytes).digest();
    expect(digest.toString('hex')).toBe(anyInvoice.documentSha256);
    expect(response.headers.get('repr-digest')).toBe(`sha-256=:${digest.toString('base64')}:`);
    expect(response.headers.get('etag')).toBe(`"${anyInvoice.documentSha256}"`);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const revalidated = await api.request(`/v1/invoices/${anyInvoice.id}/document`, {
      headers: { 'If-None-Match': `"${anyInvoice.documentSha256}"` },
    });
    expect(revalidated.status).toBe(304);
  });
});

describe('HTTP plumbing', () => {
  it('answers CORS preflight and exposes the headers the client reads', async () => {
    const preflight = await fetch(`${api.url}/v1/cost-centers/X`, {
      method: 'OPTIONS',
      headers: { Origin: 'app://invoice-desk', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'if-match', 'if-none-match', 'content-type'])
      expect(allowed).toContain(header);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    const response = await api.request('/v1/preferences');
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const header of ['etag', 'repr-digest', 'retry-after']) expect(exposed).toContain(header);
  });

  it('answers 404 and 405 as problems', async () => {
    await expectProblem(await api.request('/v1/nothing-here'), 404);
    const wrongMethod = await expectProblem(await api.request('/v1/customer', { method: 'DELETE' }), 405);
    expect(wrongMethod.title).toBe('Method Not Allowed');
  });

  it('hides the control endpoints unless enabled', async () => {
    const plain = await openTestApi({ control: false });
    try {
      await expectProblem(await fetch(`${plain.url}/__sim/stats`), 404);
      await expectProblem(await fetch(`${plain.url}/__sim/clock`, { method: 'POST', body: '{}' }), 404);
    } finally {
      await plain.close();
    }
  });
});

describe('cost centres', () => {
  it('lists cost centres, each with an etag', async () => {
    const list = CostCenterListSchema.parse((await api.json('/v1/cost-centers')).body);
    expect(list.items.length).toBeGreaterThanOrEqual(4);
    expect(new Set(list.items.map((c) => c.etag)).size).toBe(list.items.length);
  });

  it('creates with If-None-Match *, replaces with If-Match, refuses stale and missing preconditions', async () => {
    const body = { name: 'Projekt Alpha', owner: null, monthlyBudget: '1500.00' };
    await expectProblem(await api.request('/v1/cost-centers/P-ALPHA', putJson(body)), 428);
    const created = await api.json('/v1/cost-centers/P-ALPHA', putJson(body, { 'If-None-Match': '*' }));
    expect(created.status).toBe(201);
    const costCenter = CostCenterSchema.parse(created.body);
    expect(costCenter).toMatchObject({
      code: 'P-ALPHA',
      active: true,
      objectType: 'costCenter',
      monthlyBudget: '1500.00',
    });
    expect(created.response.headers.get('etag')).toBe(costCenter.etag);

    const again = await expectProblem(
      await api.request('/v1/cost-centers/P-ALPHA', putJson(body, { 'If-None-Match': '*' })),
      412,
    );
    expect(again.current).toEqual(costCenter);

    const replaced = await api.json(
      '/v1/cost-centers/P-ALPHA',
      putJson({ ...body, name: 'Projekt Alpha II' }, { 'If-Match': costCenter.etag }),
    );
    expect(replaced.status).toBe(200);
    const updated = CostCenterSchema.parse(replaced.body);
    expect(updated.etag).not.toBe(costCenter.etag);

    const stale = await expectProblem(
      await api.request('/v1/cost-centers/P-ALPHA', putJson(body, { 'If-Match': costCenter.etag })),
      412,
    );
    expect(stale.current).toEqual(updated);
    await expectProblem(
      await api.request('/v1/cost-centers/NEW-ONE', putJson(body, { 'If-Match': '"x"' })),
      412,
    );
  });

  it('validates the code and the body', async () => {
    const bad = await expectProblem(
      await api.request(
        '/v1/cost-centers/OK1',
        putJson({ name: '', monthlyBudget: '12' }, { 'If-None-Match': '*' }),
      ),
      400,
    );
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(['monthlyBudget', 'name']);
    await expectProblem(
      await api.request(
        `/v1/cost-centers/${'x'.repeat(21)}`,
        putJson({ name: 'x' }, { 'If-None-Match': '*' }),
      ),
      400,
    );
    await expectProblem(
      await api.request('/v1/cost-centers/OK1', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
        body: '{"name":',
      }),
      400,
    );
  });

  it('accepts codes with a slash when percent-encoded', async () => {
    const created = await api.json(
      '/v1/cost-centers/KST%2F7',
      putJson({ name: 'Slash' }, { 'If-None-Match': '*' }),
    );
    expect(created.status).toBe(201);
    expect(CostCenterSchema.parse(created.body).code).toBe('KST/7');
  });

  it('deletes with If-Match only, and takes its assignments with it', async () => {
    const cc = CostCenterSchema.parse(
      (await api.json('/v1/cost-centers/DEL-1', putJson({ name: 'To delete' }, { 'If-None-Match': '*' })))
        .body,
    );
    const assignment = AssignmentSchema.parse(
      (
        await api.json(
          '/v1/cost-center-assignments/asg-del-1',
          putJson(
            { kind: 'service', key: 'PP-SAM', splits: [{ costCenterCode: 'DEL-1', percent: 100 }] },
            { 'If-None-Match': '*' },
          ),
        )
      ).body,
    );
    expect(assignment.id).toBe('asg-del-1');
    await expectProblem(await api.request('/v1/cost-centers/DEL-1', { method: 'DELETE' }), 428);
    await expectProblem(
      await api.request('/v1/cost-centers/DEL-1', { method: 'DELETE', headers: { 'If-Match': '"old"' } }),
      412,
    );
    await expectProblem(
      await api.request('/v1/cost-centers/NOPE', { method: 'DELETE', headers: { 'If-Match': '"x"' } }),
      404,
    );
    const deleted = await api.request('/v1/cost-centers/DEL-1', {
      method: 'DELETE',
      headers: { 'If-Match': cc.etag },
    });
    expect(deleted.status).toBe(204);
    const assignments = AssignmentListSchema.parse((await api.json('/v1/cost-center-assignments')).body);
    expect(assignments.items.some((a) => a.id === 'asg-del-1')).toBe(false);
  });
});

describe('assignments', () => {
  const licence = async (): Promise<string> => {
    const customer = CustomerSchema.parse((await api.json('/v1/customer')).body);
    return customer.debtors[1]!.invoiceReferences[0]!.frankingLicences[0]!;
  };

  it('creates, replaces and deletes with preconditions', async () => {
    const key = await licence();
    const input = {
      kind: 'frankingLicence',
      key,
      splits: [
        { costCenterCode: '2100', percent: 70 },
        { costCenterCode: '3300', percent: 30 },
      ],
      validFrom: '2026-01-01',
      validTo: '2026-06-30',
    };
    await expectProblem(await api.request('/v1/cost-center-assignments/asg-a', putJson(input)), 428);
    const created = await api.json(
      '/v1/cost-center-assignments/asg-a',
      putJson(input, { 'If-None-Match': '*' }),
    );
    expect(created.status).toBe(201);
    const assignment = AssignmentSchema.parse(created.body);
    const replaced = await api.json(
      '/v1/cost-center-assignments/asg-a',
      putJson({ ...input, validTo: '2026-03-31' }, { 'If-Match': assignment.etag }),
    );
    expect(replaced.status).toBe(200);
    const stale = await expectProblem(
      await api.request('/v1/cost-center-assignments/asg-a', putJson(input, { 'If-Match': assignment.etag })),
      412,
    );
    expect(AssignmentSchema.parse(stale.current).validTo).toBe('2026-03-31');

    // Same kind and key, overlapping validity: 409. Adjacent validity is fine.
    const overlapping = { ...input, validFrom: '2026-03-01', validTo: null };
    await expectProblem(
      await api.request('/v1/cost-center-assignments/asg-b', putJson(overlapping, { 'If-None-Match': '*' })),
      409,
    );
    const adjacent = await api.request(
      '/v1/cost-center-assignments/asg-b',
      putJson({ ...input, validFrom: '2026-04-01', validTo: null }, { 'If-None-Match': '*' }),
    );
    expect(adjacent.status).toBe(201);

    const current = AssignmentSchema.parse(replaced.body);
    await expectProblem(await api.request('/v1/cost-center-assignments/asg-a', { method: 'DELETE' }), 428);
    await expectProblem(
      await api.request('/v1/cost-center-assignments/asg-a', {
        method: 'DELETE',
        headers: { 'If-Match': assignment.etag },
      }),
      412,
    );
    const deleted = await api.request('/v1/cost-center-assignments/asg-a', {
      method: 'DELETE',
      headers: { 'If-Match': current.etag },
    });
    expect(deleted.status).toBe(204);
  });

  it.each([
    ['percentages not adding up to 100', { splits: [{ costCenterCode: '2100', percent: 90 }] }, 'splits'],
    [
      'a percentage of zero',
      {
        splits: [
          { costCenterCode: '2100', percent: 0 },
          { costCenterCode: '3300', percent: 100 },
        ],
      },
      'splits[0].percent',
    ],
    [
      'an unknown cost centre',
      { splits: [{ costCenterCode: 'NOPE', percent: 100 }] },
      'splits[0].costCenterCode',
    ],
    ['a malformed licence key', { key: '123' }, 'key'],
    ['an unknown kind', { kind: 'debtor' }, 'kind'],
    ['a period that ends before it starts', { validFrom: '2026-05-01', validTo: '2026-04-01' }, 'validTo'],
    [
      'a bad cost-centre code',
      { splits: [{ costCenterCode: 'a b', percent: 100 }] },
      'splits[0].costCenterCode',
    ],
  ])('answers 400 with errors for %s', async (_label, change, field) => {
    const input = {
      kind: 'frankingLicence',
      key: '60000001',
      splits: [{ costCenterCode: '2100', percent: 100 }],
      ...change,
    };
    const problem = await expectProblem(
      await api.request('/v1/cost-center-assignments/asg-invalid', putJson(input, { 'If-None-Match': '*' })),
      400,
    );
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });

  it('answers 400 for a malformed assignment id', async () => {
    const input = { kind: 'service', key: 'PP-PRI', splits: [{ costCenterCode: '2100', percent: 100 }] };
    await expectProblem(
      await api.request('/v1/cost-center-assignments/has%20space', putJson(input, { 'If-None-Match': '*' })),
      400,
    );
  });
});

describe('designations', () => {
  it('creates, replaces and deletes with preconditions', async () => {
    const path = '/v1/designations/service/PP-PRI';
    await expectProblem(await api.request(path, putJson({ text: 'Pakete schnell' })), 428);
    const created = await api.json(path, putJson({ text: 'Pakete schnell' }, { 'If-None-Match': '*' }));
    expect(created.status).toBe(201);
    const designation = DesignationSchema.parse(created.body);
    expect(designation).toMatchObject({ kind: 'service', key: 'PP-PRI', text: 'Pakete schnell' });
    await expectProblem(await api.request(path, putJson({ text: 'x' }, { 'If-None-Match': '*' })), 412);
    const replaced = await api.json(
      path,
      putJson({ text: 'Priority-Pakete' }, { 'If-Match': designation.etag }),
    );
    expect(replaced.status).toBe(200);
    const stale = await expectProblem(
      await api.request(path, putJson({ text: 'y' }, { 'If-Match': designation.etag })),
      412,
    );
    expect(DesignationSchema.parse(stale.current).text).toBe('Priority-Pakete');
    await expectProblem(
      await api.request(path, putJson({ text: '' }, { 'If-Match': designation.etag })),
      400,
    );
    await expectProblem(
      await api.request('/v1/designations/debtor/1', putJson({ text: 'x' }, { 'If-None-Match': '*' })),
      400,
    );
    const list = DesignationListSchema.parse((await api.json('/v1/designations')).body);
    expect(list.items.some((d) => d.key === 'PP-PRI')).toBe(true);
    await expectProblem(await api.request(path, { method: 'DELETE' }), 428);
    const current = DesignationSchema.parse(replaced.body);
    expect(
      (await api.request(path, { method: 'DELETE', headers: { 'If-Match': current.etag } })).status,
    ).toBe(204);
  });
});

describe('preferences', () => {
  it('serves an ETag and requires If-Match to update', async () => {
    const got = await api.json('/v1/preferences');
    const etag = got.response.headers.get('etag')!;
    const preferences = PreferencesSchema.parse(got.body);
    expect((await api.request('/v1/preferences', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const changed = { ...preferences, paper: { invoiceByPost: true, detailedStatementByPost: false } };
    await expectProblem(await api.request('/v1/preferences', putJson(changed)), 428);
    await expectProblem(
      await api.request('/v1/preferences', putJson(changed, { 'If-None-Match': '*' })),
      412,
    );
    const stored = await api.json('/v1/preferences', putJson(changed, { 'If-Match': etag }));
    expect(stored.status).toBe(200);
    expect(stored.response.headers.get('etag')).not.toBe(etag);
    const stale = await expectProblem(
      await api.request('/v1/preferences', putJson(changed, { 'If-Match': etag })),
      412,
    );
    expect(PreferencesSchema.parse(stale.current).paper.invoiceByPost).toBe(true);
    const tooMany = {
      ...changed,
      notifications: { ...changed.notifications, emails: Array(6).fill('a@b.ch') },
    };
    const invalid = await expectProblem(
      await api.request(
        '/v1/preferences',
        putJson(tooMany, { 'If-Match': stored.response.headers.get('etag')! }),
      ),
      400,
    );
    expect(invalid.errors?.[0]?.field).toBe('notifications.emails');
  });
});

describe('without the cost-centre option', () => {
  it('answers 403 on cost-centre and assignment paths only', async () => {
    const limited = await openTestApi({ costCenterOption: false });
    try {
      expect(CustomerSchema.parse((await limited.json('/v1/customer')).body).costCenterOption).toBe(false);
      await expectProblem(await limited.request('/v1/cost-centers'), 403);
      await expectProblem(
        await limited.request('/v1/cost-centers/X', putJson({ name: 'x' }, { 'If-None-Match': '*' })),
        403,
      );
      await expectProblem(
        await limited.request('/v1/cost-centers/X', { method: 'DELETE', headers: { 'If-Match': '"x"' } }),
        403,
      );
      await expectProblem(await limited.request('/v1/cost-center-assignments'), 403);
      await expectProblem(
        await limited.request('/v1/cost-center-assignments/a', {
          method: 'DELETE',
          headers: { 'If-Match': '"x"' },
        }),
        403,
      );
      expect((await limited.request('/v1/designations')).status).toBe(200);
      expect((await limited.request('/v1/preferences')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('persistence', () => {
  it('keeps writable resources across restarts when persistPath is set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-persist-'));
    const persistPath = join(dir, 'state.json');
    try {
      const first = await openTestApi({ persistPath });
      await first.request('/v1/cost-centers/KEEP', putJson({ name: 'Kept' }, { 'If-None-Match': '*' }));
      await first.close();
      const second = await openTestApi({ persistPath });
      try {
        const list = CostCenterListSchema.parse((await second.json('/v1/cost-centers')).body);
        expect(list.items.find((c) => c.code === 'KEEP')?.name).toBe('Kept');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
