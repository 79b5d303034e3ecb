import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../i18n/catalogues';
import { languages, type Language } from '../i18n/languages';
import { describeAudit, type AuditEntry, type AuditTranslate } from './auditEntry';

// The real catalogues through i18next, as the renderer uses them.
const translator = async (language: Language): Promise<AuditTranslate> => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: Object.fromEntries(languages.map((code) => [code, { translation: catalogues[code] }])),
    interpolation: { escapeValue: false },
  });
  return (key, params) => instance.t(key, params);
};

const sync: AuditEntry = {
  kind: 'sync',
  params: {
    outcome: 'failed',
    newInvoices: 3,
    updatedInvoices: 1,
    linesStored: 1200,
    documentsStored: 4,
    errorCode: 'api.unreachable',
  },
};
const archive = (restored: number): AuditEntry => ({
  kind: 'archive',
  params: { firstServedIssueDate: '2025-05-17', archived: 7, restored },
});
const conflict: AuditEntry = {
  kind: 'conflict',
  params: { entity: 'designation', key: 'service/PP-PRI' },
  before: { kind: 'service', key: 'PP-PRI', text: 'Parcels' },
  after: { kind: 'service', key: 'PP-PRI', text: 'Their parcels' },
};
const rejected: AuditEntry = {
  kind: 'rejected',
  params: { entity: 'costCenter', key: 'LOG', reasonCode: 'api.conflict', reason: 'code already taken' },
  before: { code: 'LOG', name: 'Logistics' },
};
const imported: AuditEntry = {
  kind: 'costCenterImport',
  params: { fileName: 'Kostenstellen.xlsx', created: 3, changed: 2, deactivated: 1, skipped: 4 },
};
const undone: AuditEntry = {
  kind: 'costCenterImportUndone',
  params: { fileName: 'Kostenstellen.xlsx', restored: 6 },
};

const dismissed: AuditEntry = {
  kind: 'anomalyDismissed',
  params: { flag: 'rise', dimension: 'licence', key: '60001234', month: '2026-10', note: 'Year-end mailing' },
};
const dismissedPrice: AuditEntry = {
  kind: 'anomalyDismissed',
  params: { flag: 'unitPrice', dimension: null, key: 'PP-PRI', month: '2026-09', note: 'Tariff correction' },
};

const added: AuditEntry[] = [
  {
    kind: 'documentRetrieved',
    params: {
      invoiceId: 'i1',
      invoiceNumber: '2026-000123',
      sha256: 'ab'.repeat(32),
      size: 2048,
      verified: true,
    },
  },
  {
    kind: 'documentRetrieved',
    params: {
      invoiceId: 'i1',
      invoiceNumber: '2026-000123',
      sha256: 'ab'.repeat(32),
      size: 2048,
      verified: false,
    },
  },
  { kind: 'documentOpened', params: { invoiceId: 'i1', invoiceNumber: '2026-000123' } },
  {
    kind: 'costCenterEdited',
    params: { code: 'LOG', action: 'changed' },
    before: { name: 'Logistics', active: true, objectType: 'costCenter' },
    after: { name: 'Logistics CH', active: true, objectType: 'costCenter' },
  },
  { kind: 'designationEdited', params: { kind: 'service', key: 'PP-PRI' }, before: null, after: 'Parcels' },
  { kind: 'designationEdited', params: { kind: 'service', key: 'PP-PRI' }, before: 'Parcels', after: null },
  {
    kind: 'assignmentsEdited',
    params: { origin: 'undo', created: 1, changed: 2, deleted: 0 },
    before: [],
    after: [],
  },
  {
    kind: 'assignmentImport',
    params: { fileName: 'a.xlsx', sha256: 'cd'.repeat(32), created: 3, changed: 0, deleted: 0 },
    before: [],
    after: [],
  },
  {
    kind: 'conflictSettled',
    params: { entity: 'costCenter', key: 'LOG', settlement: 'takeTheirs' },
    before: null,
    after: null,
  },
  {
    kind: 'fileExported',
    params: { what: 'journal', fileName: 'Journal.csv', sha256: 'ef'.repeat(32), bytes: 100, rows: 12 },
  },
];

describe('describeAudit', () => {
  it('words each kind of entry in English from its parameters', async () => {
    const t = await translator('en');
    expect(describeAudit(sync, t)).toBe(
      'Sync failed (api.unreachable): 3 new and 1 updated invoices, 1200 lines, 4 documents.',
    );
    expect(describeAudit(archive(0), t)).toBe(
      'The operator’s window now starts at issue date 2025-05-17: 7 invoices left it and are kept in the local archive.',
    );
    expect(describeAudit(archive(2), t)).toContain(', 2 are served again.');
    expect(describeAudit(conflict, t)).toBe('Designation service/PP-PRI was changed by someone else.');
    expect(describeAudit(rejected, t)).toBe('Cost centre LOG was refused: code already taken');
    expect(describeAudit(imported, t)).toBe(
      'Cost centres imported from Kostenstellen.xlsx: 3 new, 2 changed, 1 deactivated, 4 rows with errors skipped.',
    );
    expect(describeAudit(undone, t)).toBe('Import of Kostenstellen.xlsx undone: 6 cost centres restored.');
    expect(describeAudit(dismissed, t)).toBe(
      'Anomaly flag dismissed: cost of franking licence 60001234 rose in 2026-10. Note: Year-end mailing',
    );
    expect(describeAudit(dismissedPrice, t)).toBe(
      'Anomaly flag dismissed: unusual unit price of service PP-PRI in 2026-09. Note: Tariff correction',
    );
  });

  it('words the same entry in the clerk’s language, every parameter filled', async () => {
    for (const language of languages) {
      const t = await translator(language);
      for (const entry of [
        sync,
        archive(0),
        archive(2),
        conflict,
        rejected,
        imported,
        undone,
        dismissed,
        dismissedPrice,
        ...added,
      ]) {
        const text = describeAudit(entry, t);
        expect(text, `${language} ${entry.kind}`).not.toMatch(
          /\{\{|audit\.|outbox\.|costCenterImport\.|alerts\./,
        );
      }
    }
    const en = await translator('en');
    expect(added.map((entry) => describeAudit(entry, en))).toEqual([
      'Document of invoice 2026-000123 retrieved and verified against its SHA-256.',
      'Document of invoice 2026-000123 retrieved: its SHA-256 does not match the one the operator states.',
      'Document of invoice 2026-000123 opened.',
      'Cost centre LOG (Logistics CH) changed.',
      'Own name of PP-PRI set to “Parcels”.',
      'Own name of PP-PRI removed.',
      'Assignment change undone: 1 new, 2 changed, 0 removed.',
      'Assignments imported from a.xlsx: 3 new, 0 changed, 0 removed.',
      'Conflict on Cost centre LOG settled: the operator’s version was taken.',
      'Allocation journal Journal.csv exported: 12 rows.',
    ]);
    expect(describeAudit(conflict, await translator('de'))).toBe(
      'Bezeichnung service/PP-PRI wurde von jemand anderem geändert.',
    );
  });

  it('shows a row from before entries were data as it was written', async () => {
    const t = await translator('fr');
    expect(describeAudit({ kind: 'sync', message: 'Sync ok: 1 new, 0 updated invoices' }, t)).toBe(
      'Sync ok: 1 new, 0 updated invoices',
    );
  });
});
