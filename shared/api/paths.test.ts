import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from './errors';
import { segment, withQuery } from './paths';

describe('segment', () => {
  it('encodes everything but unreserved characters', () => {
    expect(segment('FIN/01')).toBe('FIN%2F01');
    expect(segment("A (1)!*'")).toBe('A%20%281%29%21%2A%27');
    expect(segment('a-b_c.d~e')).toBe('a-b_c.d~e');
  });

  it('refuses segments URL normalisation would drop', () => {
    for (const value of ['', '.', '..']) expect(() => segment(value)).toThrow(InvalidRequestError);
    expect(segment('...')).toBe('...');
  });

  it('refuses values whose encoded slash would form a dot segment at a decoding server', () => {
    for (const value of ['a/..', '../a', './a', 'a/./b'])
      expect(() => segment(value)).toThrow(InvalidRequestError);
    expect(segment('a/...')).toBe('a%2F...');
    expect(segment('a..b/c')).toBe('a..b%2Fc');
  });
});

describe('withQuery', () => {
  it('leaves out undefined parameters and encodes values strictly', () => {
    expect(withQuery('/v1/invoices', {})).toBe('/v1/invoices');
    expect(withQuery('/v1/invoices', { since: undefined, limit: 5 })).toBe('/v1/invoices?limit=5');
    expect(withQuery('/v1/invoices', { since: 'a b&c=*', limit: 0 })).toBe(
      '/v1/invoices?since=a%20b%26c%3D%2A&limit=0',
    );
  });

  it('round-trips through URLSearchParams', () => {
    const cursor = 'eyJ0IjoxfQ==+/ ~';
    const query = withQuery('/x', { cursor }).split('?')[1];
    expect(new URLSearchParams(query).get('cursor')).toBe(cursor);
  });
});
