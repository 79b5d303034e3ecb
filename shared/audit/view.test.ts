import i18next from 'i18next';
import { read, utils } from 'xlsx';
import { describe, expect, it } from 'vitest';
import { formatChf } from '../core/format';
import { catalogues } from '../i18n/catalogues';
import { languages, type Language } from '../i18n/languages';
import type { AuditEntry } from './auditEntry';
import type { AuditDevice } from './device';
import { auditCsv, auditXlsx, type AuditExportWords } from './auditExport';
import { linkEntry } from './chain';
import {
  describeChainProblem,
  emptyAuditFilter,
  filterAuditViews,
  viewAuditRecord,
  type AuditRecord,
  type AuditViewTranslate,
} from './view';

const translator = async (language: Language): Promise<AuditViewTranslate> => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: Object.fromEntries(languages.map((code) => [code, { translation: catalogues[code] }])),
    interpolation: { escapeValue: false },
  });
  return (key, params) => instance.t(key, params);
};

const device = { id: 'd1', name: 'Windows (FIN-PC-07)' };
const records: AuditRecord[] = [];
const add = (entry: { at: string; device: AuditDevice | null } & AuditEntry) => {
  records.push(linkEntry(entry, records.at(-1) ?? null));
};
add({
  at: '2026-11-02T09:00:00.000Z',
  device,
  kind: 'costCenterEdited',
  params: { code: 'LOG', action: 'changed' },
  before: {
    name: 'Logistics',
    owner: null,
    active: true,
    objectType: 'costCenter',
    monthlyBudget: '1250.50',
  },
  after: { name: 'Logistics', owner: 'Ana', active: false, objectType: 'costUnit', monthlyBudget: null },
});
add({
  at: '2026-11-03T09:00:00.000Z',
  device: null,
  kind: 'assignmentsEdited',
  params: { origin: 'edit', created: 1, changed: 0, deleted: 0 },
  before: [],
  after: [
    {
      id: 'a-1',
      kind: 'service',
      key: 'PP-PRI',
      splits: [
        { costCenterCode: 'LOG', percent: 60 },
        { costCenterCode: 'ADM', percent: 40 },
      ],
      validFrom: '2026-01-01',
      validTo: null,
    },
  ],
});
add({
  at: '2026-11-04T09:00:00.000Z',
  device,
  kind: 'fileExported',
  params: { what: 'journal', fileName: '=HYPERLINK("x").csv', sha256: 'ab'.repeat(32), bytes: 10, rows: 3 },
});

describe('the audit page’s view of an entry', () => {
  it('puts both sides into words, amounts and dates in the Swiss form of the language', async () => {
    const de = await translator('de');
    const [centre, assignment] = records.map((record) => viewAuditRecord(record, de, 'de'));
    expect(centre?.before).toEqual([
      'Name: Logistics',
      'Verantwortlich: —',
      'Aktiv: ja',
      'Objekttyp: Kostenstelle',
      `Monatsbudget: ${formatChf(125050, 'de')}`,
    ]);
    expect(centre?.after).toContain('Aktiv: nein');
    expect(assignment?.after).toEqual(['Leistung PP-PRI: 60 % LOG, 40 % ADM, von 01.01.2026 bis offen']);
    expect(assignment?.before).toEqual(['nichts']);
  });

  it('leaves no key or placeholder on the screen in any language', async () => {
    for (const language of languages) {
      const t = await translator(language);
      for (const record of records) {
        const view = viewAuditRecord(record, t, language);
        const shown = [view.text, ...(view.before ?? []), ...(view.after ?? [])].join('\n');
        expect(shown, language).not.toMatch(/\{\{|auditTrail\.|audit\.|costCenterPage\./);
      }
      const problem = describeChainProblem({ code: 'missing', from: 3, to: 5 }, t);
      expect(problem).toMatch(/3.*5/);
    }
  });

  it('filters by category, device, day and text', async () => {
    const en = await translator('en');
    const views = records.map((record) => viewAuditRecord(record, en, 'en'));
    const day = (instant: string) => instant.slice(0, 10);
    const seqs = (filter: Partial<typeof emptyAuditFilter>) =>
      filterAuditViews(views, { ...emptyAuditFilter, ...filter }, day).map((view) => view.record.seq);
    expect(seqs({})).toEqual([1, 2, 3]);
    expect(seqs({ category: 'changes' })).toEqual([1, 2]);
    expect(seqs({ device: '' })).toEqual([2]);
    expect(seqs({ from: '2026-11-03', to: '2026-11-03' })).toEqual([2]);
    expect(seqs({ text: 'pp-pri' })).toEqual([2]);
    expect(seqs({ text: 'ANA' })).toEqual([1]);
  });

  it('exports the entries with their hashes, text guarded against formulas', async () => {
    const en = await translator('en');
    const views = records.map((record) => viewAuditRecord(record, en, 'en'));
    const words: AuditExportWords = {
      headers: {
        seq: 'No.',
        at: 'When',
        device: 'Device',
        category: 'Kind',
        text: 'What',
        before: 'Before',
        after: 'After',
        fileHash: 'File SHA-256',
        prevHash: 'Previous hash',
        hash: 'Entry hash',
      },
      category: (category) => category,
      unknownDevice: 'Device not recorded',
      sheetName: 'Audit trail',
    };
    const csv = new TextDecoder().decode(auditCsv(views, words, 'en'));
    expect(csv).toContain(records[2]?.hash);
    expect(csv).toContain('Device not recorded');
    const sheet = read(auditXlsx(views, words)).Sheets['Audit trail'];
    if (!sheet) throw new Error('No sheet');
    const rows = utils.sheet_to_json<string[]>(sheet, { header: 1 });
    expect(rows[0]).toEqual(Object.values(words.headers));
    expect(rows[3]?.[0]).toBe(3);
    expect(rows[3]?.[4]).toMatch(/^'=HYPERLINK|^[^=]/);
    expect(rows[3]?.[9]).toBe(records[2]?.hash);
  });
});
