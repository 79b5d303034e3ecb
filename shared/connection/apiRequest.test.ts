import { afterEach, describe, expect, it } from 'vitest';
import type { HostileServer } from '../../tests/testing/hostileServer';
import { hugeBody, startHostileServer } from '../../tests/testing/hostileServer';
import { ResponseTooLargeError } from '../api/errors';
import {
  API_RESPONSE_MAX_BYTES,
  ApiRequestSchema,
  ApiResponseDataSchema,
  toApiRequest,
  toApiResponseData,
} from './apiRequest';

const request = (path: string) => ({ path, method: 'GET', headers: {}, body: null });

describe('ApiRequestSchema', () => {
  it.each([
    '/v1/../../admin/users',
    '/v1/./customer',
    '/v1/%2e%2e/admin/users',
    '/v1/%2E%2E/admin/users',
    '/v1/.%2e/admin/users',
    '/v1/%2E./admin/users',
    '/v1/invoices/x%2F..%2F..%2Fadmin',
    '/v1/invoices/x%2f%2e',
    '/v1/invoices/x%5C..',
    '/v1/..',
  ])('refuses the dot segment in %s', (path) => {
    expect(ApiRequestSchema.safeParse(request(path)).success).toBe(false);
    expect(() => toApiRequest(path, {})).toThrow();
  });

  it.each(['/v1/customer', '/v1/cost-centers/...', '/v1/cost-centers/a.b%2Fc', '/v1/invoices?since=..'])(
    'accepts %s',
    (path) => {
      expect(ApiRequestSchema.safeParse(request(path)).success).toBe(true);
    },
  );
});

describe('the answer that crosses back', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is read only up to the cap, so main never buffers or forwards a larger body', async () => {
    server = await startHostileServer(
      hugeBody({ 'content-type': 'application/pdf' }, 4 * API_RESPONSE_MAX_BYTES),
    );
    const response = await fetch(`${server.url}/v1/invoices/i1/document`);
    await expect(toApiResponseData(response)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('is refused by its schema past the cap, with too many headers, or a long status text', () => {
    const answer = { status: 200, statusText: 'OK', headers: {}, body: new Uint8Array(3) };
    expect(ApiResponseDataSchema.safeParse(answer).success).toBe(true);
    // Zero-filled and never touched: the operating system does not commit these pages.
    const oversized = new Uint8Array(API_RESPONSE_MAX_BYTES + 1);
    expect(ApiResponseDataSchema.safeParse({ ...answer, body: oversized }).success).toBe(false);
    const headers = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`x-${index}`, 'v']));
    expect(ApiResponseDataSchema.safeParse({ ...answer, headers }).success).toBe(false);
    expect(ApiResponseDataSchema.safeParse({ ...answer, statusText: 'x'.repeat(10_000) }).success).toBe(
      false,
    );
  });
});
