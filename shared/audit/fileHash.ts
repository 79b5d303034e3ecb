import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The SHA-256 of a file's bytes in lowercase hex, as the audit log records imports and exports. */
export const fileSha256 = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));

/** The SHA-256 of a file written piece by piece: `update` each piece in order, then `digest` once. */
export const createFileHasher = () => {
  const hash = sha256.create();
  return {
    update: (chunk: Uint8Array) => {
      hash.update(chunk);
    },
    digest: (): string => bytesToHex(hash.digest()),
  };
};
