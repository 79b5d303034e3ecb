/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4) with opaque bearer tokens. Token lifetimes
 * run on the real clock, not the simulated one, so that a client's refresh logic can be exercised
 * in seconds; /__sim/tokens/revoke invalidates every token at once.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenResponse } from '../shared/api/schemas';
import { json, problem, type SimRequest, type SimResponse } from './http/messages';

export interface AuthOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenLifetimeSeconds: number;
}

export interface Auth {
  issueToken(request: SimRequest): SimResponse;
  /** null when the request carries a valid token, otherwise the 401 answer */
  check(headers: IncomingHttpHeaders): SimResponse | null;
  revokeAll(): number;
}

const SUPPORTED_SCOPES = ['billing.read', 'billing.write'] as const;
const REALM = 'Bearer realm="postal-billing"';

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

const unauthorized = (detail: string, error: 'invalid_token' | 'invalid_client' | null): SimResponse =>
  problem(401, {
    slug: error === 'invalid_client' ? 'invalid-client' : 'unauthorized',
    detail,
    headers: { 'WWW-Authenticate': error === null ? REALM : `${REALM}, error="${error}"` },
  });

export const createAuth = (options: AuthOptions, clock: () => number = Date.now): Auth => {
  const tokens = new Map<string, number>();

  const issueToken = (request: SimRequest): SimResponse => {
    const contentType = request.headers['content-type'] ?? '';
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
      return problem(400, {
        slug: 'invalid-request',
        detail: 'the token request must be application/x-www-form-urlencoded',
      });
    }
    const form = new URLSearchParams(request.body.toString('utf8'));
    const grantType = form.get('grant_type');
    if (grantType === null) return problem(400, { slug: 'invalid-request', detail: 'grant_type is missing' });
    if (grantType !== 'client_credentials') {
      return problem(400, {
        slug: 'unsupported-grant-type',
        detail: 'only grant_type=client_credentials is supported',
        errors: [{ field: 'grant_type', message: 'expected client_credentials' }],
      });
    }
    const clientId = form.get('client_id');
    const clientSecret = form.get('client_secret');
    if (clientId === null || clientSecret === null) {
      return problem(400, { slug: 'invalid-request', detail: 'client_id and client_secret are required' });
    }
    if (!sameText(clientId, options.clientId) || !sameText(clientSecret, options.clientSecret)) {
      return unauthorized('unknown client or wrong secret', 'invalid_client');
    }
    const requested = (form.get('scope') ?? SUPPORTED_SCOPES.join(' '))
      .split(' ')
      .filter((s) => s.length > 0);
    const unknown = requested.filter((scope) => !SUPPORTED_SCOPES.some((supported) => supported === scope));
    if (unknown.length > 0) {
      return problem(400, { slug: 'invalid-scope', detail: `unknown scope ${unknown.join(' ')}` });
    }
    const now = clock();
    // Forget expired tokens now and then, so a long-running simulator does not grow without bound.
    if (tokens.size > 1000) {
      for (const [known, expiresAt] of tokens) {
        if (expiresAt <= now) tokens.delete(known);
      }
    }
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, now + options.tokenLifetimeSeconds * 1000);
    return json(
      200,
      {
        access_token: token,
        token_type: 'Bearer',
        expires_in: options.tokenLifetimeSeconds,
        scope: requested.join(' '),
      } satisfies TokenResponse,
      { 'Cache-Control': 'no-store' },
    );
  };

  const check = (headers: IncomingHttpHeaders): SimResponse | null => {
    const header = headers.authorization;
    if (header === undefined || header === '') return unauthorized('an access token is required', null);
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match === null) return unauthorized('expected Authorization: Bearer <token>', 'invalid_token');
    const expiresAt = tokens.get(match[1] ?? '');
    if (expiresAt === undefined)
      return unauthorized('the access token is unknown or revoked', 'invalid_token');
    if (clock() >= expiresAt) {
      tokens.delete(match[1] ?? '');
      return unauthorized('the access token has expired', 'invalid_token');
    }
    return null;
  };

  return {
    issueToken,
    check,
    revokeAll: () => {
      const count = tokens.size;
      tokens.clear();
      return count;
    },
  };
};
