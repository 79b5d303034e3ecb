import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../testing/memoryStorage';
import {
  loadAnomalyThresholds,
  loadNotifyBudgetAlerts,
  saveAnomalyThresholds,
  saveNotifyBudgetAlerts,
} from './alertSettings';

describe('alert settings', () => {
  it('keeps budget notifications off until the clerk turns them on, per profile', () => {
    const storage = memoryStorage();
    expect(loadNotifyBudgetAlerts(storage, 'p1')).toBe(false);
    saveNotifyBudgetAlerts(storage, 'p1', true);
    expect(loadNotifyBudgetAlerts(storage, 'p1')).toBe(true);
    expect(loadNotifyBudgetAlerts(storage, 'p2')).toBe(false);
  });

  it('round-trips the anomaly thresholds and falls back to 30 % and CHF 200 on damaged values', () => {
    const storage = memoryStorage();
    expect(loadAnomalyThresholds(storage, 'p1')).toEqual({ percent: 30, minimumCentimes: 20_000 });
    saveAnomalyThresholds(storage, 'p1', { percent: 50, minimumCentimes: 125_050 });
    expect(loadAnomalyThresholds(storage, 'p1')).toEqual({ percent: 50, minimumCentimes: 125_050 });
    storage.setItem('invoice-desk.profile.p1.anomaly-percent', '12.5');
    storage.setItem('invoice-desk.profile.p1.anomaly-amount', '-3.00');
    expect(loadAnomalyThresholds(storage, 'p1')).toEqual({ percent: 30, minimumCentimes: 20_000 });
    expect(() => saveAnomalyThresholds(storage, 'p1', { percent: -1, minimumCentimes: 0 })).toThrow(
      RangeError,
    );
  });
});
