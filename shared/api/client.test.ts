import { describe, expect, it } from 'vitest';
import type { ApiClientOptions } from './client';
import { createApiClient, createCredentialedApiClient, documentMatchesInvoice } from './client';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidRequestError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
} from './errors';
import type { Responder } from '../testing/fakeFetch';
import {
  createFakeFetch,
  createFakeSleep,
  cutOff,
  json,
  networkFailure,
  problem,
} from '../testing/fakeFetch';
import type { Sleep } from './retry';
import type { AssignmentInput } from './schemas';

// --- fixtures --------------------------------------------------------------------------------

const invoice = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  number: '1000000001',
  debtorNumber: '123456',
  invoiceReference: '12345678',
  type: 'invoice',
  issueDate: '2026-10-31',
  dueDate: '2026-11-30',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  currency: 'CHF',
  netTotal: '100.00',
  vatTotal: '8.10',
  grossTotal: '108.10',
  status: 'open',
  lineCount: 2,
  documentSha256: '1e8a7587529cc956d46dea481f38c623395a879a1179c277f476a9cdb88a540d',
  revision: 1,
  updatedAt: '2026-10-31T08:00:00Z',
  ...extra,
});

const line = (lineNo: number, extra: Record<string, unknown> = {}) => ({
  lineNo,
  serviceCode: 'PP-PRI',
  serviceDate: '2026-10-03',
  invoiceReference: '12345678',
  frankingLicence: '87654321',
  customerReference: null,
  quantity: '10',
  unitPrice: '5.00',
  netAmount: '50.00',
  vatRate: '8.1',
  vatAmount: '4.05',
  ...extra,
});

const customer = {
  customerNumber: '1234567',
  name: 'Muster AG',
  language: 'de',
  debtors: [
    {
      number: '123456',
      name: 'Muster AG',
      invoiceReferences: [{ number: '12345678', frankingLicences: ['87654321'] }],
    },
  ],
  costCenterOption: true,
};

const service = (code: string) => ({
  code,
  names: { de: code, fr: code, it: code, en: code },
  category: 'letters',
  unit: 'piece',
});

const costCenter = (code: string, etag = '"cc-1"') => ({
  code,
  name: 'Marketing',
  owner: null,
  active: true,
  objectType: 'costCenter',
  monthlyBudget: null,
  etag,
  updatedAt: '2026-11-01T10:00:00Z',
});

const assignmentInput: AssignmentInput = {
  kind: 'frankingLicence',
  key: '87654321',
  splits: [{ costCenterCode: 'MKT', percent: 100 }],
  validFrom: null,
  validTo: null,
};

const assignment = (id: string) => ({
  ...assignmentInput,
  id,
  etag: '"a-1"',
  updatedAt: '2026-11-01T10:00:00Z',
});

const preferences = {
  notifications: { newDocuments: true, paymentReminders: false, emails: ['clerk@example.ch'] },
  paper: { invoiceByPost: false, detailedStatementByPost: false },
};

// sha-256 of the smallest "document" the client accepts: it must start with the PDF signature.
const PDF_BYTES = '%PDF-abc';
const ABC_SHA256_B64 = 'Hop1h1KcyVbUbepIHzjGIzlah5oRecJ39HapzbiKVA0=';
const pdf = (body: string, digest = ABC_SHA256_B64, headers: Record<string, string> = {}): Response =>
  new Response(body, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      etag: '"doc-1"',
      'repr-digest': `sha-256=:${digest}:`,
      ...headers,
    },
  });

// --- harness ---------------------------------------------------------------------------------

const setup = (script: Responder[], options: Partial<ApiClientOptions> = {}) => {
  const fake = createFakeFetch(...script);
  const fakeSleep = createFakeSleep();
  const client = createApiClient({
    fetch: fake.fetch,
    sleep: fakeSleep.sleep,
    random: () => 0.5,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 30_000 },
    now: () => Date.parse('2026-11-22T10:00:00Z'),
    ...options,
  });
  return { client, requests: fake.requests, delays: fakeSleep.delays };
};

