import { sha256 } from '@noble/hashes/sha2.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { verifyArchivedAuditChain } from '../../../shared/archive/auditChain';
import { ARCHIVE_FILES, documentPath, parseManifest, toHex } from '../../../shared/archive/manifest';
import { ARCHIVE_ENTRIES } from '../../../shared/archive/ports';
import { sealWith } from '../../../shared/archive/seal';
import { fakePdf, memoryArchiveKey, unzipAll } from '../../../shared/archive/testing/doubles';
import { verifyArchive } from '../../../shared/archive/verify';
import { bytesAccess } from '../../../shared/archive/zipReader';
import { lineFixture } from '../../../shared/testing/lineFixture';
import { readArchiveSource } from '../../db/archiveSource';
import { appendAudit } from '../../db/auditLog';
import { InvoiceDeskDatabase } from '../../db/database';
import { storedInvoiceFixture, storeLines } from '../../db/testing/allocationArchive';
import { createArchiveFileClient } from './archiveFileClient';
import { serveArchiveFile } from './archiveFileServer';

/** An archive of 40 invoices, each with its PDF and three lines, and two audit entries. */
const storedArchive = async () => {
  const db = new InvoiceDeskDatabase('archive-export', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  for (let n = 0; n < 40; n += 1) {
    const id = `inv-${String(n).padStart(2, '0')}`;
    await storeLines(db, [lineFixture(1), lineFixture(2), lineFixture(3)], id);
    const pdf = fakePdf(n);
    await db.invoices.put({
      ...storedInvoiceFixture(id, 3),
      number: String(2_000_000_000 + n),
      archived: n < 10 ? 1 : 0,
      documentSha256: toHex(sha256(pdf)),
    });
    await db.documents.put({
      invoiceId: id,
      bytes: pdf.slice().buffer,
      sha256: toHex(sha256(pdf)),
      size: pdf.byteLength,
      verified: true,
      verifiedAt: '2026-05-01T08:00:00Z',
    });
  }
  // Through the one appender, so the archived log is a real chain (the verify below checks it).
  await db.transaction('rw', db.auditLog, async () => {
    await appendAudit(db, {
      at: '2026-05-01T08:00:00Z',
      kind: 'archive',
      params: { firstServedIssueDate: '2025-01-01', archived: 10, restored: 0 },
    });
    await appendAudit(db, {
      at: '2026-05-02T08:00:00Z',
      kind: 'archive',
      params: { firstServedIssueDate: '2025-01-02', archived: 0, restored: 0 },
    });
  });
  return db;
};

const channel = (db: InvoiceDeskDatabase) => {
  const ports = new MessageChannel();
  const worker = serveArchiveFile(ports.port2, () => readArchiveSource(db));
  const client = createArchiveFileClient(Object.assign(ports.port1, { terminate: () => undefined }));
  return {
    client,
    dispose: () => {
      client.dispose();
      worker.dispose();
      ports.port1.close();
      ports.port2.close();
    },
  };
};

const request = {
  databaseName: 'archive-export',
  appVersion: '1.0.0',
  exportedAt: '2026-11-30T10:00:00.000Z',
  profile: { customerNumber: '100200', customerName: 'Muster AG' },
};

describe('the archive worker channel', () => {
  it('streams the zip of the stored archive to the page, sealed by the page, and it verifies', async () => {
    const db = await storedArchive();
    const key = await memoryArchiveKey();
    const { client, dispose } = channel(db);
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    const progress: number[] = [];
    const result = await client.run(
      request,
      {
        write: (chunk) => {
          pieces.push(chunk);
          return Promise.resolve();
        },
        seal: sealWith(key),
        onProgress: (done) => progress.push(done),
      },
      new AbortController().signal,
    );
    const zip = new Uint8Array(await new Blob(pieces).arrayBuffer());
    expect(result).toMatchObject({
      counts: { invoices: 40, documents: 40, lines: 120, auditEntries: 2 },
      files: 45,
      bytes: zip.byteLength,
      timestamped: false,
    });
    expect(progress.at(-1)).toBe(40 + 2 * 40);
    const files = await unzipAll(zip);
    expect(files.get(documentPath('2000000007'))).toEqual(fakePdf(7));
    const manifest = parseManifest(files.get(ARCHIVE_ENTRIES.manifest) ?? new Uint8Array());
    expect(toHex(sha256(files.get(ARCHIVE_ENTRIES.manifest) ?? new Uint8Array()))).toBe(
      result.manifestSha256,
    );
    expect(manifest?.files.find((file) => file.path === ARCHIVE_FILES.auditLog)?.size).toBeGreaterThan(100);
    const report = await verifyArchive(bytesAccess(zip), {
      ownPublicKeyPem: await key.publicKeyPem(),
      verifyAuditChain: verifyArchivedAuditChain,
    });
    expect(report).toMatchObject({
      kind: 'checked',
      passed: true,
      signature: 'valid',
      ownKey: true,
      auditChain: { state: 'checked', verdict: { valid: true, entries: 2 } },
    });
    dispose();
    db.close();
  });

  it('stops the worker when the page cancels', async () => {
    const db = await storedArchive();
    const { client, dispose } = channel(db);
    const controller = new AbortController();
    const run = client.run(
      request,
      {
        write: () => Promise.resolve(),
        seal: sealWith(await memoryArchiveKey()),
        onProgress: (done) => {
          if (done >= 32) controller.abort(new Error('cancelled by the clerk'));
        },
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow('cancelled by the clerk');
    dispose();
    db.close();
  });
});
