import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { buildNames } from '../../../shared/designations/names';
import { catalogues } from '../../../shared/i18n/catalogues';
import { languages, type Language } from '../../../shared/i18n/languages';
import { lineReason, type LineReason } from '../../../shared/lines/lineReason';
import { assignmentFixture } from '../../../shared/testing/assignmentFixture';
import { partsText, reasonText } from './reasonText';

const translator = async (lng: Language): Promise<TFunction> => {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: Object.fromEntries(languages.map((code) => [code, { translation: catalogues[code] }])),
    interpolation: { escapeValue: false },
  });
  return instance.t;
};

const names = (language: Language) =>
  buildNames(
    [
      {
        code: 'PP-PRI',
        names: {
          de: 'PostPac Priority',
          fr: 'PostPac Priority',
          it: 'PostPac Priority',
          en: 'PostPac Priority',
        },
      },
    ],
    [{ kind: 'frankingLicence', key: '60012345', text: 'Bern mail room' }],
    language,
  );

const line = {
  frankingLicence: '60012345',
  invoiceReference: '10000001',
  serviceCode: 'PP-PRI',
  serviceDate: '2026-03-14',
};
const split = lineReason(
  line,
  assignmentFixture({
    id: 'lic',
    kind: 'frankingLicence',
    key: '60012345',
    splits: [
      { costCenterCode: '2100', percent: 70 },
      { costCenterCode: '3100', percent: 30 },
    ],
    validFrom: '2026-03-01',
  }),
);
const reference = lineReason(
  line,
  assignmentFixture({
    id: 'ref',
    kind: 'invoiceReference',
    key: '10000001',
    validFrom: '2026-01-01',
    validTo: '2026-03-31',
  }),
);
const service = lineReason(line, assignmentFixture({ id: 'svc' }));
const none = lineReason(line, undefined);

describe('lineReason', () => {
  it('names the kind, key, assignment, split and validity of the winner, or the keys nothing matched', () => {
    expect(split).toEqual({
      kind: 'charged',
      by: 'frankingLicence',
      key: '60012345',
      assignmentId: 'lic',
      percents: [70, 30],
      validFrom: '2026-03-01',
      validTo: null,
    } satisfies LineReason);
    expect(none).toEqual({ kind: 'notCharged', ...line });
  });
});

describe('reasonText', () => {
  it('says why in English, with the designation, the share and the validity in the Swiss form', async () => {
    const t = await translator('en');
    const n = names('en');
    expect(reasonText(split, t, 'en', n, 70)).toBe(
      'Licence 60012345 (Bern mail room), 70% of the split, valid from 01.03.2026',
    );
    expect(reasonText(split, t, 'en', n)).toBe(
      'Licence 60012345 (Bern mail room), split 70% · 30%, valid from 01.03.2026',
    );
    expect(reasonText(reference, t, 'en', n)).toBe('Reference 10000001, 100%, valid 01.01.2026–31.03.2026');
    expect(reasonText(service, t, 'en', n)).toBe('Service PP-PRI (PostPac Priority), 100%, no time limit');
    expect(reasonText(none, t, 'en', n)).toBe(
      'Not charged: no assignment matches licence 60012345, reference 10000001 or service PP-PRI on 14.03.2026',
    );
  });

  it('says it in every language without a key or a placeholder left on screen', async () => {
    for (const language of languages) {
      const t = await translator(language);
      for (const reason of [split, reference, service, none]) {
        const text = reasonText(reason, t, language, names(language), 70);
        expect(text).not.toMatch(/lines\.|\{\{|\}\}|undefined/);
      }
    }
    const de = await translator('de');
    expect(reasonText(split, de, 'de', names('de'), 30)).toBe(
      'Lizenz 60012345 (Bern mail room), 30% der Aufteilung, gültig ab 01.03.2026',
    );
  });

  it('writes the parts as the column shows them', async () => {
    const t = await translator('de');
    const part = (costCenterCode: string | null, percent: number) => ({
      costCenterCode,
      percent,
      netCentimes: 0,
      vatCentimes: 0,
    });
    expect(partsText([part('2100', 70), part('3100', 30)], t, 'de')).toBe('2100 70% · 3100 30%');
    expect(partsText([part('2100', 100)], t, 'de')).toBe('2100');
    expect(partsText([part(null, 100)], t, 'de')).toBe('nicht belastet');
  });
});
