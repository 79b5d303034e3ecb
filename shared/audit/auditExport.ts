import type { ExportColumn } from '../export/columns';
import { csvOptionsFor, toCsv } from '../export/csv';
import { toXlsx } from '../export/xlsx';
import type { Language } from '../i18n/languages';
import type { AuditCategory, AuditView } from './view';

/**
 * The audit page's export: the filtered entries through the house writers (every text cell through
 * the formula guard of export/sanitize.ts). The instant is written as stored (UTC, ISO 8601) and the
 * two hashes with it, so the file alone lets an auditor recompute the chain (shared/audit/chain.ts).
 * Loaded on demand: the spreadsheet writer is large.
 */
export const AUDIT_EXPORT_FIELDS = [
  'seq',
  'at',
  'device',
  'category',
  'text',
  'before',
  'after',
  'fileHash',
  'prevHash',
  'hash',
] as const;
export type AuditExportField = (typeof AUDIT_EXPORT_FIELDS)[number];

export interface AuditExportWords {
  headers: Record<AuditExportField, string>;
  category: (category: AuditCategory) => string;
  unknownDevice: string;
  sheetName: string;
}

const columnsOf = (words: AuditExportWords): ExportColumn[] =>
  AUDIT_EXPORT_FIELDS.map((id) => ({
    id,
    header: words.headers[id],
    type: id === 'seq' ? 'integer' : 'text',
  }));

function* rowsOf(views: readonly AuditView[], words: AuditExportWords): Generator<unknown[]> {
  for (const view of views) {
    const { record } = view;
    yield [
      record.seq,
      record.at,
      record.device?.name || words.unknownDevice,
      words.category(view.category),
      view.text,
      view.before?.join('; ') ?? null,
      view.after?.join('; ') ?? null,
      view.fileHash,
      record.prevHash,
      record.hash,
    ];
  }
}

export const auditCsv = (
  views: readonly AuditView[],
  words: AuditExportWords,
  language: Language,
): Uint8Array =>
  new TextEncoder().encode(toCsv(columnsOf(words), rowsOf(views, words), csvOptionsFor(language)));

export const auditXlsx = (views: readonly AuditView[], words: AuditExportWords): Uint8Array =>
  toXlsx(columnsOf(words), rowsOf(views, words), { sheetName: words.sheetName });
