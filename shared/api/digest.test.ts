import { describe, expect, it } from 'vitest';
import { documentMatchesInvoice, reprDigestSha256Hex, sha256Hex } from './digest';

// SHA-256 of "abc" (FIPS 180-2 test vector), hex and base64.
const ABC_HEX = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const ABC_B64 = 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=';

describe('sha256Hex', () => {
  it('hashes bytes to lower-case hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(ABC_HEX);
  });
});

describe('reprDigestSha256Hex', () => {
  it('reads the sha-256 member of the dictionary', () => {
    expect(reprDigestSha256Hex(`sha-256=:${ABC_B64}:`)).toBe(ABC_HEX);
    expect(reprDigestSha256Hex(`sha-512=:AAAA:, sha-256=:${ABC_B64}:`)).toBe(ABC_HEX);
  });

  it('rejects a missing header, other algorithms and wrong lengths', () => {
    expect(reprDigestSha256Hex(null)).toBeUndefined();
    expect(reprDigestSha256Hex('sha-512=:AAAA:')).toBeUndefined();
    expect(reprDigestSha256Hex('sha-256=:AAAA:')).toBeUndefined();
    expect(reprDigestSha256Hex(`sha-256=${ABC_HEX}`)).toBeUndefined();
  });
});

describe('documentMatchesInvoice', () => {
  it('compares the local hash with documentSha256', () => {
    expect(documentMatchesInvoice({ sha256Hex: ABC_HEX }, { documentSha256: ABC_HEX })).toBe(true);
    expect(documentMatchesInvoice({ sha256Hex: ABC_HEX }, { documentSha256: '0'.repeat(64) })).toBe(false);
  });
});
