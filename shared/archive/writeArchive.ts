import { sha256 } from '@noble/hashes/sha2.js';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Invoice } from '../api/schemas';
import { csvChunks, type CsvOptions } from '../export/csv';
import type { ExportColumn } from '../export/columns';
import type { ChunkSink } from '../export/xlsxStream';
import { decodeLine, type LineBlock } from '../lines/block';
import {
  ARCHIVE_FILES,
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  documentPath,
  encodeManifest,
  toHex,
  type ArchiveManifest,
  type ManifestFile,
} from './manifest';
import { ARCHIVE_ENTRIES } from './ports';
import { keptUntil } from './retention';
import { headOfRows } from '../audit/chain';

/**
 * Writes the archive zip as a stream: every cached PDF stored as it is (already compressed), the
 * indexes of invoices and lines as CSV and JSON (deflated, written block by block, never one string),
 * the audit log, then the manifest of all of them with their SHA-256 and size, and what seals it
 * (signature, public key, time stamp). Memory stays bounded by a batch of blocks or documents.
 */

export type ArchiveInvoice = Pick<
  Invoice,
  | 'id'
  | 'number'
  | 'debtorNumber'
  | 'invoiceReference'
  | 'type'
  | 'issueDate'
  | 'dueDate'
  | 'periodStart'
  | 'periodEnd'
  | 'currency'
  | 'netTotal'
  | 'vatTotal'
  | 'grossTotal'
  | 'status'
  | 'lineCount'
  | 'documentSha256'
> & { readonly archived: boolean };

export interface ArchiveDocument {
  readonly invoiceId: string;
  readonly bytes: Uint8Array;
}

/** Batches, read in order; a worker's reads are async, a test's may be plain arrays. */
export type Batches<T> = AsyncIterable<readonly T[]> | Iterable<readonly T[]>;

export interface ArchiveSource {
  readonly invoices: readonly ArchiveInvoice[];
  readonly documentCount: number;
  readonly documents: () => Batches<ArchiveDocument>;
  readonly blockCount: number;
  /** Read twice (CSV, then JSON): each call starts again at the first block. */
  readonly blocks: () => Batches<LineBlock>;
  readonly auditRows: readonly unknown[];
}

/** What seals the manifest: its signature, the key that checks it, and a time stamp where one was asked for. */
export interface ArchiveSeal {
  readonly signature: Uint8Array<ArrayBuffer>;
  readonly publicKeyPem: string;
  /** The DER TimeStampToken; null when no authority is configured. */
  readonly timestamp: Uint8Array<ArrayBuffer> | null;
  readonly timestampFailed: boolean;
}

export interface WriteArchiveOptions {
  readonly sink: ChunkSink;
  readonly appVersion: string;
  readonly exportedAt: string;
  readonly profile: ArchiveManifest['profile'];
  readonly seal: (manifest: Uint8Array<ArrayBuffer>) => Promise<ArchiveSeal>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { done: number; total: number }) => void;
}

export interface ArchiveSummary {
  readonly manifest: ArchiveManifest;
  readonly manifestSha256: string;
  readonly bytes: number;
  readonly timestamped: boolean;
  readonly timestampFailed: boolean;
}

const invoiceColumns: readonly ExportColumn[] = [
  { id: 'id', header: 'id', type: 'text' },
  { id: 'number', header: 'number', type: 'text' },
  { id: 'debtorNumber', header: 'debtorNumber', type: 'text' },
  { id: 'invoiceReference', header: 'invoiceReference', type: 'text' },
  { id: 'type', header: 'type', type: 'text' },
  { id: 'issueDate', header: 'issueDate', type: 'date' },
  { id: 'dueDate', header: 'dueDate', type: 'date' },
  { id: 'periodStart', header: 'periodStart', type: 'date' },
  { id: 'periodEnd', header: 'periodEnd', type: 'date' },
  { id: 'currency', header: 'currency', type: 'text' },
  { id: 'netTotal', header: 'netTotal', type: 'decimal' },
  { id: 'vatTotal', header: 'vatTotal', type: 'decimal' },
  { id: 'grossTotal', header: 'grossTotal', type: 'decimal' },
  { id: 'status', header: 'status', type: 'text' },
  { id: 'lineCount', header: 'lineCount', type: 'integer' },
  { id: 'documentSha256', header: 'documentSha256', type: 'text' },
  { id: 'document', header: 'document', type: 'text' },
  { id: 'archived', header: 'archived', type: 'text' },
  { id: 'keptUntil', header: 'keptUntil', type: 'date' },
];

