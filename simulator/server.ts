/**
 * The reference back end of the Postal Billing API: a node:http server over deterministic data.
 * Same seed and clock give byte-identical bodies. Bundles into the Electron main process (no
 * top-level await, no asset files, no __dirname).
 *
 * The server is composed from parts so that what the app embeds (embedded.ts) leaves the test
 * instruments out of its bundle; standalone.ts composes everything for tests, the CLI and the bench.
 * Hence this module imports faults.ts for its types only, and no control route.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createAuth } from './auth';
import { createCostMeter, requestKind } from './cost';
import { encodeBody, isJson, negotiateCoding, type ContentCoding } from './http/compression';
import type { SimClock, SimulatorContext } from './context';
import { MS_PER_DAY, dayOf, isoInstant } from './data/calendar';
import { createCursorCodec } from './data/cursors';
import { buildCustomerModel } from './data/customer';
import { createInvoiceRepository } from './data/invoiceRepository';
import { createLedger } from './data/ledger';
import type { ProfileName } from './data/profiles';
import type { FaultKind, Faults } from './faults';
import { problem, type SimRequest, type SimResponse } from './http/messages';
import { NO_FAULTS } from './noFaults';
import { matchRoute, type Route } from './router';
import { createPersistence } from './store/persistence';
import { seedResources } from './store/seedResources';
import { createWritableStore } from './store/writableState';

export interface SimulatorOptions {
  /** 0 = random; default 8787 */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  profile?: ProfileName;
  /** default 1 */
  seed?: number;
  /** the simulated clock; a date alone means noon UTC of that day; default: today (noon UTC) */
  now?: Date | string;
  /** default 'demo' */
  clientId?: string;
  /** default 'demo-secret' */
  clientSecret?: string;
  /** default 3600 */
  tokenLifetimeSeconds?: number;
  /** default true */
  costCenterOption?: boolean;
  /** enables /__sim/ where the server has the control routes (standalone.ts), default false */
  control?: boolean;
  /** optional JSON file for writable resources */
  persistPath?: string;
  /** gzip or br for JSON answers when the request accepts them (contract); default true */
  compression?: boolean;
}

/** What a server is made of: the contract's routes, and the test instruments or none. */
export interface SimulatorParts {
  /** every /v1/ route, answered behind the token check (the token endpoint is answered before routing) */
  readonly api: readonly Route[];
  /**
   * The /__sim/ routes and the fault layer they drive: both or neither, since the control routes
   * configure the faults. Without them /__sim/ is an unknown path and no request is ever faulted.
   */
  readonly instruments?: {
    readonly control: readonly Route[];
    readonly createFaults: (seed: number) => Faults;
  };
}

export type StartSimulator<Options extends SimulatorOptions = SimulatorOptions> = (
  options?: Options,
) => Promise<RunningSimulator>;

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Repr-Digest, Retry-After, Date',
};

const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, If-Match, If-None-Match, Content-Type',
  'Access-Control-Max-Age': '600',
};

const headerText = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(', ') : value;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Resolves the clock option to an instant in whole seconds. */
export const resolveNow = (now: Date | string | undefined): number => {
  if (now === undefined) return dayOf(Date.now()) * MS_PER_DAY + 12 * 3_600_000;
  const ms =
    typeof now === 'string' ? Date.parse(DATE_ONLY.test(now) ? `${now}T12:00:00Z` : now) : now.getTime();
  if (Number.isNaN(ms)) throw new TypeError(`invalid simulator clock ${String(now)}`);
  return Math.floor(ms / 1000) * 1000;
};

const createClock = (start: number): SimClock => {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
};

const readBody = (request: IncomingMessage): Promise<Buffer | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const bodyBytes = (body: SimResponse['body']): Buffer =>
  body === null ? Buffer.alloc(0) : typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);

/**
 * Writes the answer; a 'reset' fault cuts the connection mid-body, 'truncate' sends half a body.
 * With a coding, a JSON body goes compressed (http/compression.ts). Returns the body's sizes.
 */
const send = (
  response: ServerResponse,
  answer: SimResponse,
  fault: Extract<FaultKind, 'reset' | 'truncate'> | null,
  head: boolean,
  now: number,
  coding: ContentCoding | null = null,
): { bodyBytes: number; sentBytes: number } => {
  const raw = bodyBytes(answer.body);
  const contentType = answer.headers['Content-Type'];
  const encoded = encodeBody(raw, contentType, coding);
  const body = encoded.body;
  // The operator's clock, not the host's: clients derive the retention window from it (contract).
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    Date: new Date(now).toUTCString(),
    ...answer.headers,
    ...(encoded.coding === null ? {} : { 'Content-Encoding': encoded.coding }),
    // A cache between would otherwise hand a compressed answer to a client that did not ask for one.
    ...(coding === null && !isJson(contentType) ? {} : { Vary: 'Accept-Encoding' }),
  };
  const sizes = { bodyBytes: raw.length, sentBytes: body.length };
  if (fault === 'reset') {
    response.writeHead(answer.status, { ...headers, 'Content-Length': String(body.length) });
    response.flushHeaders();
    response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
    return sizes;
  }
  const sent = fault === 'truncate' ? body.subarray(0, Math.floor(body.length / 2)) : body;
  const noBody = answer.status === 204 || answer.status === 304;
  response.writeHead(answer.status, noBody ? headers : { ...headers, 'Content-Length': String(sent.length) });
  response.end(head || noBody ? undefined : sent);
  return sizes;
};

