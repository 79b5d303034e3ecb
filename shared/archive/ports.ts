/**
 * Where the archive (export and verify) meets the RFC 3161 time stamp. The archive stamps the
 * SHA-256 of its manifest's exact bytes; the token is stored in the zip beside the manifest.
 * Both sides are injected so the archive is tested without a network and the stamp without a zip.
 */

/** Asks a time-stamping authority to stamp a SHA-256 digest; resolves to the DER TimeStampToken. */
export type RequestTimestamp = (sha256: Uint8Array, signal?: AbortSignal) => Promise<Uint8Array>;

/** Why a stored token does not prove its time. */
export type TimestampProblem = 'malformed' | 'digestMismatch' | 'badSignature' | 'notForTimeStamping';

export interface TimestampVerdict {
  readonly valid: boolean;
  /** The authority's genTime, ISO 8601, when the token could be read. */
  readonly time: string | null;
  /** The signing certificate's subject, as the authority names itself. */
  readonly authority: string | null;
  readonly problem: TimestampProblem | null;
}

/** Checks a stored token against the digest of the manifest it came with. */
export type VerifyTimestamp = (token: Uint8Array, sha256: Uint8Array) => Promise<TimestampVerdict>;

/** The archive zip's fixed entry names (the documents, indexes and log are listed in the manifest). */
export const ARCHIVE_ENTRIES = {
  manifest: 'manifest.json',
  signature: 'manifest.sig',
  publicKey: 'public-key.pem',
  timestamp: 'manifest.tsr',
} as const;
