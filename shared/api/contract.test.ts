/**
 * Contract tests: the client against the reference simulator over real HTTP. Every endpoint, every
 * error path of the contract, and the simulator's injected faults.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator, SimulatorOptions } from '../../simulator/server';
import { startSimulator } from '../../simulator/standalone';
import { parseMoney, sumCentimes } from '../core/money';
import type { ApiClient } from './client';
import { createAuthenticatedFetch, createCredentialedApiClient, documentMatchesInvoice } from './client';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  UnauthorizedError,
} from './errors';
import type { AssignmentInput, Invoice, LineItem, Preferences } from './schemas';
import type { Fetch } from './transport';
import type { Sleep } from './retry';
import { sleep } from './retry';

// --- harness ---------------------------------------------------------------------------------

const SIMULATOR: SimulatorOptions = { port: 0, control: true, seed: 1, now: '2026-11-22' };
const CREDENTIALS = { clientId: 'demo', clientSecret: 'demo-secret' };
const POLICY = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 40, maxRetryAfterMs: 5_000 };

/** Global fetch, counting the requests per path so tests can tell what went over the wire. */
const countingFetch = () => {
  const paths: string[] = [];
  const fetch: Fetch = (url, init) => {
    paths.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
    return globalThis.fetch(url, init);
  };
  return { fetch, paths, count: (path: string) => paths.filter((entry) => entry === path).length };
};

/** The real sleep, recording what it was asked to wait. */
const recordingSleep = () => {
  const delays: number[] = [];
  const recorded: Sleep = (ms, signal) => {
    delays.push(ms);
    return sleep(ms, signal);
  };
  return { sleep: recorded, delays };
};

const harness = (simulator: RunningSimulator, credentials = CREDENTIALS) => {
  const wire = countingFetch();
  const waits = recordingSleep();
  const client = createCredentialedApiClient({
    baseUrl: simulator.url,
    ...credentials,
    fetch: wire.fetch,
    retry: POLICY,
    sleep: waits.sleep,
  });
  return { client, wire, waits };
};

