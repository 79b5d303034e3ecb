import { sha256 } from '@noble/hashes/sha2.js';
import { ARCHIVE_FILES, parseManifest, toHex, type ArchiveManifest } from './manifest';
import { ARCHIVE_ENTRIES, type TimestampVerdict, type VerifyTimestamp } from './ports';
import { ECDSA_KEY, ECDSA_SIGN, pemToSpki } from './seal';
import type { ChainHead, ChainProblem } from '../audit/chain';
import {
  readCentralDirectory,
  readEntry,
  readSmallEntry,
  ZipReadError,
  type RandomAccess,
  type ZipEntry,
  type ZipProblem,
} from './zipReader';

/**
 * "Verify archive": re-reads an exported zip and says, as data the page puts into words, what no
 * longer matches its manifest (files missing, altered, added), whether the manifest's signature holds
 * (and whether the key is this installation's own), the time stamp's verdict, and the audit chain's.
 */

/** The audit trail's own check of its hash chain (injected: shared/audit owns the chain). */
export interface AuditChainVerdict {
  readonly valid: boolean;
  /** Entries checked. */
  readonly entries: number;
  /** What is wrong, by the entries' places; empty when valid. */
  readonly problems: readonly ChainProblem[];
}
/**
 * `recordedHead` is the log's last entry as the signed manifest names it, so that entries cut from
 * the end of the file are found too.
 */
export type VerifyAuditChain = (
  rows: readonly unknown[],
  recordedHead: ChainHead | null,
) => Promise<AuditChainVerdict>;

export interface VerifyArchiveDeps {
  /** This installation's public key (PEM), to tell the clerk whether the archive is from here. */
  readonly ownPublicKeyPem?: string | null;
  readonly verifyTimestamp?: VerifyTimestamp;
  readonly verifyAuditChain?: VerifyAuditChain;
  readonly signal?: AbortSignal;
  /** Told after each file how many of the manifest's files were read. */
  readonly onProgress?: (progress: { done: number; total: number }) => void;
}

export type UnreadableReason = ZipProblem | 'noManifest' | 'badManifest';

export type AlterationReason = 'hash' | 'size' | 'unreadable';

export type SignatureVerdict = 'valid' | 'invalid' | 'missing' | 'badKey';

export type TimestampReport =
  | { readonly state: 'none' }
  /** A token is there but nothing here can check it. */
  | { readonly state: 'notChecked' }
  | { readonly state: 'checked'; readonly verdict: TimestampVerdict };

export type AuditChainReport =
  | { readonly state: 'missing' }
  | { readonly state: 'notChecked' }
  | { readonly state: 'unreadable' }
  | { readonly state: 'checked'; readonly verdict: AuditChainVerdict };

export interface CheckedArchive {
  readonly kind: 'checked';
  readonly passed: boolean;
  readonly manifest: Pick<ArchiveManifest, 'appVersion' | 'exportedAt' | 'profile' | 'counts'>;
  readonly filesChecked: number;
  readonly missing: readonly string[];
  readonly altered: readonly { readonly path: string; readonly reason: AlterationReason }[];
  readonly added: readonly string[];
  readonly signature: SignatureVerdict;
  /** Whether the signing key is this installation's; null when that key is not known here. */
  readonly ownKey: boolean | null;
  readonly timestamp: TimestampReport;
  readonly auditChain: AuditChainReport;
}

export type ArchiveReport =
  { readonly kind: 'unreadable'; readonly reason: UnreadableReason } | CheckedArchive;

const MANIFEST_MAX = 64 << 20;
const SEAL_MAX = 64 << 10;
const AUDIT_MAX = 256 << 20;
const SEALING = new Set<string>(Object.values(ARCHIVE_ENTRIES));

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);

