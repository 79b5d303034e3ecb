import { describe, expect, it } from 'vitest';
import { ARCHIVE_FILES, encodeManifest, parseManifest } from './manifest';
import { ARCHIVE_ENTRIES } from './ports';
import {
  archiveSourceFixture,
  fakeRequestTimestamp,
  fakeVerifyTimestamp,
  FAKE_TSA_TIME,
  memoryArchiveKey,
  rezip,
  unzipAll,
  writeArchiveBytes,
} from './testing/doubles';
import { verifyArchive, type ArchiveReport, type VerifyAuditChain } from './verify';
import { bytesAccess } from './zipReader';
import { linkEntry, type ChainHead } from '../audit/chain';
import { verifyArchivedAuditChain } from './auditChain';

const key = await memoryArchiveKey();
const audit = [{ id: 1, at: '2026-11-01T08:00:00Z', kind: 'sync', params: {} }];
const original = await writeArchiveBytes(archiveSourceFixture(4, 20, audit), key, fakeRequestTimestamp);
const ownPublicKeyPem = await key.publicKeyPem();
const chainHolds: VerifyAuditChain = (rows) =>
  Promise.resolve({ valid: true, entries: rows.length, problems: [] });

const verify = (zip: Uint8Array) =>
  verifyArchive(bytesAccess(zip), {
    ownPublicKeyPem,
    verifyTimestamp: fakeVerifyTimestamp,
    verifyAuditChain: chainHolds,
  });

const checked = (report: ArchiveReport) => {
  if (report.kind !== 'checked') throw new Error(`unreadable: ${report.reason}`);
  return report;
};

const tampered = async (change: (files: Map<string, Uint8Array>) => void): Promise<Uint8Array> => {
  const files = await unzipAll(original);
  change(files);
  return rezip(files);
};

