/**
 * Integrity of invoice documents: the Repr-Digest header (RFC 9530) and the invoice's
 * documentSha256 both name the SHA-256 of the PDF bytes. Web Crypto is used because both the
 * renderer and the main process have it.
 */

// ---------------------------------------------------------------------------------------------
// Contract

/** The parts of a downloaded document that prove which bytes it is. */
export interface DocumentDigest {
  /** Lower-case hex SHA-256 of the bytes, computed locally and equal to the Repr-Digest. */
  readonly sha256Hex: string;
}

// ---------------------------------------------------------------------------------------------
// Implementation

const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

export const sha256Hex = async (bytes: Uint8Array<ArrayBuffer>): Promise<string> =>
  toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));

/**
 * The sha-256 member of a Repr-Digest dictionary as lower-case hex, e.g.
 * `sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:` (other algorithms may sit beside it).
 * Undefined when the header is missing, has no sha-256 member or the member is not 32 bytes.
 */
export const reprDigestSha256Hex = (header: string | null): string | undefined => {
  if (header === null) return undefined;
  for (const member of header.split(',')) {
    const match = /^\s*sha-256\s*=\s*:([A-Za-z0-9+/]*={0,2}):/i.exec(member);
    const base64 = match?.[1];
    if (base64 === undefined) continue;
    let binary: string;
    try {
      binary = atob(base64);
    } catch {
      return undefined;
    }
    if (binary.length !== 32) return undefined;
    return toHex(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  }
  return undefined;
};

/** True when the downloaded document is the one the invoice header names (its documentSha256). */
export const documentMatchesInvoice = (
  document: DocumentDigest,
  invoice: { readonly documentSha256: string },
): boolean => document.sha256Hex === invoice.documentSha256.toLowerCase();