const checkSignature = async (
  manifest: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer> | null,
  spki: Uint8Array<ArrayBuffer> | null,
): Promise<SignatureVerdict> => {
  if (signature === null) return 'missing';
  if (spki === null) return 'badKey';
  let key: Awaited<ReturnType<typeof crypto.subtle.importKey>>;
  try {
    key = await crypto.subtle.importKey('spki', spki, ECDSA_KEY, false, ['verify']);
  } catch {
    return 'badKey';
  }
  try {
    return (await crypto.subtle.verify(ECDSA_SIGN, key, signature, manifest)) ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
};

const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => Uint8Array.from(bytes);

export const verifyArchive = async (
  source: RandomAccess,
  deps: VerifyArchiveDeps = {},
): Promise<ArchiveReport> => {
  let entries: ZipEntry[];
  try {
    entries = await readCentralDirectory(source);
  } catch (error) {
    if (error instanceof ZipReadError) return { kind: 'unreadable', reason: error.problem };
    throw error;
  }
  const byName = new Map<string, ZipEntry>();
  const duplicates: string[] = [];
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (byName.has(entry.name)) duplicates.push(entry.name);
    else byName.set(entry.name, entry);
  }
  const small = async (name: string, max: number): Promise<Uint8Array<ArrayBuffer> | null> => {
    const entry = byName.get(name);
    if (!entry) return null;
    try {
      return copy(await readSmallEntry(source, entry, max));
    } catch (error) {
      if (error instanceof ZipReadError) return null;
      throw error;
    }
  };
  const manifestEntry = byName.get(ARCHIVE_ENTRIES.manifest);
  if (!manifestEntry) return { kind: 'unreadable', reason: 'noManifest' };
  const manifestBytes = await small(ARCHIVE_ENTRIES.manifest, MANIFEST_MAX);
  const manifest = manifestBytes && parseManifest(manifestBytes);
  if (!manifestBytes || !manifest) return { kind: 'unreadable', reason: 'badManifest' };

  const missing: string[] = [];
  const altered: { path: string; reason: AlterationReason }[] = [];
  const listed = new Set<string>();
  let auditBytes: Uint8Array[] | null = null;
  let done = 0;
  for (const file of manifest.files) {
    deps.signal?.throwIfAborted();
    listed.add(file.path);
    const entry = byName.get(file.path);
    if (!entry) {
      missing.push(file.path);
    } else {
      const hash = sha256.create();
      const keep: Uint8Array[] | null =
        file.path === ARCHIVE_FILES.auditLog && entry.size <= AUDIT_MAX ? [] : null;
      let size = 0;
      try {
        await readEntry(source, entry, (chunk) => {
          hash.update(chunk);
          size += chunk.byteLength;
          keep?.push(chunk.slice());
        });
        if (size !== file.size) altered.push({ path: file.path, reason: 'size' });
        else if (toHex(hash.digest()) !== file.sha256) altered.push({ path: file.path, reason: 'hash' });
        if (keep) auditBytes = keep;
      } catch (error) {
        if (!(error instanceof ZipReadError)) throw error;
        altered.push({ path: file.path, reason: 'unreadable' });
      }
    }
    done += 1;
    deps.onProgress?.({ done, total: manifest.files.length });
  }
  const added = [
    ...[...byName.keys()].filter((name) => !listed.has(name) && !SEALING.has(name)),
    ...duplicates,
  ];

  const signatureBytes = await small(ARCHIVE_ENTRIES.signature, SEAL_MAX);
  const pemBytes = await small(ARCHIVE_ENTRIES.publicKey, SEAL_MAX);
  let spki: Uint8Array<ArrayBuffer> | null = null;
  if (pemBytes) {
    try {
      spki = pemToSpki(new TextDecoder('utf-8', { fatal: true }).decode(pemBytes));
    } catch {
      spki = null;
    }
  }
  const signature = await checkSignature(manifestBytes, signatureBytes, spki);
  const ownSpki = deps.ownPublicKeyPem ? pemToSpki(deps.ownPublicKeyPem) : null;
  const ownKey = ownSpki === null ? null : spki !== null && sameBytes(spki, ownSpki);

  let timestamp: TimestampReport = { state: 'none' };
  if (byName.has(ARCHIVE_ENTRIES.timestamp)) {
    const token = await small(ARCHIVE_ENTRIES.timestamp, SEAL_MAX);
    if (!deps.verifyTimestamp) timestamp = { state: 'notChecked' };
    else if (token === null)
      timestamp = {
        state: 'checked',
        verdict: { valid: false, time: null, authority: null, problem: 'malformed' },
      };
    else timestamp = { state: 'checked', verdict: await deps.verifyTimestamp(token, sha256(manifestBytes)) };
  }

  const auditChain = await checkAuditChain(
    listed.has(ARCHIVE_FILES.auditLog) ? auditBytes : null,
    listed.has(ARCHIVE_FILES.auditLog),
    manifest.auditHead,
    deps.verifyAuditChain,
  );

  const passed =
    missing.length === 0 &&
    altered.length === 0 &&
    added.length === 0 &&
    signature === 'valid' &&
    (timestamp.state !== 'checked' || timestamp.verdict.valid) &&
    (auditChain.state !== 'checked' || auditChain.verdict.valid) &&
    auditChain.state !== 'unreadable';
  return {
    kind: 'checked',
    passed,
    manifest: {
      appVersion: manifest.appVersion,
      exportedAt: manifest.exportedAt,
      profile: manifest.profile,
      counts: manifest.counts,
    },
    filesChecked: manifest.files.length,
    missing,
    altered,
    added,
    signature,
    ownKey,
    timestamp,
    auditChain,
  };
};

const checkAuditChain = async (
  chunks: Uint8Array[] | null,
  listed: boolean,
  recordedHead: ChainHead | null,
  verify: VerifyAuditChain | undefined,
): Promise<AuditChainReport> => {
  if (!listed) return { state: 'missing' };
  if (!verify) return { state: 'notChecked' };
  if (chunks === null) return { state: 'unreadable' };
  let rows: unknown;
  try {
    rows = JSON.parse(await new Blob(chunks.map(copy)).text());
  } catch {
    return { state: 'unreadable' };
  }
  if (!Array.isArray(rows)) return { state: 'unreadable' };
  return { state: 'checked', verdict: await verify(rows, recordedHead) };
};
