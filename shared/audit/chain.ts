import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

/**
 * The audit log's hash chain. Every entry carries its place (`seq`: 1, 2, 3, … without gaps), the
 * hash of the entry before it (`prevHash`; the first entry names GENESIS_HASH) and its own `hash`:
 *
 *   hash = lowercase hex of SHA-256( UTF-8(prevHash) ‖ 0x0A ‖ UTF-8(canonicalJson(content)) )
 *
 * where `content` is the stored entry without `id` (the database's own key), `prevHash` and
 * `hash`: its `seq`, `at`, `device`, `kind`, `params`, `before`, `after` (whichever it has).
 * `canonicalJson` is JSON without any white space whose object keys are sorted by UTF-16 code
 * units (JavaScript's default sort); a property whose value is undefined is left out, as
 * JSON.stringify does, and strings and numbers are written as JSON.stringify writes them. An
 * auditor can recompute every hash from an exported log with any SHA-256 tool.
 *
 * The hash is synchronous on purpose: an awaited WebCrypto digest would let the IndexedDB
 * transaction that appends the entry commit before the entry is written.
 */

/** What the first entry names as the hash before it: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The last entry of a log as someone recorded it elsewhere (an archive's manifest): what must still be there. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const canonicalJson = (value: unknown): string => {
  // undefined, functions and symbols have no JSON form; as an array item JSON writes null.
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const fields = Object.entries(value)
    .filter(([, field]) => field !== undefined)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
  return `{${fields.join(',')}}`;
};

/** What the hash covers: the entry without its database key and its two hashes. */
const contentOf = (entry: object): Record<string, unknown> => {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key !== 'id' && key !== 'prevHash' && key !== 'hash') content[key] = value;
  }
  return content;
};

/** The exact bytes an entry's hash is taken over (see the top of this file). */
export const hashedBytes = (entry: object, prevHash: string): Uint8Array =>
  utf8ToBytes(`${prevHash}\n${canonicalJson(contentOf(entry))}`);

export const entryHash = (entry: object, prevHash: string): string =>
  bytesToHex(sha256(hashedBytes(entry, prevHash)));

/**
 * Links `entry` after `head` (null for the first entry of a log): its place, the hash before it
 * and its own hash, which covers the place too.
 */
export const linkEntry = <T extends object>(entry: T, head: ChainHead | null): T & ChainLink => {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const placed = { ...entry, seq };
  return { ...placed, prevHash, hash: entryHash(placed, prevHash) };
};

/** One thing wrong with a log, named by the places it concerns. */
export type ChainProblem =
  /** The entry's content no longer gives its hash: it was changed after it was written. */
  | { code: 'altered'; seq: number }
  /** No entry holds these places: entries were removed. */
  | { code: 'missing'; from: number; to: number }
  /** The entry comes after one with the same or a later place: entries were moved. */
  | { code: 'outOfOrder'; seq: number; after: number }
  /** Two entries claim the same place: one was inserted beside the other. */
  | { code: 'duplicate'; seq: number }
  /** The entry does not name the hash of the one before it: that one was replaced, or the log forked. */
  | { code: 'brokenLink'; seq: number }
  /** The recorded head's entries after the last one stored are gone. */
  | { code: 'tailMissing'; from: number; to: number }
  /** The entry in the recorded head's place is not the one recorded. */
  | { code: 'headMismatch'; seq: number };

export type ChainVerdict =
  | { ok: true; count: number; head: ChainHead | null }
  | { ok: false; count: number; head: ChainHead | null; problems: ChainProblem[] };

type Linked = object & ChainLink;

const placeOf = (problem: ChainProblem): number => ('seq' in problem ? problem.seq : problem.from);

/**
 * Checks a log given in the order it is stored (the database's key order). With `expected`, the
 * head someone recorded earlier, a log cut short at its end is detected too; without it, removing
 * the newest entries cannot be told from never having written them.
 */
export const verifyAuditChain = (entries: readonly Linked[], expected?: ChainHead | null): ChainVerdict => {
  const problems: ChainProblem[] = [];
  let highest = 0;
  for (const entry of entries) {
    if (entry.hash !== entryHash(entry, entry.prevHash)) problems.push({ code: 'altered', seq: entry.seq });
    if (entry.seq <= highest) problems.push({ code: 'outOfOrder', seq: entry.seq, after: highest });
    highest = Math.max(highest, entry.seq);
  }

  // Gaps and links are judged by place, so that a moved entry is named once (out of order), not as
  // a gap where it left and a broken link where it landed.
  const byPlace = [...entries].sort((left, right) => left.seq - right.seq);
  let previous: Linked | null = null;
  for (const entry of byPlace) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (previous !== null && entry.seq === previous.seq) {
      problems.push({ code: 'duplicate', seq: entry.seq });
      continue;
    }
    if (entry.seq > expectedSeq) {
      problems.push({ code: 'missing', from: expectedSeq, to: entry.seq - 1 });
    } else if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      problems.push({ code: 'brokenLink', seq: entry.seq });
    }
    previous = entry;
  }

  if (expected) {
    const last = byPlace.at(-1)?.seq ?? 0;
    if (last < expected.seq) problems.push({ code: 'tailMissing', from: last + 1, to: expected.seq });
    const recorded = byPlace.find((entry) => entry.seq === expected.seq);
    if (recorded && recorded.hash !== expected.hash)
      problems.push({ code: 'headMismatch', seq: expected.seq });
  }

  const last = byPlace.at(-1);
  const head = last ? { seq: last.seq, hash: last.hash } : null;
  if (problems.length === 0) return { ok: true, count: entries.length, head };
  problems.sort((left, right) => placeOf(left) - placeOf(right));
  return { ok: false, count: entries.length, head, problems };
};

const LinkedRowSchema = z.looseObject({
  seq: z.int().min(1),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The head of a log read back from a file (an archive's audit-log.json): its last entry's place and hash. */
export const headOfRows = (rows: readonly unknown[]): ChainHead | null => {
  const last = LinkedRowSchema.safeParse(rows.at(-1));
  return last.success ? { seq: last.data.seq, hash: last.data.hash } : null;
};

/**
 * Checks a log read back from a file, whose rows are not trusted to be entries at all: a row
 * without its place or hashes is named as altered at its position, since nothing else can say
 * which entry it was.
 */
export const verifyChainOfRows = (rows: readonly unknown[], expected: ChainHead | null): ChainVerdict => {
  const linked: (object & ChainLink)[] = [];
  const unreadable: ChainProblem[] = [];
  rows.forEach((row, index) => {
    const parsed = LinkedRowSchema.safeParse(row);
    if (parsed.success) linked.push(parsed.data);
    else unreadable.push({ code: 'altered', seq: index + 1 });
  });
  const verdict = verifyAuditChain(linked, expected);
  if (unreadable.length === 0) return verdict;
  const problems = [...unreadable, ...(verdict.ok ? [] : verdict.problems)].sort(
    (left, right) => placeOf(left) - placeOf(right),
  );
  return { ok: false, count: rows.length, head: verdict.head, problems };
};