describe('verify archive', () => {
  it('passes an archive as exported: every file, the signature, own key, time stamp and audit chain', async () => {
    const report = checked(await verify(original));
    expect(report).toMatchObject({
      passed: true,
      missing: [],
      altered: [],
      added: [],
      signature: 'valid',
      ownKey: true,
      timestamp: { state: 'checked', verdict: { valid: true, time: FAKE_TSA_TIME } },
      auditChain: { state: 'checked', verdict: { valid: true, entries: 1 } },
      manifest: { counts: { invoices: 4, documents: 4, lines: 80, auditEntries: 1 } },
    });
    expect(report.filesChecked).toBe(9);
  });

  it('names a document altered, one removed and a file added', async () => {
    const zip = await tampered((files) => {
      const pdf = files.get('documents/1000000001.pdf') ?? new Uint8Array();
      const changed = pdf.slice();
      changed[12] = (changed[12] ?? 0) ^ 1;
      files.set('documents/1000000001.pdf', changed);
      files.set(ARCHIVE_FILES.linesCsv, new TextEncoder().encode('shorter'));
      files.delete('documents/1000000002.pdf');
      files.set('documents/extra.pdf', new TextEncoder().encode('%PDF-1.7 not ours'));
    });
    const report = checked(await verify(zip));
    expect(report.passed).toBe(false);
    expect(report.altered).toEqual([
      { path: 'documents/1000000001.pdf', reason: 'hash' },
      { path: ARCHIVE_FILES.linesCsv, reason: 'size' },
    ]);
    expect(report.missing).toEqual(['documents/1000000002.pdf']);
    expect(report.added).toEqual(['documents/extra.pdf']);
    // The manifest itself is untouched: its signature still holds.
    expect(report.signature).toBe('valid');
  });

  it('tells a manifest changed after signing: the signature and the time stamp no longer match', async () => {
    const zip = await tampered((files) => {
      const manifest = parseManifest(files.get(ARCHIVE_ENTRIES.manifest) ?? new Uint8Array());
      if (!manifest) throw new Error('no manifest');
      // Someone removes a document and its line from the manifest to hide it.
      const files2 = manifest.files.filter((file) => file.path !== 'documents/1000000002.pdf');
      files.set(ARCHIVE_ENTRIES.manifest, encodeManifest({ ...manifest, files: files2 }));
      files.delete('documents/1000000002.pdf');
    });
    const report = checked(await verify(zip));
    expect(report).toMatchObject({ passed: false, missing: [], signature: 'invalid' });
    expect(report.timestamp).toMatchObject({
      state: 'checked',
      verdict: { valid: false, problem: 'digestMismatch' },
    });
  });

  it('tells another key (re-signed by someone else) and a signature of another manifest', async () => {
    const stranger = await memoryArchiveKey();
    const resigned = await tampered((files) => {
      files.set(ARCHIVE_ENTRIES.publicKey, new TextEncoder().encode(''));
    });
    expect(checked(await verify(resigned)).signature).toBe('badKey');

    const other = await writeArchiveBytes(archiveSourceFixture(4, 20, audit), stranger);
    const report = checked(await verify(other));
    expect(report).toMatchObject({
      signature: 'valid',
      ownKey: false,
      timestamp: { state: 'none' },
      passed: true,
    });

    const swapped = await tampered((files) => {
      files.set(ARCHIVE_ENTRIES.signature, new Uint8Array(64).fill(7));
    });
    expect(checked(await verify(swapped))).toMatchObject({ signature: 'invalid', passed: false });
    const unsigned = await tampered((files) => {
      files.delete(ARCHIVE_ENTRIES.signature);
    });
    expect(checked(await verify(unsigned))).toMatchObject({ signature: 'missing', passed: false });
  });

  it('reports the audit chain’s verdict and leaves the slot open when nothing checks it', async () => {
    const broken = await verifyArchive(bytesAccess(original), {
      verifyAuditChain: (rows) =>
        Promise.resolve({ valid: false, entries: rows.length, problems: [{ code: 'altered', seq: 1 }] }),
    });
    expect(checked(broken)).toMatchObject({
      passed: false,
      ownKey: null,
      timestamp: { state: 'notChecked' },
      auditChain: { state: 'checked', verdict: { valid: false, problems: [{ code: 'altered', seq: 1 }] } },
    });
    expect(checked(await verifyArchive(bytesAccess(original))).auditChain).toEqual({ state: 'notChecked' });
  });

  it('checks the archived log with the audit trail’s own chain, against the head the manifest signed', async () => {
    let head: ChainHead | null = null;
    const chained = ['sync', 'archive', 'sync'].map((kind, n) => {
      const entry = linkEntry({ at: `2026-11-0${n + 1}T08:00:00Z`, device: null, kind, params: {} }, head);
      head = { seq: entry.seq, hash: entry.hash };
      return { id: n + 1, ...entry };
    });
    const zip = await writeArchiveBytes(archiveSourceFixture(2, 5, chained), key);
    const deps = { verifyAuditChain: verifyArchivedAuditChain };
    expect(checked(await verifyArchive(bytesAccess(zip), deps)).auditChain).toEqual({
      state: 'checked',
      verdict: { valid: true, entries: 3, problems: [] },
    });

    // The newest entry cut from the log: its file no longer matches, and the chain names what is gone.
    const files = await unzipAll(zip);
    files.set('audit-log.json', new TextEncoder().encode(JSON.stringify(chained.slice(0, 2))));
    const cut = checked(await verifyArchive(bytesAccess(rezip(files)), deps));
    expect(cut.altered.map((file) => file.path)).toEqual(['audit-log.json']);
    expect(cut.auditChain).toEqual({
      state: 'checked',
      verdict: { valid: false, entries: 2, problems: [{ code: 'tailMissing', from: 3, to: 3 }] },
    });

    // An entry changed in place: named by its place.
    const edited = chained.map((row) => (row.seq === 2 ? { ...row, kind: 'sync' } : row));
    files.set('audit-log.json', new TextEncoder().encode(JSON.stringify(edited)));
    expect(checked(await verifyArchive(bytesAccess(rezip(files)), deps)).auditChain).toMatchObject({
      verdict: { valid: false, problems: [{ code: 'altered', seq: 2 }] },
    });
  });

  it('answers a damaged or foreign file with a reason, never a crash', async () => {
    expect(await verify(new TextEncoder().encode('not a zip at all, just text'))).toEqual({
      kind: 'unreadable',
      reason: 'notZip',
    });
    expect(await verify(original.slice(0, original.length - 30))).toMatchObject({ kind: 'unreadable' });
    const cut = original.slice();
    // The central directory's offset, in the end record, points past the file.
    const view = new DataView(cut.buffer);
    view.setUint32(cut.length - 6, cut.length + 10, true);
    expect(await verify(cut)).toEqual({ kind: 'unreadable', reason: 'damaged' });
    const foreign = rezip(new Map([['readme.txt', new TextEncoder().encode('hello')]]));
    expect(await verify(foreign)).toEqual({ kind: 'unreadable', reason: 'noManifest' });
    const badManifest = rezip(new Map([[ARCHIVE_ENTRIES.manifest, new TextEncoder().encode('{"a":1}')]]));
    expect(await verify(badManifest)).toEqual({ kind: 'unreadable', reason: 'badManifest' });
    // Bytes flipped inside a deflated index: that file is unreadable or altered, the rest still checked.
    const flipped = original.slice();
    const at = findBytes(flipped, new TextEncoder().encode(ARCHIVE_FILES.linesJson)) + 200;
    for (let i = at; i < at + 40; i += 1) flipped[i] = (flipped[i] ?? 0) ^ 0xff;
    const report = checked(await verify(flipped));
    expect(report.altered.map((file) => file.path)).toEqual([ARCHIVE_FILES.linesJson]);
  });
});

const findBytes = (haystack: Uint8Array, needle: Uint8Array): number => {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
};
