import { describe, expect, it } from 'vitest';
import { ApiRequestSchema, toApiRequest } from './apiRequest';

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
