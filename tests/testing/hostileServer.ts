/**
 * A small HTTP server on loopback that misbehaves on purpose: redirects, stalls, huge or cut bodies,
 * whatever a test's handlers do. Real sockets, so the client's real fetch meets the real failure.
 *
 *   const server = await startHostileServer({
 *     'POST /oauth/token': token(),                  // "METHOD /path" or just "/path" (any method)
 *     '/v1/customer': redirect(307, 'http://elsewhere.test/steal'),
 *     '/v1/invoices': stallHeaders(),
 *   });
 *   ... fetch(`${server.url}/v1/customer`) ...
 *   server.requests  // every request received, in order, with its body
 *   server.abandoned // paths whose answer never completed: the client gave up, or a handler cut it
 *   await server.close();
 *
 * A route matches on the path without its query; a single handler instead of a table answers every
 * request. An unmatched request gets 404. `close` also drops connections left hanging by stalls.
 */
import http from 'node:http';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as received, e.g. "/v1/invoices?limit=5". */
  readonly url: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Answers one request; may stall, write part of a body, or destroy the socket. */
export type HostileHandler = (
  request: RecordedRequest,
  response: http.ServerResponse,
) => void | Promise<void>;

export interface HostileServer {
  /** "http://127.0.0.1:<port>", no trailing slash. */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Paths whose answer never completed: the client gave up (aborted, timed out) or a handler cut it. */
  readonly abandoned: readonly string[];
  close(): Promise<void>;
}

export const startHostileServer = async (
  routes: Readonly<Record<string, HostileHandler>> | HostileHandler,
): Promise<HostileServer> => {
  const requests: RecordedRequest[] = [];
  const abandoned: string[] = [];
  let closing = false;
  const server = http.createServer((incoming, response) => {
    response.on('close', () => {
      if (!response.writableFinished && !closing) abandoned.push((incoming.url ?? '/').split('?')[0] ?? '/');
    });
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = incoming.url ?? '/';
      const request: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url,
        path: url.split('?')[0] ?? url,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const handler =
        typeof routes === 'function'
          ? routes
          : (routes[`${request.method} ${request.path}`] ?? routes[request.path] ?? notFound);
      Promise.resolve(handler(request, response)).catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    abandoned,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

// ---------------------------------------------------------------------------------------------
// Handlers

const writeJson = (
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

const notFound: HostileHandler = (_request, response) => {
  writeJson(response, 404, { type: 'about:blank', title: 'Not Found', status: 404 });
};

/** A JSON answer (application/json unless `headers` says otherwise). */
export const respondJson =
  (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): HostileHandler =>
  (_request, response) => {
    writeJson(response, status, body, headers);
  };

/** Raw bytes with the given headers. */
export const respondBytes =
  (status: number, body: Uint8Array | string, headers: Readonly<Record<string, string>>): HostileHandler =>
  (_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  };

/** A valid client-credentials token answer. */
export const token =
  (accessToken = 'hostile-token', expiresIn = 3600): HostileHandler =>
  (_request, response) => {
    writeJson(response, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn });
  };

/** A redirect to `location` (absolute or relative). */
export const redirect =
  (status: 301 | 302 | 303 | 307 | 308, location: string): HostileHandler =>
  (_request, response) => {
    response.writeHead(status, { location, 'content-length': '0' });
    response.end();
  };

/** Accepts the request and never answers: not even the status line. */
export const stallHeaders = (): HostileHandler => () => undefined;

/** Sends the headers and the first part of the body, then goes silent with the connection open. */
export const stallBody =
  (headers: Readonly<Record<string, string>>, firstPart: string): HostileHandler =>
  (_request, response) => {
    response.writeHead(200, headers);
    response.write(firstPart);
  };

/** Sends the headers and the first part of the body, then drops the connection. */
export const cutBody =
  (headers: Readonly<Record<string, string>>, firstPart: string): HostileHandler =>
  (_request, response) => {
    response.writeHead(200, headers);
    response.write(firstPart, () => {
      response.destroy();
    });
  };

/**
 * `totalBytes` of body in 64 KiB chunks of `fill` (no content-length, so only reading tells the
 * size), honouring backpressure; stops when the client goes away.
 */
export const hugeBody =
  (headers: Readonly<Record<string, string>>, totalBytes: number, fill = ' '): HostileHandler =>
  (_request, response) => {
    const chunk = Buffer.alloc(64 * 1024, fill);
    let sent = 0;
    response.writeHead(200, headers);
    const pump = (): void => {
      while (sent < totalBytes && !response.destroyed) {
        const size = Math.min(chunk.length, totalBytes - sent);
        sent += size;
        if (!response.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) response.end();
    };
    pump();
  };