const paths = (requests: readonly { method: string; url: string }[]): string[] =>
  requests.map((request) => `${request.method} ${request.url}`);

// --- reads -----------------------------------------------------------------------------------

describe('reads', () => {
  it('getCustomer validates the customer', async () => {
    const { client, requests } = setup([() => json(200, customer)]);
    expect(await client.getCustomer()).toEqual(customer);
    expect(paths(requests)).toEqual(['GET /v1/customer']);
    expect(requests[0]?.headers.get('accept')).toBe('application/json');
  });

  it('a customer outside the contract is an InvalidResponseError, not retried', async () => {
    const { client, requests } = setup([() => json(200, { ...customer, language: 'xx' })]);
    const failure = client.getCustomer();
    await expect(failure).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(failure).rejects.toMatchObject({
      reason: 'schema',
      issues: expect.stringMatching(/^language: /) as unknown,
    });
    expect(requests).toHaveLength(1);
  });

  it('a wrong content type is an InvalidResponseError, not retried', async () => {
    const { client, requests } = setup([
      () => new Response('<html/>', { headers: { 'content-type': 'text/html' } }),
    ]);
    await expect(client.getCustomer()).rejects.toMatchObject({
      code: 'api.invalidResponse',
      reason: 'contentType',
    });
    expect(requests).toHaveLength(1);
  });

  it('listServices quarantines an invalid service', async () => {
    const { client } = setup([
      () => json(200, { items: [service('A'), { ...service('B'), unit: 'litre' }] }),
    ]);
    const result = await client.listServices();
    expect(result.items.map((item) => item.code)).toEqual(['A']);
    expect(result.invalid).toEqual([
      { index: 1, id: 'B', issues: expect.stringMatching(/^unit: Invalid option/) as unknown },
    ]);
  });

  it('getInvoiceChanges sends since and limit and quarantines invalid invoices only', async () => {
    const items = [invoice('i1'), invoice('i2', { netTotal: '100' }), invoice('i3')];
    const { client, requests } = setup([() => json(200, { items, next: 'p2', cursor: 'c1' })]);
    const page = await client.getInvoiceChanges({ since: 'a b&c', limit: 2 });
    expect(paths(requests)).toEqual(['GET /v1/invoices?since=a%20b%26c&limit=2']);
    expect(page.items.map((item) => item.id)).toEqual(['i1', 'i3']);
    expect(page.invalid).toEqual([
      { index: 1, id: 'i2', issues: 'netTotal: expected a decimal with two decimals' },
    ]);
    expect(page).toMatchObject({ next: 'p2', cursor: 'c1' });
  });

  it('an invalid envelope fails the page', async () => {
    const { client, requests } = setup([() => json(200, { items: [invoice('i1')], next: null })]);
    const failure = client.getInvoiceChanges();
    await expect(failure).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(failure).rejects.toThrow('cursor: Invalid input: expected string, received undefined');
    expect(requests).toHaveLength(1);
  });

  it('iterateInvoiceChanges follows next until it is null', async () => {
    const { client, requests } = setup([
      () => json(200, { items: [invoice('i1')], next: 'n1', cursor: 'c1' }),
      () => json(200, { items: [invoice('i2')], next: null, cursor: 'c2' }),
    ]);
    const pages = [];
    for await (const page of client.iterateInvoiceChanges({ since: 'c0', limit: 1 })) pages.push(page);
    expect(pages.map((page) => page.cursor)).toEqual(['c1', 'c2']);
    expect(paths(requests)).toEqual([
      'GET /v1/invoices?since=c0&limit=1',
      'GET /v1/invoices?since=n1&limit=1',
    ]);
  });

  it('an iterator stops with InvalidResponseError when next does not advance', async () => {
    const { client, requests } = setup([() => json(200, { items: [], next: 'same', cursor: 'c' })]);
    const pages = [];
    const walk = async (): Promise<void> => {
      for await (const page of client.iterateInvoiceChanges({ since: 'same' })) pages.push(page);
    };
    await expect(walk()).rejects.toMatchObject({ code: 'api.invalidResponse' });
    expect(requests).toHaveLength(1);
  });

  it('walks the lines pages of an invoice; invalid indexes count across pages', async () => {
    const { client, requests } = setup([
      () => json(200, { items: [line(1), line(2, { vatRate: '7.7' })], next: 'k2' }),
      () => json(200, { items: [line(3), line(4, { quantity: 'x' })], next: null }),
    ]);
    const all = await client.getAllInvoiceLines('inv/1', { limit: 2 });
    expect(all.items.map((item) => item.lineNo)).toEqual([1, 3]);
    expect(all.invalid.map(({ index, id }) => ({ index, id }))).toEqual([
      { index: 1, id: '2' },
      { index: 3, id: '4' },
    ]);
    expect(paths(requests)).toEqual([
      'GET /v1/invoices/inv%2F1/lines?limit=2',
      'GET /v1/invoices/inv%2F1/lines?cursor=k2&limit=2',
    ]);
  });

  it('getInvoiceDocument returns bytes verified against Repr-Digest', async () => {
    const { client, requests } = setup([() => pdf(PDF_BYTES)]);
    const document = await client.getInvoiceDocument('i1');
    expect(new TextDecoder().decode(document.bytes)).toBe(PDF_BYTES);
    expect(document).toMatchObject({ etag: '"doc-1"', reprDigest: `sha-256=:${ABC_SHA256_B64}:` });
    expect(documentMatchesInvoice(document, invoice('i1'))).toBe(true);
    expect(requests[0]?.headers.get('accept')).toBe('application/pdf');
    expect(paths(requests)).toEqual(['GET /v1/invoices/i1/document']);
  });

  it('retries a document whose bytes do not match Repr-Digest, then fails', async () => {
    const { client, requests } = setup([() => pdf('%PDF-abd')]);
    await expect(client.getInvoiceDocument('i1')).rejects.toMatchObject({
      code: 'api.invalidResponse',
      reason: 'digest',
    });
    expect(requests).toHaveLength(4);
  });

  it('a document without Repr-Digest or of another type is an InvalidResponseError', async () => {
    const noDigest = setup([
      () => new Response(PDF_BYTES, { headers: { 'content-type': 'application/pdf' } }),
    ]);
    await expect(noDigest.client.getInvoiceDocument('i1')).rejects.toMatchObject({ reason: 'header' });
    const html = setup([() => pdf(PDF_BYTES, ABC_SHA256_B64, { 'content-type': 'text/html' })]);
    await expect(html.client.getInvoiceDocument('i1')).rejects.toMatchObject({ reason: 'contentType' });
  });

  it('refuses identifiers no URL can carry, before sending', async () => {
    const { client, requests } = setup([() => json(200, {})]);
    await expect(client.deleteCostCenter('..', '"1"')).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.getInvoiceLines('.')).rejects.toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});

// --- errors ----------------------------------------------------------------------------------

describe('typed errors', () => {
  it.each([
    [400, BadRequestError, 'api.badRequest'],
    [401, UnauthorizedError, 'api.unauthorized'],
    [403, ForbiddenError, 'api.forbidden'],
    [404, NotFoundError, 'api.notFound'],
    [410, GoneError, 'api.gone'],
  ] as const)('%i is %s, not retried', async (status, type, code) => {
    const { client, requests } = setup([
      () => problem(status, { detail: 'why', errors: [{ field: 'limit', message: 'm' }] }),
    ]);
    const failure = client.getInvoiceLines('i1');
    await expect(failure).rejects.toBeInstanceOf(type);
    await expect(failure).rejects.toMatchObject({
      code,
      status,
      problem: { detail: 'why', errors: [{ field: 'limit' }] },
    });
    expect(requests).toHaveLength(1);
  });

  it('keeps the status when the error body is not a problem', async () => {
    const { client } = setup([() => new Response('gateway says no', { status: 404 })]);
    await expect(client.getCustomer()).rejects.toMatchObject({
      code: 'api.notFound',
      problem: { title: 'HTTP 404' },
    });
  });
});

// --- retries ---------------------------------------------------------------------------------

describe('retries of reads', () => {
  it('waits Retry-After seconds after a 429, then succeeds', async () => {
    const { client, requests, delays } = setup([
      () => problem(429, {}, { 'retry-after': '2' }),
      () => json(200, customer),
    ]);
    expect(await client.getCustomer()).toEqual(customer);
    expect(delays).toEqual([2_000]);
    expect(requests).toHaveLength(2);
  });

  it('backs off with jitter after a 503 without Retry-After', async () => {
    const { client, delays } = setup(
      [() => problem(503), () => problem(503), () => problem(503), () => json(200, customer)],
      {
        random: () => 0.75,
      },
    );
    await client.getCustomer();
    expect(delays).toEqual([75, 150, 300]);
  });

  it('jitter stays within [0, ceiling) for any random value', async () => {
    for (const random of [0, 0.3, 0.999_999]) {
      const { client, delays } = setup([() => problem(503), () => problem(503), () => json(200, customer)], {
        random: () => random,
      });
      await client.getCustomer();
      expect(delays[0]).toBeGreaterThanOrEqual(0);
      expect(delays[0]).toBeLessThan(100);
      expect(delays[1]).toBeLessThan(200);
    }
  });

  it('gives up after maxAttempts with RateLimitedError carrying the last Retry-After', async () => {
    const { client, requests, delays } = setup([
      () => problem(429, { title: 'Slow down' }, { 'retry-after': '1' }),
    ]);
    const failure = client.getCustomer();
    await expect(failure).rejects.toBeInstanceOf(RateLimitedError);
    await expect(failure).rejects.toMatchObject({
      code: 'api.rateLimited',
      retryAfterMs: 1_000,
      status: 429,
    });
    expect(requests).toHaveLength(4);
    expect(delays).toEqual([1_000, 1_000, 1_000]);
  });

  it('does not sit out a Retry-After longer than maxRetryAfterMs', async () => {
    const { client, requests } = setup([() => problem(503, {}, { 'retry-after': '3600' })]);
    const failure = client.getCustomer();
    await expect(failure).rejects.toBeInstanceOf(UnavailableError);
    await expect(failure).rejects.toMatchObject({ retryAfterMs: 3_600_000 });
    expect(requests).toHaveLength(1);
  });

  it('retries network failures, cut-off bodies and unparseable JSON', async () => {
    const { client, requests } = setup([
      networkFailure,
      () => cutOff('{"items":[{"lineNo":1'),
      () => new Response('{"items":[', { headers: { 'content-type': 'application/json' } }),
      () => json(200, { items: [line(1)], next: null }),
    ]);
    const page = await client.getInvoiceLines('i1');
    expect(page.items).toHaveLength(1);
    expect(requests).toHaveLength(4);
  });

  it('reports a NetworkError once the attempts are spent', async () => {
    const { client, requests } = setup([networkFailure]);
    await expect(client.getCustomer()).rejects.toMatchObject({ code: 'api.network', notSent: false });
    expect(requests).toHaveLength(4);
  });

  it('maxAttempts 1 disables retrying', async () => {
    const { client, requests } = setup([() => problem(503)], {
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
    });
    await expect(client.getCustomer()).rejects.toBeInstanceOf(UnavailableError);
    expect(requests).toHaveLength(1);
  });
});

describe('abort', () => {
  it('stops during a backoff wait, with no further request', async () => {
    const controller = new AbortController();
    const blockingSleep: Sleep = (_ms, signal) =>
      new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new Error('aborted while waiting')), { once: true });
      });
    const { client, requests } = setup([() => problem(503, {}, { 'retry-after': '5' })], {
      sleep: blockingSleep,
    });
    const pending = client.getCustomer({ signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(pending).rejects.toThrow('aborted while waiting');
    expect(requests).toHaveLength(1);
  });

  it('sends nothing when already aborted and passes the signal to fetch', async () => {
    const aborted = setup([() => json(200, customer)]);
    await expect(
      aborted.client.getCustomer({ signal: AbortSignal.abort(new Error('gone away')) }),
    ).rejects.toThrow('gone away');
    expect(aborted.requests).toHaveLength(0);

    const live = setup([() => json(200, customer)]);
    const controller = new AbortController();
    await live.client.getCustomer({ signal: controller.signal });
    expect(live.requests[0]?.signal).toBe(controller.signal);
  });

  it('a fetch rejected by the abort is not retried as a network failure', async () => {
    const controller = new AbortController();
    const { client, requests } = setup([
      () => {
        controller.abort(new Error('user left'));
        throw new Error('This operation was aborted');
      },
    ]);
    await expect(client.getCustomer({ signal: controller.signal })).rejects.toThrow('user left');
    expect(requests).toHaveLength(1);
  });
});

