import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { read, utils } from 'xlsx';
import { ARCHIVE_FILES, parseManifest, toHex } from './manifest';
import { ARCHIVE_ENTRIES } from './ports';
import { sealWith } from './seal';
import {
  archiveSourceFixture,
  fakePdf,
  fakeRequestTimestamp,
  memoryArchiveKey,
  unzipAll,
  writeArchiveBytes,
} from './testing/doubles';
import { writeArchive } from './writeArchive';
import { bytesAccess, readCentralDirectory } from './zipReader';

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);
const rowsOf = (bytes: Uint8Array | undefined) =>
  z.array(z.record(z.string(), z.unknown())).parse(JSON.parse(text(bytes)));

describe('the archive export', () => {
  it('holds every document stored as issued, the indexes, the log and a manifest of them all', async () => {
    const audit = [{ id: 1, at: '2026-11-01T08:00:00Z', kind: 'sync', params: {} }];
    const source = archiveSourceFixture(5, 30, audit);
    const zip = await writeArchiveBytes(source, await memoryArchiveKey());
    const files = await unzipAll(zip);
    const manifest = parseManifest(files.get(ARCHIVE_ENTRIES.manifest) ?? new Uint8Array());
    expect(manifest).not.toBeNull();
    if (!manifest) return;
    expect(manifest.counts).toEqual({ invoices: 5, documents: 5, lines: 150, auditEntries: 1 });
    expect(manifest.profile).toEqual({ customerNumber: '100200', customerName: 'Muster AG' });
    expect(manifest.files.map((file) => file.path)).toEqual([
      ...[0, 1, 2, 3, 4].map((n) => `documents/${1_000_000_000 + n}.pdf`),
      ARCHIVE_FILES.invoicesCsv,
      ARCHIVE_FILES.invoicesJson,
      ARCHIVE_FILES.linesCsv,
      ARCHIVE_FILES.linesJson,
      ARCHIVE_FILES.auditLog,
    ]);
    // Every listed file is in the zip with exactly that hash and size.
    for (const file of manifest.files) {
      const bytes = files.get(file.path);
      expect(bytes?.byteLength, file.path).toBe(file.size);
      expect(toHex(sha256(bytes ?? new Uint8Array())), file.path).toBe(file.sha256);
    }
    expect(files.get('documents/1000000003.pdf')).toEqual(fakePdf(3));
    // PDFs are stored, not deflated: already compressed.
    const entries = await readCentralDirectory(bytesAccess(zip));
    expect(entries.filter((entry) => entry.name.endsWith('.pdf')).every((entry) => entry.method === 0)).toBe(
      true,
    );
    expect(entries.find((entry) => entry.name === ARCHIVE_FILES.linesJson)?.method).toBe(8);
    expect([...files.keys()]).toContain(ARCHIVE_ENTRIES.signature);
    expect(text(files.get(ARCHIVE_ENTRIES.publicKey))).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(files.has(ARCHIVE_ENTRIES.timestamp)).toBe(false);
    expect(JSON.parse(text(files.get(ARCHIVE_FILES.auditLog)))).toEqual(audit);
  });

  it('writes the lines index once per line, with one header, the same in CSV and JSON', async () => {
    const source = archiveSourceFixture(3, 450);
    const files = await unzipAll(await writeArchiveBytes(source, await memoryArchiveKey()));
    const json = rowsOf(files.get(ARCHIVE_FILES.linesJson));
    expect(json).toHaveLength(1350);
    const book = read(text(files.get(ARCHIVE_FILES.linesCsv)), { type: 'string', raw: true });
    const rows = utils.sheet_to_json<Record<string, unknown>>(book.Sheets[book.SheetNames[0] ?? ''] ?? {}, {
      raw: true,
      defval: null,
    });
    expect(rows).toHaveLength(1350);
    expect(rows.filter((row) => row.invoiceId === 'invoiceId')).toEqual([]);
    expect(json[451]).toMatchObject({ invoiceId: 'inv-1', invoiceNumber: '1000000001', lineNo: 452 });
    expect(String(rows[451]?.netAmount)).toBe(json[451]?.netAmount);
    const invoices = rowsOf(files.get(ARCHIVE_FILES.invoicesJson));
    expect(invoices.find((row) => row.id === 'inv-0')).toMatchObject({
      archived: 'yes',
      keptUntil: '2034-02-28',
      document: 'documents/1000000000.pdf',
    });
  });

  it('signs the manifest’s exact bytes and stamps their SHA-256 when an authority is configured', async () => {
    const key = await memoryArchiveKey();
    const files = await unzipAll(
      await writeArchiveBytes(archiveSourceFixture(2, 5), key, fakeRequestTimestamp),
    );
    const manifest = files.get(ARCHIVE_ENTRIES.manifest) ?? new Uint8Array();
    const token = files.get(ARCHIVE_ENTRIES.timestamp) ?? new Uint8Array();
    expect([...token.subarray(8)]).toEqual([...sha256(manifest)]);
    expect(files.get(ARCHIVE_ENTRIES.signature)?.byteLength).toBe(64);
  });

  it('is still sealed, without a stamp, when the authority fails; and stops when cancelled', async () => {
    const key = await memoryArchiveKey();
    const failing = sealWith(key, () => Promise.reject(new Error('TSA down')));
    const summary = await writeArchive(archiveSourceFixture(2, 5), {
      sink: () => undefined,
      appVersion: '1',
      exportedAt: '2026-11-30T10:00:00.000Z',
      profile: { customerNumber: null, customerName: null },
      seal: failing,
    });
    expect(summary).toMatchObject({ timestamped: false, timestampFailed: true });

    const controller = new AbortController();
    const progress: number[] = [];
    const run = writeArchive(archiveSourceFixture(9, 5), {
      sink: () => undefined,
      appVersion: '1',
      exportedAt: '2026-11-30T10:00:00.000Z',
      profile: { customerNumber: null, customerName: null },
      seal: sealWith(key),
      signal: controller.signal,
      onProgress: ({ done }) => {
        progress.push(done);
        if (done >= 3) controller.abort(new Error('cancelled by the clerk'));
      },
    });
    await expect(run).rejects.toThrow('cancelled by the clerk');
    expect(progress).toEqual([3]);
  });
});
