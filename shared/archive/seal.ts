import { sha256 } from '@noble/hashes/sha2.js';
import type { ArchiveSeal } from './writeArchive';
import type { RequestTimestamp } from './ports';

/**
 * The installation's archive key as the archive sees it: ECDSA P-256 over SHA-256, the signature in
 * WebCrypto's form (r and s, 32 bytes each). The private key never leaves its keeper (main in the
 * desktop app, a non-extractable CryptoKey in the browser).
 */
export interface ArchiveKey {
  sign(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>>;
  /** The public key as SPKI in PEM. */
  publicKeyPem(): Promise<string>;
}

export const ECDSA_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

const base64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

export const spkiToPem = (spki: Uint8Array): string => {
  const lines = base64(spki).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
};

/** The DER inside a PEM public key; null when the text is not one. */
export const pemToSpki = (pem: string): Uint8Array<ArrayBuffer> | null => {
  const match = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  if (!match?.[1]) return null;
  try {
    const binary = atob(match[1].replace(/\s+/g, ''));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
};

/**
 * Signs the manifest's exact bytes and, where an authority is configured, has the SHA-256 of the
 * same bytes time-stamped. An authority that fails does not lose the export: the zip is sealed
 * without a stamp and the clerk is told.
 */
export const sealWith =
  (key: ArchiveKey, requestTimestamp?: RequestTimestamp, signal?: AbortSignal) =>
  async (manifest: Uint8Array<ArrayBuffer>): Promise<ArchiveSeal> => {
    const [signature, publicKeyPem] = await Promise.all([key.sign(manifest), key.publicKeyPem()]);
    if (!requestTimestamp) return { signature, publicKeyPem, timestamp: null, timestampFailed: false };
    try {
      const timestamp = Uint8Array.from(await requestTimestamp(sha256(manifest), signal));
      return { signature, publicKeyPem, timestamp, timestampFailed: false };
    } catch (error) {
      if (signal?.aborted) throw error;
      return { signature, publicKeyPem, timestamp: null, timestampFailed: true };
    }
  };