const faultAnswer = (kind: '429' | '503', retryAfterSeconds: number): SimResponse =>
  problem(kind === '429' ? 429 : 503, {
    slug: kind === '429' ? 'rate-limited' : 'unavailable',
    detail:
      kind === '429' ? 'too many requests, slow down' : 'the billing service is temporarily unavailable',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });

const dispatch = async (
  routes: readonly Route[],
  request: SimRequest,
  context: SimulatorContext,
): Promise<SimResponse> => {
  const match = matchRoute(routes, request.method, request.path);
  switch (match.kind) {
    case 'found':
      return match.route.handler({ ...request, params: match.params }, context);
    case 'method-not-allowed':
      return problem(405, {
        slug: 'method-not-allowed',
        detail: `${request.method} is not allowed on ${request.path}`,
        headers: { Allow: match.allowed.join(', ') },
      });
    case 'bad-path':
      return problem(400, { slug: 'invalid-path', detail: 'the path is not correctly percent-encoded' });
    case 'not-found':
      return problem(404, { slug: 'not-found', detail: `no resource at ${request.path}` });
  }
};

const startServer = async (parts: SimulatorParts, options: SimulatorOptions): Promise<RunningSimulator> => {
  const seed = options.seed ?? 1;
  const profile = options.profile ?? 'demo';
  const clock = createClock(resolveNow(options.now));
  const model = buildCustomerModel(seed, profile);
  const persistence = createPersistence(options.persistPath);
  const initial = (await persistence.load()) ?? seedResources(model, isoInstant(clock.now()));
  const context: SimulatorContext = {
    seed,
    profile,
    costCenterOption: options.costCenterOption ?? true,
    clock,
    repository: createInvoiceRepository(model, createLedger(seed, model), `${profile}:${seed}`),
    cursors: createCursorCodec(seed),
    store: createWritableStore(
      initial,
      () => isoInstant(clock.now()),
      (state) => persistence.save(state),
    ),
    auth: createAuth({
      clientId: options.clientId ?? 'demo',
      clientSecret: options.clientSecret ?? 'demo-secret',
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    }),
    faults: parts.instruments?.createFaults(seed) ?? NO_FAULTS,
    persistence,
    cost: createCostMeter(),
  };
  const compression = options.compression ?? true;
  const controlRoutes = options.control === true ? (parts.instruments?.control ?? null) : null;

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = (incoming.method ?? 'GET').toUpperCase();
    const url = new URL(incoming.url ?? '/', 'http://simulator.invalid');
    const path = url.pathname;
    const head = method === 'HEAD';

    if (method === 'OPTIONS') {
      response.writeHead(204, { ...PREFLIGHT_HEADERS, Date: new Date(context.clock.now()).toUTCString() });
      response.end();
      return;
    }
    const body = await readBody(incoming);
    if (body === null) {
      send(
        response,
        problem(413, { slug: 'too-large', detail: 'the body exceeds 1 MiB' }),
        null,
        head,
        context.clock.now(),
      );
      return;
    }
    const request: SimRequest = {
      method,
      path,
      query: url.searchParams,
      headers: incoming.headers,
      body,
      params: [],
    };

    if (path === '/__sim' || path.startsWith('/__sim/')) {
      const answer =
        controlRoutes !== null
          ? await dispatch(controlRoutes, request, context)
          : problem(404, { slug: 'not-found', detail: `no resource at ${path}` });
      send(response, answer, null, head, context.clock.now());
      return;
    }

    const decision = context.faults.decide(path);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.fault === '429' || decision.fault === '503') {
      send(
        response,
        faultAnswer(decision.fault, context.faults.config().retryAfterSeconds),
        null,
        head,
        context.clock.now(),
      );
      return;
    }
    if (decision.fault === 'drop') {
      // Before anything is handled or written: to the client, a server that cannot be reached.
      incoming.socket.destroy();
      return;
    }
    const cut = decision.fault;

    if (path === '/oauth/token') {
      const answer =
        method === 'POST'
          ? context.auth.issueToken(request)
          : problem(405, { slug: 'method-not-allowed', detail: 'use POST', headers: { Allow: 'POST' } });
      send(response, answer, cut, head, context.clock.now());
      return;
    }
    if (path.startsWith('/v1/')) {
      const unauthorized = context.auth.check(incoming.headers);
      if (unauthorized !== null) {
        send(response, unauthorized, cut, head, context.clock.now());
        return;
      }
    }
    // A response that will be cut never reaches the client: it must not use up the one invalid item
    // a test asked for, or the retried page would arrive clean and the injection would be lost.
    const routeContext: SimulatorContext =
      cut === null ? context : { ...context, faults: { ...context.faults, takeInvalidItem: () => false } };
    const kind = requestKind(path);
    const started = performance.now();
    const answer = await dispatch(parts.api, request, routeContext);
    const answered = performance.now();
    const coding = compression ? negotiateCoding(headerText(incoming.headers['accept-encoding'])) : null;
    const sizes = send(response, answer, cut, head, context.clock.now(), coding);
    context.cost.record(kind, {
      handlerMs: answered - started,
      encodeMs: performance.now() - answered,
      ...sizes,
    });
  };

  const sockets = new Set<Socket>();
  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const detail = error instanceof Error ? error.message : String(error);
      send(response, problem(500, { slug: 'internal-error', detail }), null, false, context.clock.now());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const port = options.port ?? 8787;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the simulator is not listening on TCP');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        for (const socket of sockets) socket.destroy();
      });
      await persistence.flush();
    },
  };
};

export const createSimulatorServer =
  (parts: SimulatorParts): StartSimulator =>
  (options = {}) =>
    startServer(parts, options);