describe('retries of writes', () => {
  it('never repeats a write after an ambiguous network failure', async () => {
    const { client, requests } = setup([networkFailure, () => json(201, costCenter('MKT'))]);
    await expect(client.createCostCenter('MKT', { name: 'Marketing' })).rejects.toBeInstanceOf(NetworkError);
    expect(requests).toHaveLength(1);
  });

  it('never repeats a write whose answer was cut off', async () => {
    const { client, requests } = setup([() => cutOff('{"code":'), () => json(200, costCenter('MKT'))]);
    await expect(client.replaceCostCenter('MKT', { name: 'M' }, '"1"')).rejects.toMatchObject({
      code: 'api.network',
    });
    expect(requests).toHaveLength(1);
  });

  it('repeats a write after 429/503, which the server guarantees were not applied', async () => {
    const { client, requests, delays } = setup([
      () => problem(429, {}, { 'retry-after': '1' }),
      () => problem(503),
      () => json(201, costCenter('MKT'), { etag: '"cc-1"' }),
    ]);
    const result = await client.createCostCenter('MKT', { name: 'Marketing' });
    expect(result.created).toBe(true);
    expect(requests).toHaveLength(3);
    expect(requests.every((request) => request.headers.get('if-none-match') === '*')).toBe(true);
    expect(delays).toEqual([1_000, 100]);
  });

  it('repeats a write that certainly was not sent (no token)', async () => {
    const { client, requests } = setup([
      () => {
        throw new NetworkError('no token', { notSent: true });
      },
      () => json(200, assignment('a1')),
    ]);
    const result = await client.replaceAssignment('a1', assignmentInput, '"a-0"');
    expect(result.etag).toBe('"a-1"');
    expect(requests).toHaveLength(2);
  });
});

