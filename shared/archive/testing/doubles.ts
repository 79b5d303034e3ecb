import { sha256 } from '@noble/hashes/sha2.js';
import { zipSync } from 'fflate';
import { fixtureArchive } from '../../export/testing/periodFixture';
import { invoiceFixture } from '../../testing/invoiceFixture';
import type { RequestTimestamp, TimestampVerdict, VerifyTimestamp } from '../ports';
import { ECDSA_KEY, ECDSA_SIGN, sealWith, spkiToPem, type ArchiveKey } from '../seal';
import { writeArchive, type ArchiveDocument, type ArchiveInvoice, type ArchiveSource } from '../writeArchive';
import { bytesAccess, readCentralDirectory, readSmallEntry } from '../zipReader';

/**
 * Test doubles for the archive's injected parts: an in-memory signing key (WebCrypto, as the
 * browser keeps it), and a "time-stamping authority" whose token is a tag, the digest and a time,
 * so the archive's side is tested without pkijs or a network (the real ones are the tsa helper's).
 */

export const memoryArchiveKey = async (): Promise<ArchiveKey> => {
  const pair = await crypto.subtle.generateKey(ECDSA_KEY, false, ['sign', 'verify']);
  const pem = spkiToPem(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
  return {
    sign: async (bytes) => new Uint8Array(await crypto.subtle.sign(ECDSA_SIGN, pair.privateKey, bytes)),
    publicKeyPem: () => Promise.resolve(pem),
  };
};

const TAG = new TextEncoder().encode('FAKE-TST');
export const FAKE_TSA_TIME = '2026-11-30T12:00:00Z';

export const fakeRequestTimestamp: RequestTimestamp = (digest) => {
  const token = new Uint8Array(TAG.length + digest.length);
  token.set(TAG);
  token.set(digest, TAG.length);
  return Promise.resolve(token);
};

export const fakeVerifyTimestamp: VerifyTimestamp = (token, digest): Promise<TimestampVerdict> => {
  const tagged = TAG.every((byte, i) => token[i] === byte);
  if (!tagged) return Promise.resolve({ valid: false, time: null, authority: null, problem: 'malformed' });
  const stamped = token.subarray(TAG.length);
  const matches = stamped.length === digest.length && stamped.every((byte, i) => byte === digest[i]);
  return Promise.resolve({
    valid: matches,
    time: FAKE_TSA_TIME,
    authority: 'CN=Fake TSA',
    problem: matches ? null : 'digestMismatch',
  });
};

/** A PDF-looking document whose bytes differ per invoice. */
export const fakePdf = (n: number): Uint8Array =>
  new TextEncoder().encode(`%PDF-1.7\n% invoice ${n}\n%%EOF\n`);

/** `count` invoices with `linesPer` lines each and a document each, as the export worker reads them. */
export const archiveSourceFixture = (
  count: number,
  linesPer: number,
  auditRows: unknown[] = [],
): ArchiveSource => {
  const lines = fixtureArchive(count, linesPer, 200);
  const invoices: ArchiveInvoice[] = [...lines.invoices.values()].map((invoice, n) => {
    const pdf = fakePdf(n);
    let hex = '';
    for (const byte of sha256(pdf)) hex += byte.toString(16).padStart(2, '0');
    const {
      correctsInvoiceId: _c,
      qrReference: _q,
      revision: _r,
      updatedAt: _u,
      ...header
    } = invoiceFixture({
      id: invoice.id,
      number: invoice.number,
      issueDate: n % 2 === 0 ? '2024-02-29' : '2026-02-02',
      documentSha256: hex,
    });
    return { ...header, archived: n % 2 === 0 };
  });
  const documents: ArchiveDocument[] = invoices.map((invoice, n) => ({
    invoiceId: invoice.id,
    bytes: fakePdf(n),
  }));
  return {
    invoices,
    documentCount: documents.length,
    documents: function* () {
      for (let i = 0; i < documents.length; i += 3) yield documents.slice(i, i + 3);
    },
    blockCount: lines.blocks.length,
    blocks: function* () {
      for (let i = 0; i < lines.blocks.length; i += 4) yield lines.blocks.slice(i, i + 4);
    },
    auditRows,
  };
};

/** Writes the fixture's archive into memory. */
export const writeArchiveBytes = async (
  source: ArchiveSource,
  key: ArchiveKey,
  requestTimestamp?: RequestTimestamp,
): Promise<Uint8Array> => {
  const chunks: Uint8Array[] = [];
  await writeArchive(source, {
    sink: (chunk) => {
      chunks.push(chunk.slice());
    },
    appVersion: '1.2.3',
    exportedAt: '2026-11-30T10:00:00.000Z',
    profile: { customerNumber: '100200', customerName: 'Muster AG' },
    seal: sealWith(key, requestTimestamp),
  });
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
};

/** Every entry of a zip, inflated (for tests that tamper with an archive and zip it again). */
export const unzipAll = async (zip: Uint8Array): Promise<Map<string, Uint8Array>> => {
  const source = bytesAccess(zip);
  const files = new Map<string, Uint8Array>();
  for (const entry of await readCentralDirectory(source))
    files.set(entry.name, await readSmallEntry(source, entry, 1 << 30));
  return files;
};

/** Zips entries again, in order: PDFs stored, the rest deflated. */
export const rezip = (files: Map<string, Uint8Array>): Uint8Array =>
  zipSync(
    Object.fromEntries(
      [...files].map(([name, bytes]) => [name, [bytes, { level: name.endsWith('.pdf') ? 0 : 6 }] as const]),
    ),
  );
