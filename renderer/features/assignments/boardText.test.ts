import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CostCenter } from '../../../shared/api/schemas';
import { catalogues } from '../../../shared/i18n/catalogues';
import { languages } from '../../../shared/i18n/languages';
import { assignmentFixture } from '../../../shared/testing/assignmentFixture';
import { changeLabelText, keyAssignmentText } from './boardText';

const translator = async (lng: string): Promise<TFunction> => {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: Object.fromEntries(languages.map((code) => [code, { translation: catalogues[code] }])),
    interpolation: { escapeValue: false },
  });
  return instance.t;
};

const centre = (code: string, name: string): CostCenter => ({
  code,
  name,
  active: true,
  objectType: 'costCenter',
  owner: null,
  monthlyBudget: null,
  etag: '"1"',
  updatedAt: '2026-11-01T08:00:00Z',
});
const centers = new Map([
  ['2100', centre('2100', 'Marketing')],
  ['3300', centre('3300', 'Logistique')],
]);

describe('the board in words', () => {
  it('says a key has no assignment, its one assignment with the period, or how many periods and today’s', async () => {
    const t = await translator('en');
    expect(keyAssignmentText(t, 'en', { assignments: [], current: undefined }, centers)).toBe('Not assigned');
    const one = assignmentFixture({ validFrom: '2026-03-15' });
    expect(keyAssignmentText(t, 'en', { assignments: [one], current: one }, centers)).toBe(
      '2100 Marketing 100 % · from 15.03.2026',
    );
    const later = assignmentFixture({
      id: 'a-2',
      validFrom: '2026-06-01',
      splits: [
        { costCenterCode: '2100', percent: 70 },
        { costCenterCode: '3300', percent: 30 },
      ],
    });
    const earlier = assignmentFixture({ id: 'a-1', validTo: '2026-05-31' });
    expect(keyAssignmentText(t, 'en', { assignments: [earlier, later], current: later }, centers)).toBe(
      '2 periods; today: 2100 Marketing 70 %, 3300 Logistique 30 %',
    );
    expect(keyAssignmentText(t, 'en', { assignments: [earlier, later], current: undefined }, centers)).toBe(
      '2 periods, none today',
    );
  });

  it('names each batch for the undo and redo buttons, in every language', async () => {
    for (const language of languages) {
      const t = await translator(language);
      const text = changeLabelText(t, { action: 'assign', count: 3, costCenterCode: '2100' }, centers);
      expect(text).toContain('3');
      expect(text).toContain('2100 Marketing');
      expect(
        changeLabelText(t, { action: 'split', kind: 'invoiceReference', key: 'R-7' }, centers),
      ).toContain('R-7');
    }
    const t = await translator('de');
    expect(changeLabelText(t, { action: 'assign', count: 1, costCenterCode: '2100' }, centers)).toBe(
      '1 Schlüssel 2100 Marketing zuordnen',
    );
  });
});
