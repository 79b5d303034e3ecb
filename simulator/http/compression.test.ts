import { describe, expect, it } from 'vitest';
import { encodeBody, MIN_COMPRESSED_BYTES, negotiateCoding } from './compression';

describe('content coding', () => {
  it('follows the client’s Accept-Encoding: q-values, wildcard, refusals; br first at equal q', () => {
    expect(negotiateCoding(undefined)).toBeNull();
    expect(negotiateCoding('')).toBeNull();
    expect(negotiateCoding('identity')).toBeNull();
    expect(negotiateCoding('gzip, deflate')).toBe('gzip');
    expect(negotiateCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateCoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateCoding('br;q=0, gzip;q=0')).toBeNull();
    expect(negotiateCoding('*')).toBe('br');
    expect(negotiateCoding('*;q=0.3, br;q=0')).toBe('gzip');
    expect(negotiateCoding('GZIP ; Q=1')).toBe('gzip');
  });

  it('compresses JSON worth it, leaves PDFs and small bodies as they are', () => {
    const json = Buffer.from(
      JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ lineNo: i })) }),
    );
    expect(json.length).toBeGreaterThan(MIN_COMPRESSED_BYTES);
    const gzip = encodeBody(json, 'application/json', 'gzip');
    expect(gzip.coding).toBe('gzip');
    expect(gzip.body.length).toBeLessThan(json.length / 3);
    expect(encodeBody(json, 'application/problem+json', 'br').coding).toBe('br');
    expect(encodeBody(json, 'application/pdf', 'gzip')).toEqual({ body: json, coding: null });
    expect(encodeBody(Buffer.from('{}'), 'application/json', 'gzip').coding).toBeNull();
    expect(encodeBody(json, 'application/json', null)).toEqual({ body: json, coding: null });
  });
});