// --- writes ----------------------------------------------------------------------------------

describe('cost centres', () => {
  it('lists with per-item quarantine', async () => {
    const { client } = setup([
      () => json(200, { items: [costCenter('A'), { ...costCenter('B'), monthlyBudget: '12' }] }),
    ]);
    const result = await client.listCostCenters();
    expect(result.items.map((item) => item.code)).toEqual(['A']);
    expect(result.invalid).toMatchObject([{ index: 1, id: 'B' }]);
  });

  it('creates with If-None-Match "*" and returns the representation and its etag', async () => {
    const { client, requests } = setup([() => json(201, costCenter('FIN/01', '"v1"'), { etag: '"v1"' })]);
    const result = await client.createCostCenter('FIN/01', { name: 'Marketing', monthlyBudget: '500.00' });
    expect(result).toMatchObject({
      etag: '"v1"',
      created: true,
      value: { code: 'FIN/01', name: 'Marketing' },
    });
    const [request] = requests;
    expect(paths(requests)).toEqual(['PUT /v1/cost-centers/FIN%2F01']);
    expect(request?.headers.get('if-none-match')).toBe('*');
    expect(request?.headers.has('if-match')).toBe(false);
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ name: 'Marketing', monthlyBudget: '500.00' });
  });

  it('replaces with If-Match; the etag falls back to the body', async () => {
    const { client, requests } = setup([() => json(200, costCenter('MKT', '"v2"'))]);
    const result = await client.replaceCostCenter('MKT', { name: 'Marketing' }, '"v1"');
    expect(result).toMatchObject({ etag: '"v2"', created: false });
    expect(requests[0]?.headers.get('if-match')).toBe('"v1"');
    expect(requests[0]?.headers.has('if-none-match')).toBe(false);
  });

  it('a stale etag is PreconditionFailedError with the parsed current representation', async () => {
    const current = costCenter('MKT', '"v9"');
    const { client, requests } = setup([() => problem(412, { current }, { etag: '"v9"' })]);
    const failure = client.replaceCostCenter('MKT', { name: 'Mine' }, '"v1"');
    await expect(failure).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(failure).rejects.toMatchObject({
      code: 'api.preconditionFailed',
      current,
      currentEtag: '"v9"',
    });
    expect(requests).toHaveLength(1);
  });

  it('deletes with If-Match', async () => {
    const { client, requests } = setup([() => new Response(null, { status: 204 })]);
    await client.deleteCostCenter('MKT', '"v2"');
    expect(paths(requests)).toEqual(['DELETE /v1/cost-centers/MKT']);
    expect(requests[0]?.headers.get('if-match')).toBe('"v2"');
    expect(requests[0]?.body).toBeUndefined();
  });

  it('403 when the cost-centre option is off', async () => {
    const { client } = setup([() => problem(403)]);
    await expect(client.listCostCenters()).rejects.toMatchObject({ code: 'api.forbidden' });
  });

  it('a write answer without any ETag is an InvalidResponseError', async () => {
    const withoutEtag = Object.fromEntries(
      Object.entries(costCenter('MKT')).filter(([name]) => name !== 'etag'),
    );
    const { client } = setup([() => json(200, withoutEtag)]);
    await expect(client.replaceCostCenter('MKT', { name: 'M' }, '"1"')).rejects.toMatchObject({
      code: 'api.invalidResponse',
    });
  });
});

