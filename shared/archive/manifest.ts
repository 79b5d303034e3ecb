import { z } from 'zod';

/**
 * The archive's manifest: every file of the zip (except the manifest and what seals it) with its
 * SHA-256 and size, and what the archive is (app version, export time, customer, counts). Its exact
 * bytes are what the signature and the time stamp cover, so it is written once and never re-encoded.
 */

export const ARCHIVE_FORMAT = 'invoice-desk-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

/** Where the indexes and the log sit in the zip; each document is `documents/<number>.pdf`. */
export const ARCHIVE_FILES = {
  invoicesCsv: 'index/invoices.csv',
  invoicesJson: 'index/invoices.json',
  linesCsv: 'index/lines.csv',
  linesJson: 'index/lines.json',
  auditLog: 'audit-log.json',
} as const;

export const documentPath = (invoiceNumber: string): string => `documents/${invoiceNumber}.pdf`;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestFileSchema = z.object({
  path: z.string().min(1).max(512),
  sha256: Sha256Schema,
  size: z.int().min(0),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

export const ArchiveManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_FORMAT_VERSION),
  appVersion: z.string().max(64),
  exportedAt: z.string().max(40),
  profile: z.object({
    customerNumber: z.string().max(64).nullable(),
    customerName: z.string().max(200).nullable(),
  }),
  counts: z.object({
    invoices: z.int().min(0),
    documents: z.int().min(0),
    lines: z.int().min(0),
    auditEntries: z.int().min(0),
  }),
  /**
   * The audit log's last entry when exported: signed with the manifest, so a log cut short at its
   * end no longer matches it. Null for an empty log.
   */
  auditHead: z.object({ seq: z.int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  files: z.array(ManifestFileSchema),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifestSchema>;

/** Two-space JSON and a final newline: a clerk or an auditor can read it in any editor. */
export const encodeManifest = (manifest: ArchiveManifest): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);

/** The manifest as written, or null when the bytes are not one (not UTF-8, not JSON, another shape). */
export const parseManifest = (bytes: Uint8Array): ArchiveManifest | null => {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  const parsed = ArchiveManifestSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

export const toHex = (bytes: Uint8Array): string => {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
};