const lineColumns: readonly ExportColumn[] = [
  { id: 'invoiceId', header: 'invoiceId', type: 'text' },
  { id: 'invoiceNumber', header: 'invoiceNumber', type: 'text' },
  { id: 'lineNo', header: 'lineNo', type: 'integer' },
  { id: 'serviceCode', header: 'serviceCode', type: 'text' },
  { id: 'description', header: 'description', type: 'text' },
  { id: 'serviceDate', header: 'serviceDate', type: 'date' },
  { id: 'invoiceReference', header: 'invoiceReference', type: 'text' },
  { id: 'frankingLicence', header: 'frankingLicence', type: 'text' },
  { id: 'customerReference', header: 'customerReference', type: 'text' },
  { id: 'quantity', header: 'quantity', type: 'decimal' },
  { id: 'unitPrice', header: 'unitPrice', type: 'decimal' },
  { id: 'netAmount', header: 'netAmount', type: 'decimal' },
  { id: 'vatRate', header: 'vatRate', type: 'decimal' },
  { id: 'vatAmount', header: 'vatAmount', type: 'decimal' },
];

// A data file, not a sheet for one locale: comma, decimal point, UTF-8 with BOM so Excel reads ä.
const CSV: CsvOptions = { delimiter: ',', decimalSeparator: '.', bom: true };
// About this many characters of JSON are encoded and pushed at once.
const TEXT_CHUNK = 1 << 16;

/** One line of a block as the index's row: the values exactly as the contract wrote them. */
const lineValues = (block: LineBlock, i: number, number: string): (string | number | null)[] => {
  const line = decodeLine(block, i);
  return [
    block.invoiceId,
    number,
    line.lineNo,
    line.serviceCode,
    line.description === undefined || line.description === '' ? null : line.description,
    line.serviceDate,
    line.invoiceReference,
    line.frankingLicence,
    line.customerReference ?? null,
    line.quantity,
    line.unitPrice,
    line.netAmount,
    line.vatRate,
    line.vatAmount,
  ];
};

const invoiceValues = (invoice: ArchiveInvoice, hasDocument: boolean): (string | number | null)[] => [
  invoice.id,
  invoice.number,
  invoice.debtorNumber,
  invoice.invoiceReference,
  invoice.type,
  invoice.issueDate,
  invoice.dueDate,
  invoice.periodStart,
  invoice.periodEnd,
  invoice.currency,
  invoice.netTotal,
  invoice.vatTotal,
  invoice.grossTotal,
  invoice.status,
  invoice.lineCount,
  invoice.documentSha256,
  hasDocument ? documentPath(invoice.number) : null,
  invoice.archived ? 'yes' : 'no',
  keptUntil(invoice.issueDate),
];

const asRecord = (columns: readonly ExportColumn[], values: readonly unknown[]): Record<string, unknown> =>
  Object.fromEntries(columns.map((column, index) => [column.id, values[index] ?? null]));

