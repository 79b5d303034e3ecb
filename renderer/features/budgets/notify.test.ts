import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import { catalogues } from '../../../shared/i18n/catalogues';
import { languages } from '../../../shared/i18n/languages';
import { InvoiceDeskDatabase } from '../../db/database';
import { notifyBudgetAlerts } from './notify';

const setUp = async () => {
  const db = new InvoiceDeskDatabase('budget-notices', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const center = (code: string, name: string, monthlyBudget: string | null) => ({
    code,
    name,
    owner: null,
    active: true,
    objectType: 'costCenter' as const,
    monthlyBudget,
    etag: 'e',
    updatedAt: '2026-01-01T00:00:00Z',
  });
  await db.costCenters.bulkPut([
    center('4100', 'Customer service', '1000.00'),
    center('2100', 'Marketing', '500.00'),
    center('3300', 'Logistics', null),
  ]);
  const cost = (month: string, costCenterCode: string, netCentimes: number) => ({
    month,
    costCenterCode,
    serviceCode: 'PP-PRI',
    shares: 1,
    netCentimes,
    vatCentimes: 0,
  });
  await db.allocatedRollups.bulkPut([
    cost('2026-09', '4100', 500_000),
    cost('2026-10', '4100', 85_000),
    cost('2026-10', '2100', 10_000),
    cost('2026-10', '3300', 999_999),
    cost('2026-10', UNASSIGNED, 999_999),
    // After "today": not news yet.
    cost('2026-12', '2100', 999_999),
  ]);
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    resources: Object.fromEntries(languages.map((code) => [code, { translation: catalogues[code] }])),
    interpolation: { escapeValue: false },
  });
  const told: Array<{ title: string; body: string }> = [];
  let allowed = true;
  const deps = {
    db,
    allowed: () => allowed,
    notify: (title: string, body: string) => {
      told.push({ title, body });
      return Promise.resolve(true);
    },
    t: instance.t.bind(instance),
    language: () => 'en' as const,
    now: () => new Date('2026-11-22T10:00:00Z'),
  };
  return { db, deps, told, allow: (value: boolean) => (allowed = value), cost };
};

describe('notifyBudgetAlerts', () => {
  it('tells the latest month’s alerts once per cost centre, threshold and month', async () => {
    const { db, deps, told, cost } = await setUp();
    expect(await notifyBudgetAlerts(deps)).toBe(1);
    expect(told).toEqual([
      { title: 'Budget alert', body: '4100 Customer service: 85% of the budget in October 2026' },
    ]);
    // A second sync with the same figures: nothing new to tell.
    expect(await notifyBudgetAlerts(deps)).toBe(0);
    expect(told).toHaveLength(1);
    // Marketing passes its budget and Customer service reaches 100 % in the same month: both are news.
    await db.allocatedRollups.bulkPut([cost('2026-10', '2100', 60_000), cost('2026-10', '4100', 100_000)]);
    expect(await notifyBudgetAlerts(deps)).toBe(2);
    expect(told[1]).toEqual({
      title: '2 budget alerts',
      body: '2100 Marketing: 120% of the budget in October 2026\n4100 Customer service: 100% of the budget in October 2026',
    });
    expect((await db.budgetNotices.toCollection().primaryKeys()).sort()).toEqual([
      '2100|100|2026-10',
      '4100|100|2026-10',
      '4100|80|2026-10',
    ]);
    db.close();
  });

  it('claims nothing while the clerk has not allowed it', async () => {
    const { db, deps, told, allow } = await setUp();
    allow(false);
    expect(await notifyBudgetAlerts(deps)).toBe(0);
    expect(await db.budgetNotices.count()).toBe(0);
    // Turned on later: the month's alert is still told.
    allow(true);
    expect(await notifyBudgetAlerts(deps)).toBe(1);
    expect(told).toHaveLength(1);
    db.close();
  });
});