const control = async (
  simulator: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> => {
  const response = await fetch(`${simulator.url}/__sim/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  const json: unknown = text === '' ? undefined : JSON.parse(text);
  return json;
};

const walkFeed = async (client: ApiClient, since?: string) => {
  const latest = new Map<string, Invoice>();
  let cursor = '';
  let invalid = 0;
  for await (const page of client.iterateInvoiceChanges({
    ...(since === undefined ? {} : { since }),
    limit: 200,
  })) {
    invalid += page.invalid.length;
    for (const invoice of page.items) {
      const known = latest.get(invoice.id);
      if (known === undefined || known.revision < invoice.revision) latest.set(invoice.id, invoice);
    }
    cursor = page.cursor;
  }
  return { invoices: [...latest.values()], cursor, invalid };
};

const grossOf = (lines: readonly LineItem[]): number =>
  sumCentimes(lines.map((line) => parseMoney(line.netAmount) + parseMoney(line.vatAmount)));

// --- the shared simulator --------------------------------------------------------------------

let simulator: RunningSimulator;
let client: ApiClient;
let wire: ReturnType<typeof countingFetch>;
let waits: ReturnType<typeof recordingSleep>;

beforeAll(async () => {
  simulator = await startSimulator(SIMULATOR);
});

afterAll(async () => {
  await simulator.close();
});

beforeEach(async () => {
  await control(simulator, 'DELETE', 'faults');
  ({ client, wire, waits } = harness(simulator));
});

describe('reads', () => {
  it('getCustomer and listServices', async () => {
    const customer = await client.getCustomer();
    expect(customer.costCenterOption).toBe(true);
    expect(customer.debtors.length).toBeGreaterThan(0);
    const services = await client.listServices();
    expect(services.invalid).toEqual([]);
    expect(services.items.length).toBeGreaterThan(0);
  });

  it(
    'walks the whole demo feed and every invoice reconciles with its lines',
    { timeout: 120_000 },
    async () => {
      const { invoices, cursor, invalid } = await walkFeed(client);
      expect(invalid).toBe(0);
      expect(invoices.length).toBeGreaterThan(0);

      for (const invoice of invoices) {
        const lines = await client.getAllInvoiceLines(invoice.id);
        expect(lines.invalid, invoice.id).toEqual([]);
        expect(lines.items.length, invoice.id).toBe(invoice.lineCount);
        expect(lines.items.map((line) => line.lineNo)).toEqual(lines.items.map((_, index) => index + 1));
        expect(grossOf(lines.items), invoice.id).toBe(parseMoney(invoice.grossTotal));
        expect(parseMoney(invoice.netTotal) + parseMoney(invoice.vatTotal), invoice.id).toBe(
          parseMoney(invoice.grossTotal),
        );
      }

      // Nothing new since the stored cursor.
      const after = await client.getInvoiceChanges({ since: cursor });
      expect(after.items).toEqual([]);
      expect(after.next).toBeNull();
    },
  );

  it('pages lines with a small limit', async () => {
    const { items } = await client.getInvoiceChanges({ limit: 50 });
    const invoice = items.find((candidate) => candidate.lineCount > 3);
    expect(invoice).toBeDefined();
    const pages = [];
    for await (const page of client.iterateInvoiceLines(invoice!.id, { limit: 2 })) pages.push(page);
    expect(pages.length).toBe(Math.ceil(invoice!.lineCount / 2));
    expect(pages.flatMap((page) => page.items).length).toBe(invoice!.lineCount);
  });

  it('downloads a document whose digest matches the invoice', async () => {
    const { items } = await client.getInvoiceChanges({ limit: 5 });
    const invoice = items[0]!;
    const document = await client.getInvoiceDocument(invoice.id);
    expect(new TextDecoder().decode(document.bytes.slice(0, 5))).toBe('%PDF-');
    expect(documentMatchesInvoice(document, invoice)).toBe(true);
    expect(document.reprDigest).toMatch(/sha-256=:/);
  });
});

describe('error paths', () => {
  it('401 for bad credentials', async () => {
    const bad = harness(simulator, { clientId: 'demo', clientSecret: 'wrong' });
    await expect(bad.client.getCustomer()).rejects.toBeInstanceOf(UnauthorizedError);
    expect(bad.wire.count('GET /v1/customer')).toBe(0);
  });

  it('a revoked token is replaced transparently', async () => {
    await client.getCustomer();
    await control(simulator, 'POST', 'tokens/revoke');
    await client.getCustomer();
    expect(wire.count('POST /oauth/token')).toBe(2);
    expect(wire.count('GET /v1/customer')).toBe(3);
  });

  it('404 for an unknown invoice', async () => {
    await expect(client.getInvoiceLines('no-such-invoice')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getInvoiceDocument('no-such-invoice')).rejects.toMatchObject({
      code: 'api.notFound',
    });
  });

  it('400 for out-of-range limits', async () => {
    await expect(client.getInvoiceChanges({ limit: 0 })).rejects.toBeInstanceOf(BadRequestError);
    await expect(client.getInvoiceChanges({ limit: 501 })).rejects.toMatchObject({
      code: 'api.badRequest',
      status: 400,
    });
    const { items } = await client.getInvoiceChanges({ limit: 1 });
    await expect(client.getInvoiceLines(items[0]!.id, { limit: 5001 })).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it('428 for a write without precondition (raw fetch: the client always sends one)', async () => {
    const authenticated = createAuthenticatedFetch({
      baseUrl: simulator.url,
      ...CREDENTIALS,
      fetch: globalThis.fetch,
    });
    const response = await authenticated('/v1/cost-centers/NOPRE', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'No precondition' }),
    });
    expect(response.status).toBe(428);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('cost centres', () => {
  it('create, replace, stale replace (412 with current), delete', async () => {
    const created = await client.createCostCenter('CT-1', { name: 'Contract test', monthlyBudget: '100.00' });
    expect(created).toMatchObject({
      created: true,
      value: { code: 'CT-1', name: 'Contract test', active: true },
    });
    expect(created.etag).toBe(created.value.etag);

    const again = client.createCostCenter('CT-1', { name: 'Twice' });
    await expect(again).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(again).rejects.toMatchObject({ current: { code: 'CT-1', name: 'Contract test' } });

    const replaced = await client.replaceCostCenter(
      'CT-1',
      { name: 'Renamed', owner: 'Clerk' },
      created.etag,
    );
    expect(replaced).toMatchObject({ created: false, value: { name: 'Renamed', owner: 'Clerk' } });
    expect(replaced.etag).not.toBe(created.etag);

    const stale = client.replaceCostCenter('CT-1', { name: 'Stale' }, created.etag);
    await expect(stale).rejects.toMatchObject({
      code: 'api.preconditionFailed',
      status: 412,
      current: { code: 'CT-1', name: 'Renamed', etag: replaced.etag },
      currentEtag: replaced.etag,
    });

    await expect(client.deleteCostCenter('CT-1', created.etag)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await client.deleteCostCenter('CT-1', replaced.etag);
    const listed = await client.listCostCenters();
    expect(listed.items.map((item) => item.code)).not.toContain('CT-1');
    await expect(client.deleteCostCenter('CT-1', replaced.etag)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a code with a slash travels encoded', async () => {
    const created = await client.createCostCenter('CT/2.a', { name: 'Slash' });
    expect(created.value.code).toBe('CT/2.a');
    const listed = await client.listCostCenters();
    expect(listed.items.find((item) => item.code === 'CT/2.a')?.etag).toBe(created.etag);
    await client.deleteCostCenter('CT/2.a', created.etag);
  });

  it("another user's edit turns my replace into a 412 carrying their version", async () => {
    const mine = await client.createCostCenter('CT-3', { name: 'Mine' });
    await control(simulator, 'POST', 'other-user-edit', { kind: 'costCenter', id: 'CT-3' });
    const failure = await client
      .replaceCostCenter('CT-3', { name: 'Mine, edited' }, mine.etag)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PreconditionFailedError);
    if (!(failure instanceof PreconditionFailedError)) return;
    expect(failure.currentEtag).toBeDefined();
    expect(failure.currentEtag).not.toBe(mine.etag);
    const theirs = await client.replaceCostCenter('CT-3', { name: 'Resolved' }, failure.currentEtag!);
    expect(theirs.value.name).toBe('Resolved');
  });

  it('403 without the cost-centre option', async () => {
    const restricted = await startSimulator({ ...SIMULATOR, costCenterOption: false });
    try {
      const { client: restrictedClient } = harness(restricted);
      expect((await restrictedClient.getCustomer()).costCenterOption).toBe(false);
      await expect(restrictedClient.listCostCenters()).rejects.toBeInstanceOf(ForbiddenError);
      await expect(restrictedClient.createCostCenter('X', { name: 'X' })).rejects.toMatchObject({
        code: 'api.forbidden',
      });
    } finally {
      await restricted.close();
    }
  });
});

describe('assignments', () => {
  it('create, list, replace, 409 on overlap, delete', async () => {
    const costCenter = await client.createCostCenter('CT-A', { name: 'Assignments' });
    const customer = await client.getCustomer();
    const taken = new Set((await client.listAssignments()).items.map((item) => `${item.kind}/${item.key}`));
    const licence = customer.debtors
      .flatMap((debtor) => debtor.invoiceReferences.flatMap((reference) => reference.frankingLicences))
      .find((candidate) => !taken.has(`frankingLicence/${candidate}`));
    if (licence === undefined)
      throw new Error('every franking licence of the demo customer is already assigned');
    const input: AssignmentInput = {
      kind: 'frankingLicence',
      key: licence,
      splits: [{ costCenterCode: 'CT-A', percent: 100 }],
      validFrom: '2030-01-01',
      validTo: '2030-12-31',
    };
    const created = await client.createAssignment('ct-a1', input);
    expect(created).toMatchObject({ created: true, value: { id: 'ct-a1', key: licence } });
    expect((await client.listAssignments()).items.map((item) => item.id)).toContain('ct-a1');

    const overlapping = client.createAssignment('ct-a2', {
      ...input,
      validFrom: '2030-06-01',
      validTo: null,
    });
    await expect(overlapping).rejects.toBeInstanceOf(ConflictError);
    await expect(overlapping).rejects.toMatchObject({ code: 'api.conflict', status: 409 });

    const replaced = await client.replaceAssignment(
      'ct-a1',
      { ...input, validTo: '2030-06-30' },
      created.etag,
    );
    expect(replaced.value.validTo).toBe('2030-06-30');
    await expect(client.replaceAssignment('ct-a1', input, created.etag)).rejects.toMatchObject({
      code: 'api.preconditionFailed',
      current: { id: 'ct-a1', validTo: '2030-06-30' },
    });

    await client.deleteAssignment('ct-a1', replaced.etag);
    await client.deleteCostCenter('CT-A', costCenter.etag);
  });
});

describe('designations and preferences', () => {
  it('put (create, replace), list, delete designations', async () => {
    const services = await client.listServices();
    const key = services.items[0]!.code;
    const created = await client.putDesignation('service', key, 'Our name', { ifNoneMatch: '*' });
    expect(created).toMatchObject({ created: true, value: { kind: 'service', key, text: 'Our name' } });
    const replaced = await client.putDesignation('service', key, 'Better name', { ifMatch: created.etag });
    expect(replaced).toMatchObject({ created: false, value: { text: 'Better name' } });
    await expect(
      client.putDesignation('service', key, 'Stale', { ifMatch: created.etag }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    const listed = await client.listDesignations();
    expect(listed.items.find((item) => item.kind === 'service' && item.key === key)?.etag).toBe(
      replaced.etag,
    );
    await client.deleteDesignation('service', key, replaced.etag);
    expect(
      (await client.listDesignations()).items.some((item) => item.kind === 'service' && item.key === key),
    ).toBe(false);
  });

  it('get and put preferences with If-Match; a stale ETag carries the current preferences', async () => {
    const { value, etag } = await client.getPreferences();
    const changed: Preferences = {
      ...value,
      paper: { ...value.paper, invoiceByPost: !value.paper.invoiceByPost },
    };
    const stored = await client.putPreferences(changed, etag);
    expect(stored.value).toEqual(changed);
    expect(stored.etag).not.toBe(etag);
    expect(await client.getPreferences()).toEqual({ value: changed, etag: stored.etag });

    const stale = await client.putPreferences(value, etag).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(PreconditionFailedError);
    expect(stale).toMatchObject({ current: changed });
  });
});

describe('faults', () => {
  it('429 retried after Retry-After', async () => {
    await control(simulator, 'POST', 'faults', {
      retryAfterSeconds: 1,
      failNext: { kind: '429', count: 2, pathPrefix: '/v1/customer' },
    });
    const started = Date.now();
    await client.getCustomer();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(waits.delays).toEqual([1_000, 1_000]);
    expect(wire.count('GET /v1/customer')).toBe(3);
  });

  it('503 retried after Retry-After, also for a write', async () => {
    await control(simulator, 'POST', 'faults', {
      retryAfterSeconds: 1,
      failNext: { kind: '503', count: 1, pathPrefix: '/v1/cost-centers' },
    });
    const created = await client.createCostCenter('CT-F', { name: 'After 503' });
    expect(created.created).toBe(true);
    expect(waits.delays).toEqual([1_000]);
    expect(wire.count('PUT /v1/cost-centers/CT-F')).toBe(2);
    await client.deleteCostCenter('CT-F', created.etag);
  });

  it('a connection reset is retried for reads', async () => {
    await control(simulator, 'POST', 'faults', {
      failNext: { kind: 'reset', count: 2, pathPrefix: '/v1/services' },
    });
    const services = await client.listServices();
    expect(services.items.length).toBeGreaterThan(0);
    expect(wire.count('GET /v1/services')).toBe(3);
  });

  it('a truncated body is retried for reads', async () => {
    await control(simulator, 'POST', 'faults', {
      failNext: { kind: 'truncate', count: 1, pathPrefix: '/v1/invoices' },
    });
    const page = await client.getInvoiceChanges({ limit: 20 });
    expect(page.items.length).toBe(20);
    expect(wire.count('GET /v1/invoices')).toBe(2);
  });

  it('a reset write is not repeated', async () => {
    await control(simulator, 'POST', 'faults', {
      failNext: { kind: 'reset', count: 1, pathPrefix: '/v1/cost-centers' },
    });
    await expect(client.createCostCenter('CT-R', { name: 'Reset' })).rejects.toBeInstanceOf(NetworkError);
    expect(wire.count('PUT /v1/cost-centers/CT-R')).toBe(1);
  });

  it('an invalid invoice is quarantined while the rest of the page arrives', async () => {
    const clean = await client.getInvoiceChanges({ limit: 30 });
    await control(simulator, 'POST', 'faults', { invalidItemNext: 'invoices' });
    const page = await client.getInvoiceChanges({ limit: 30 });
    expect(page.invalid).toHaveLength(1);
    expect(page.items).toHaveLength(clean.items.length - 1);
    const [bad] = page.invalid;
    expect(bad?.issues).not.toBe('');
    if (bad?.id !== undefined) expect(clean.items.map((item) => item.id)).toContain(bad.id);
  });

  it('an invalid line is quarantined while the rest of the page arrives', async () => {
    const { items } = await client.getInvoiceChanges({ limit: 10 });
    const invoice = items.find((candidate) => candidate.lineCount > 1)!;
    await control(simulator, 'POST', 'faults', { invalidItemNext: 'lines' });
    const page = await client.getInvoiceLines(invoice.id);
    expect(page.invalid).toHaveLength(1);
    expect(page.items).toHaveLength(invoice.lineCount - 1);
  });
});

describe('faults on documents, tokens and slow answers', () => {
  it('a document cut short fails its digest check and is fetched again', async () => {
    const { items } = await client.getInvoiceChanges({ limit: 3 });
    const invoice = items[0]!;
    const path = `/v1/invoices/${invoice.id}/document`;
    await control(simulator, 'POST', 'faults', {
      failNext: { kind: 'truncate', count: 1, pathPrefix: path },
    });
    const document = await client.getInvoiceDocument(invoice.id);
    expect(documentMatchesInvoice(document, invoice)).toBe(true);
    expect(wire.count(`GET ${path}`)).toBe(2);
  });

  it('a write whose answer is cut short is reported, not repeated (it was applied)', async () => {
    await control(simulator, 'POST', 'faults', {
      failNext: { kind: 'truncate', count: 1, pathPrefix: '/v1/cost-centers/CT-T' },
    });
    await expect(client.createCostCenter('CT-T', { name: 'Truncated' })).rejects.toMatchObject({
      code: 'api.invalidResponse',
    });
    expect(wire.count('PUT /v1/cost-centers/CT-T')).toBe(1);
    const stored = (await client.listCostCenters()).items.find((item) => item.code === 'CT-T');
    expect(stored?.name).toBe('Truncated');
    await client.deleteCostCenter('CT-T', stored!.etag);
  });

  it('a short-lived token is replaced before it expires, without a 401', async () => {
    const shortLived = await startSimulator({ ...SIMULATOR, tokenLifetimeSeconds: 1 });
    try {
      const { client: shortClient, wire: shortWire } = harness(shortLived);
      await shortClient.getCustomer();
      await sleep(600);
      await shortClient.getCustomer();
      expect(shortWire.count('POST /oauth/token')).toBe(2);
      expect(shortWire.count('GET /v1/customer')).toBe(2);
    } finally {
      await shortLived.close();
    }
  });

  it('an abort ends a call the server is slow to answer', async () => {
    await control(simulator, 'POST', 'faults', { latencyMs: 3_000, pathPrefix: '/v1/customer' });
    const started = Date.now();
    await expect(client.getCustomer({ signal: AbortSignal.timeout(200) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it(
    'a synchronisation under random faults delivers the same data as a clean one',
    { timeout: 60_000 },
    async () => {
      const clean = await walkFeed(client);
      const sample = clean.invoices.slice(0, 25);
      const cleanLines = await Promise.all(sample.map((invoice) => client.getAllInvoiceLines(invoice.id)));

      await control(simulator, 'POST', 'faults', {
        rate429: 0.05,
        rate503: 0.05,
        resetRate: 0.05,
        truncateRate: 0.05,
        retryAfterSeconds: 0,
      });
      const faulty = createCredentialedApiClient({
        baseUrl: simulator.url,
        ...CREDENTIALS,
        fetch: wire.fetch,
        retry: { ...POLICY, maxAttempts: 10 },
        sleep: waits.sleep,
      });
      const before = wire.paths.length;
      const shaky = await walkFeed(faulty);
      expect(shaky.invoices).toEqual(clean.invoices);
      for (const [index, invoice] of sample.entries()) {
        const lines = await faulty.getAllInvoiceLines(invoice.id);
        expect(lines).toEqual(cleanLines[index]);
        expect(grossOf(lines.items)).toBe(parseMoney(invoice.grossTotal));
      }
      // Faults did happen and were absorbed.
      expect(waits.delays.length).toBeGreaterThan(0);
      expect(wire.paths.length - before).toBeGreaterThan(waits.delays.length);
    },
  );
});

describe('retention', () => {
  it('410 for lines and documents of invoices that left the 18-month window', async () => {
    const ageing = await startSimulator(SIMULATOR);
    try {
      const { client: ageingClient } = harness(ageing);
      const before = await walkFeed(ageingClient);
      const oldest = before.invoices.reduce((a, b) => (a.issueDate <= b.issueDate ? a : b));
      await control(ageing, 'POST', 'clock', { advanceDays: 60 });
      await expect(ageingClient.getInvoiceLines(oldest.id)).rejects.toBeInstanceOf(GoneError);
      await expect(ageingClient.getInvoiceDocument(oldest.id)).rejects.toMatchObject({
        code: 'api.gone',
        status: 410,
      });
      const after = await walkFeed(ageingClient);
      expect(after.invoices.map((invoice) => invoice.id)).not.toContain(oldest.id);
    } finally {
      await ageing.close();
    }
  });
});