export const writeArchive = async (
  source: ArchiveSource,
  options: WriteArchiveOptions,
): Promise<ArchiveSummary> => {
  const { signal } = options;
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  let bytes = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    for (let chunk = pending.shift(); chunk; chunk = pending.shift()) {
      bytes += chunk.byteLength;
      await options.sink(chunk);
    }
  };
  const mtime = new Date(options.exportedAt);
  const encoder = new TextEncoder();
  const files: ManifestFile[] = [];
  const total = source.documentCount + 2 * source.blockCount;
  let done = 0;
  const step = (count: number): void => {
    done += count;
    options.onProgress?.({ done, total });
  };

  /** One zip entry, hashed and counted as it is written; `stored` for what is compressed already. */
  const entry = (path: string, stored: boolean, listed = true) => {
    const file = stored ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    const hash = sha256.create();
    let size = 0;
    return {
      push: async (data: Uint8Array, final = false): Promise<void> => {
        hash.update(data);
        size += data.byteLength;
        file.push(data, final);
        await flush();
      },
      text: async (chunk: string): Promise<void> => {
        const data = encoder.encode(chunk);
        hash.update(data);
        size += data.byteLength;
        file.push(data, false);
        await flush();
      },
      end: async (): Promise<ManifestFile> => {
        file.push(new Uint8Array(0), true);
        await flush();
        const written = { path, sha256: toHex(hash.digest()), size };
        if (listed) files.push(written);
        return written;
      },
    };
  };

  const numberOf = new Map(source.invoices.map((invoice) => [invoice.id, invoice.number]));
  const withDocument = new Set<string>();

  // The documents first: what the manifest says of each is what was just written.
  for await (const batch of source.documents()) {
    signal?.throwIfAborted();
    for (const document of batch) {
      const number = numberOf.get(document.invoiceId);
      if (number === undefined || withDocument.has(document.invoiceId)) continue;
      withDocument.add(document.invoiceId);
      const file = entry(documentPath(number), true);
      await file.push(document.bytes);
      await file.end();
    }
    step(batch.length);
  }

  const invoices = [...source.invoices].sort((a, b) =>
    a.issueDate === b.issueDate ? a.number.localeCompare(b.number) : a.issueDate.localeCompare(b.issueDate),
  );
  const invoiceRows = invoices.map((invoice) => invoiceValues(invoice, withDocument.has(invoice.id)));
  {
    const file = entry(ARCHIVE_FILES.invoicesCsv, false);
    for (const chunk of csvChunks(invoiceColumns, invoiceRows, CSV)) await file.text(chunk);
    await file.end();
  }
  {
    const file = entry(ARCHIVE_FILES.invoicesJson, false);
    await writeJsonArray(
      file.text,
      invoiceRows.map((row) => asRecord(invoiceColumns, row)),
    );
    await file.end();
  }

  let lines = 0;
  {
    const file = entry(ARCHIVE_FILES.linesCsv, false);
    let header = true;
    for await (const batch of source.blocks()) {
      signal?.throwIfAborted();
      const rows: (string | number | null)[][] = [];
      for (const block of batch) {
        const number = numberOf.get(block.invoiceId) ?? '';
        for (let i = 0; i < block.count; i += 1) rows.push(lineValues(block, i, number));
      }
      lines += rows.length;
      let first = true;
      for (const chunk of csvChunks(lineColumns, rows, { ...CSV, bom: header && CSV.bom })) {
        // csvChunks starts each batch with the header: only the file's first one keeps it.
        await file.text(first && !header ? chunk.slice(chunk.indexOf('\r\n') + 2) : chunk);
        first = false;
      }
      header = false;
      step(batch.length);
    }
    if (header) for (const chunk of csvChunks(lineColumns, [], CSV)) await file.text(chunk);
    await file.end();
  }
  {
    const file = entry(ARCHIVE_FILES.linesJson, false);
    let text = '[';
    let separator = '\n';
    for await (const batch of source.blocks()) {
      signal?.throwIfAborted();
      for (const block of batch) {
        const number = numberOf.get(block.invoiceId) ?? '';
        for (let i = 0; i < block.count; i += 1) {
          text += separator + JSON.stringify(asRecord(lineColumns, lineValues(block, i, number)));
          separator = ',\n';
          if (text.length >= TEXT_CHUNK) {
            await file.text(text);
            text = '';
          }
        }
      }
      step(batch.length);
    }
    await file.text(`${text}${separator === '\n' ? '' : '\n'}]\n`);
    await file.end();
  }
  {
    const file = entry(ARCHIVE_FILES.auditLog, false);
    await writeJsonArray(file.text, source.auditRows);
    await file.end();
  }

  signal?.throwIfAborted();
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_FORMAT_VERSION,
    appVersion: options.appVersion,
    exportedAt: options.exportedAt,
    profile: options.profile,
    counts: {
      invoices: source.invoices.length,
      documents: withDocument.size,
      lines,
      auditEntries: source.auditRows.length,
    },
    auditHead: headOfRows(source.auditRows),
    files,
  };
  const manifestBytes = encodeManifest(manifest);
  const seal = await options.seal(manifestBytes);
  signal?.throwIfAborted();
  const sealed: [string, Uint8Array][] = [
    [ARCHIVE_ENTRIES.manifest, manifestBytes],
    [ARCHIVE_ENTRIES.signature, seal.signature],
    [ARCHIVE_ENTRIES.publicKey, encoder.encode(seal.publicKeyPem)],
    ...(seal.timestamp ? [[ARCHIVE_ENTRIES.timestamp, seal.timestamp] satisfies [string, Uint8Array]] : []),
  ];
  for (const [path, data] of sealed) {
    const file = entry(path, true, false);
    await file.push(data, true);
  }
  zip.end();
  await flush();
  return {
    manifest,
    manifestSha256: toHex(sha256(manifestBytes)),
    bytes,
    timestamped: seal.timestamp !== null,
    timestampFailed: seal.timestampFailed,
  };
};

/** A JSON array, one element a line, pushed in chunks of about 64 K characters. */
const writeJsonArray = async (
  write: (chunk: string) => Promise<void>,
  items: readonly unknown[],
): Promise<void> => {
  let text = '[';
  let separator = '\n';
  for (const item of items) {
    text += separator + JSON.stringify(item);
    separator = ',\n';
    if (text.length >= TEXT_CHUNK) {
      await write(text);
      text = '';
    }
  }
  await write(`${text}${items.length === 0 ? '' : '\n'}]\n`);
};