describe('assignments and designations', () => {
  it('creates, replaces, deletes and lists assignments', async () => {
    const { client, requests } = setup([
      () => json(201, assignment('a1')),
      () => json(200, assignment('a1')),
      () => new Response(null, { status: 204 }),
      () =>
        json(200, {
          items: [assignment('a1'), { ...assignment('a2'), splits: [{ costCenterCode: 'X', percent: 50 }] }],
        }),
    ]);
    expect(await client.createAssignment('a1', assignmentInput)).toMatchObject({
      created: true,
      etag: '"a-1"',
    });
    await client.replaceAssignment('a1', assignmentInput, '"a-1"');
    await client.deleteAssignment('a1', '"a-1"');
    const listed = await client.listAssignments();
    expect(listed.items.map((item) => item.id)).toEqual(['a1']);
    expect(listed.invalid).toEqual([
      { index: 1, id: 'a2', issues: 'splits: split percentages must add up to exactly 100' },
    ]);
    expect(paths(requests)).toEqual([
      'PUT /v1/cost-center-assignments/a1',
      'PUT /v1/cost-center-assignments/a1',
      'DELETE /v1/cost-center-assignments/a1',
      'GET /v1/cost-center-assignments',
    ]);
  });

  it('an overlapping assignment is a ConflictError', async () => {
    const { client } = setup([() => problem(409, { detail: 'overlaps a2' })]);
    await expect(client.createAssignment('a3', assignmentInput)).rejects.toBeInstanceOf(ConflictError);
  });

  it('puts and deletes designations by kind and key', async () => {
    const designation = { kind: 'service', key: 'PP PRI', text: 'Priority parcels', etag: '"d1"' };
    const { client, requests } = setup([
      () => json(201, designation),
      () => new Response(null, { status: 204 }),
      () => json(200, { items: [designation, { kind: 'other', key: 'x', text: 't', etag: '"e"' }] }),
    ]);
    const put = await client.putDesignation('service', 'PP PRI', 'Priority parcels', { ifNoneMatch: '*' });
    expect(put).toMatchObject({ created: true, etag: '"d1"', value: designation });
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ text: 'Priority parcels' });
    await client.deleteDesignation('service', 'PP PRI', '"d1"');
    const listed = await client.listDesignations();
    expect(listed.invalid).toMatchObject([{ index: 1, id: 'other/x' }]);
    expect(paths(requests)).toEqual([
      'PUT /v1/designations/service/PP%20PRI',
      'DELETE /v1/designations/service/PP%20PRI',
      'GET /v1/designations',
    ]);
  });
});

