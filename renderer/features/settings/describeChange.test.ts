import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues';
import { languages } from '../../../shared/i18n/languages';
import type { OutboxRow } from '../../db/records';
import { describeRejection, describeSubject, describeValue } from './describeChange';

const translator = async (lng: string): Promise<TFunction> => {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: Object.fromEntries(languages.map((code) => [code, { translation: catalogues[code] }])),
    interpolation: { escapeValue: false },
  });
  return instance.t;
};

const waiting = {
  baseEtag: '"1"',
  state: 'conflict',
  current: null,
  reason: null,
  version: 1,
  createdAt: '2026-11-22T08:00:00Z',
} as const;

const designation: OutboxRow = {
  ...waiting,
  entity: 'designation',
  op: 'put',
  key: 'frankingLicence/65602908',
  payload: { kind: 'frankingLicence', key: '65602908', text: 'Mailroom Bern' },
};

const assignment: OutboxRow = {
  ...waiting,
  entity: 'assignment',
  op: 'put',
  key: 'service/PP-A',
  payload: {
    kind: 'service',
    key: 'PP-A',
    splits: [
      { costCenterCode: '4711', percent: 60 },
      { costCenterCode: '4712', percent: 40 },
    ],
  },
};

describe('an outbox row in the clerk’s words', () => {
  it('names a designation by its kind and number, never by the outbox key', async () => {
    expect(describeSubject(designation, await translator('en'))).toBe('Franking licence 65602908');
    expect(describeSubject(designation, await translator('de'))).not.toContain('frankingLicence');
  });

  it('reads assignments as cost centres with their shares', async () => {
    const t = await translator('de');
    expect(describeSubject(assignment, t)).toBe('Kostenstellen von Leistung PP-A');
    expect(describeValue('assignment', assignment.payload, t, 'de')).toBe('4711 60%, 4712 40%');
  });

  it('reads an assignment’s period beside its shares, so an overlap the operator refused can be seen', async () => {
    const dated = { ...assignment.payload, validFrom: '2026-06-01', validTo: null };
    expect(describeValue('assignment', dated, await translator('de'), 'de')).toBe(
      '4711 60%, 4712 40% · ab 01.06.2026',
    );
    expect(
      describeValue('assignment', { ...dated, validTo: '2026-08-31' }, await translator('en'), 'en'),
    ).toBe('4711 60%, 4712 40% · 01.06.2026 – 31.08.2026');
  });

  it('names a cost-centre change by its code and shows every field the clerk can change, in each language', async () => {
    const row: OutboxRow = {
      ...waiting,
      entity: 'costCenter',
      op: 'put',
      key: 'KST-4711',
      payload: {
        name: 'Versand',
        owner: 'Zoë Keller',
        active: false,
        objectType: 'costCenter',
        monthlyBudget: '1250.50',
      },
    };
    const subjects = { en: 'Cost centre', de: 'Kostenstelle', fr: 'Centre de coûts', it: 'Centro di costo' };
    const inactive = { en: 'Inactive', de: 'Inaktiv', fr: 'Inactif', it: 'Inattivo' };
    for (const language of languages) {
      const t = await translator(language);
      expect(describeSubject(row, t)).toBe(`${subjects[language]} KST-4711`);
      expect(describeValue('costCenter', row.payload, t, language)).toMatch(
        new RegExp(`^Versand · Zoë Keller · .*1.250[.,]50.* · ${inactive[language]}$`),
      );
    }
    // Another user's version that only moved the budget reads differently from mine.
    const t = await translator('en');
    expect(describeValue('costCenter', { ...row.payload, monthlyBudget: '900.00' }, t, 'en')).not.toBe(
      describeValue('costCenter', row.payload, t, 'en'),
    );
    expect(describeValue('costCenter', { name: 'Empfang', active: true, monthlyBudget: null }, t, 'en')).toBe(
      'Empfang',
    );
  });

  it('reads preferences as words, not JSON', async () => {
    const t = await translator('en');
    const text = describeValue(
      'preferences',
      {
        notifications: { newDocuments: true, paymentReminders: false, emails: [] },
        paper: { invoiceByPost: true, detailedStatementByPost: false },
      },
      t,
      'en',
    );
    expect(text).toBe('invoice by post, e-mail on new documents');
  });

  it('translates the operator’s refusal from its code', async () => {
    const t = await translator('fr');
    expect(describeRejection('api.badRequest', t)).toBe(
      'la modification ne respecte pas les règles de l’opérateur',
    );
    expect(describeRejection('api.teapot', t)).toBe('l’opérateur n’a donné aucune raison exploitable');
  });
});
