import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A hostile back end made from the honest one: an HTTP proxy in front of the simulator whose tests
 * rewrite chosen answers (a poisoned invoice, a cursor that never advances, a Date header from
 * another day, a connection cut after the write was applied) while everything else stays real.
 */

export interface ProxiedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ProxiedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** What a rule does with a request: answer itself, change the upstream answer, or cut the socket. */
export type Verdict =
  | { kind: 'pass' }
  | { kind: 'answer'; answer: ProxiedAnswer }
  | { kind: 'rewrite'; rewrite: (upstream: ProxiedAnswer) => ProxiedAnswer }
  /** Forward to the upstream (which applies it), then destroy the connection before any answer. */
  | { kind: 'cutAfterUpstream' };

export type Rule = (request: ProxiedRequest) => Verdict | Promise<Verdict>;

export interface HostileProxy {
  url: string;
  /** Every request seen, in order. */
  requests: ProxiedRequest[];
  /** Rules run in order; the first verdict other than pass wins. Tests may push to it at any time. */
  readonly rules: Rule[];
  close: () => Promise<void>;
}

export const PASS: Verdict = { kind: 'pass' };

export const json = (
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): ProxiedAnswer => ({
  status,
  headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  body: Buffer.from(JSON.stringify(value)),
});

/** Rewrites a JSON answer's body with `edit` (which may change it in place or return a new value). */
export const rewriteJson = (edit: (body: unknown) => unknown): Verdict => ({
  kind: 'rewrite',
  rewrite: (upstream) => {
    if (upstream.status !== 200) return upstream;
    const parsed: unknown = JSON.parse(upstream.body.toString('utf8'));
    const edited = edit(parsed) ?? parsed;
    return { ...upstream, body: Buffer.from(JSON.stringify(edited)) };
  },
});

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

// Hop-by-hop or recomputed: the proxy sends its own framing and plain (decoded) bodies.
const DROPPED = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

const forward = async (upstreamUrl: string, request: ProxiedRequest): Promise<ProxiedAnswer> => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (!DROPPED.has(name) && name !== 'host') headers.set(name, value);
  }
  const query = request.query.toString();
  const response = await fetch(`${upstreamUrl}${request.path}${query === '' ? '' : `?${query}`}`, {
    method: request.method,
    headers,
    redirect: 'manual',
    ...(request.body.length > 0 ? { body: new Uint8Array(request.body) } : {}),
  });
  const answerHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!DROPPED.has(name)) answerHeaders[name] = value;
  });
  return { status: response.status, headers: answerHeaders, body: Buffer.from(await response.arrayBuffer()) };
};

const send = (response: ServerResponse, answer: ProxiedAnswer): void => {
  const noBody = answer.status === 204 || answer.status === 304;
  response.writeHead(
    answer.status,
    noBody ? answer.headers : { ...answer.headers, 'content-length': String(answer.body.length) },
  );
  response.end(noBody ? undefined : answer.body);
};

export const startHostileProxy = async (upstreamUrl: string, rules: Rule[] = []): Promise<HostileProxy> => {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const url = new URL(incoming.url ?? '/', 'http://proxy.invalid');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers[name] = value;
    }
    const request: ProxiedRequest = {
      method: (incoming.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: await readBody(incoming),
    };
    requests.push(request);
    let verdict: Verdict = PASS;
    for (const rule of rules) {
      verdict = await rule(request);
      if (verdict.kind !== 'pass') break;
    }
    switch (verdict.kind) {
      case 'answer':
        send(response, verdict.answer);
        return;
      case 'cutAfterUpstream':
        await forward(upstreamUrl, request);
        response.socket?.destroy();
        return;
      case 'rewrite':
        send(response, verdict.rewrite(await forward(upstreamUrl, request)));
        return;
      case 'pass':
        send(response, await forward(upstreamUrl, request));
    }
  };

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, json(500, { title: String(error) }));
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy is not listening on TCP');
  return {
    requests,
    rules,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
};