describe('preferences', () => {
  it('reads the preferences with their ETag', async () => {
    const { client } = setup([() => json(200, preferences, { etag: '"p1"' })]);
    expect(await client.getPreferences()).toEqual({ value: preferences, etag: '"p1"' });
  });

  it('a preferences answer without ETag is an InvalidResponseError', async () => {
    const { client } = setup([() => json(200, preferences)]);
    await expect(client.getPreferences()).rejects.toMatchObject({
      code: 'api.invalidResponse',
      reason: 'header',
    });
  });

  it('stores with If-Match and returns the new ETag', async () => {
    const { client, requests } = setup([() => json(200, preferences, { etag: '"p2"' })]);
    expect(await client.putPreferences(preferences, '"p1"')).toEqual({
      value: preferences,
      etag: '"p2"',
      created: false,
    });
    expect(requests[0]?.headers.get('if-match')).toBe('"p1"');
  });

  it('re-reads value and ETag together when the PUT answer has no ETag', async () => {
    const { client, requests } = setup([
      () => json(200, preferences),
      () => json(200, preferences, { etag: '"p3"' }),
    ]);
    expect(await client.putPreferences(preferences, '"p1"')).toMatchObject({ etag: '"p3"' });
    expect(paths(requests)).toEqual(['PUT /v1/preferences', 'GET /v1/preferences']);
  });

  it('a stale ETag carries the current preferences and their ETag', async () => {
    const { client } = setup([() => problem(412, { current: preferences }, { etag: '"p9"' })]);
    await expect(client.putPreferences(preferences, '"p1"')).rejects.toMatchObject({
      current: preferences,
      currentEtag: '"p9"',
    });
  });
});

describe('createCredentialedApiClient', () => {
  const tokenOr =
    (api: Responder): Responder =>
    (request) =>
      request.url.endsWith('/oauth/token')
        ? json(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 3600 })
        : api(request);

  it('authenticates and calls', async () => {
    const fake = createFakeFetch(tokenOr(() => json(200, customer)));
    const client = createCredentialedApiClient({
      baseUrl: 'http://b.test',
      clientId: 'c',
      clientSecret: 's',
      fetch: fake.fetch,
    });
    expect(await client.getCustomer()).toEqual(customer);
    expect(fake.requests.map((request) => request.url)).toEqual([
      'http://b.test/oauth/token',
      'http://b.test/v1/customer',
    ]);
    expect(fake.requests[1]?.headers.get('authorization')).toBe('Bearer tok');
  });

  it('a 401 that survives the one refresh is UnauthorizedError, not retried further', async () => {
    const fake = createFakeFetch(tokenOr(() => problem(401)));
    const client = createCredentialedApiClient({
      baseUrl: 'http://b.test',
      clientId: 'c',
      clientSecret: 's',
      fetch: fake.fetch,
    });
    await expect(client.getCustomer()).rejects.toBeInstanceOf(UnauthorizedError);
    expect(fake.requests.filter((request) => request.url.endsWith('/v1/customer'))).toHaveLength(2);
  });

  it('a definitive transport failure is passed on, not retried', async () => {
    const { client, requests } = setup([
      () => {
        throw new InvalidResponseError('token junk', { reason: 'schema' });
      },
    ]);
    await expect(client.getCustomer()).rejects.toThrow('token junk');
    expect(requests).toHaveLength(1);
  });
});
