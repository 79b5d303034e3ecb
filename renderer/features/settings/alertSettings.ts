import { DEFAULT_THRESHOLDS, type AnomalyThresholds } from '../../../shared/analytics/thresholds';
import { isMoney, parseMoney, formatMoney } from '../../../shared/core/money';
import { readProfileSetting, writeProfileSetting } from './localSettings';

/**
 * The alert choices of one customer's archive (kept per profile, like the sync interval): whether a
 * sync may raise a desktop notification for a budget alert, and the thresholds of a rise anomaly.
 */
const NOTIFY_BUDGET_KEY = 'invoice-desk.notify-budget-alerts';
const ANOMALY_PERCENT_KEY = 'invoice-desk.anomaly-percent';
const ANOMALY_AMOUNT_KEY = 'invoice-desk.anomaly-amount';

/** Percent thresholds a clerk may set: a whole number; 0 lets the amount alone decide. */
export const MAX_ANOMALY_PERCENT = 1000;

/** Off unless the clerk turned it on: a notification is a choice, not a default. */
export const loadNotifyBudgetAlerts = (storage: Storage, profileId: string | null): boolean =>
  readProfileSetting(storage, profileId, NOTIFY_BUDGET_KEY) === 'true';

export const saveNotifyBudgetAlerts = (storage: Storage, profileId: string | null, notify: boolean): void => {
  writeProfileSetting(storage, profileId, NOTIFY_BUDGET_KEY, String(notify));
};

const isPercent = (value: number) => Number.isInteger(value) && value >= 0 && value <= MAX_ANOMALY_PERCENT;

/** The stored thresholds; a value that is missing or was damaged falls back to its default. */
export const loadAnomalyThresholds = (storage: Storage, profileId: string | null): AnomalyThresholds => {
  const percentText = readProfileSetting(storage, profileId, ANOMALY_PERCENT_KEY);
  const percent = percentText === null ? Number.NaN : Number(percentText);
  const amount = readProfileSetting(storage, profileId, ANOMALY_AMOUNT_KEY);
  return {
    percent: isPercent(percent) ? percent : DEFAULT_THRESHOLDS.percent,
    minimumCentimes:
      isMoney(amount) && !amount.startsWith('-') ? parseMoney(amount) : DEFAULT_THRESHOLDS.minimumCentimes,
  };
};

export const saveAnomalyThresholds = (
  storage: Storage,
  profileId: string | null,
  thresholds: AnomalyThresholds,
): void => {
  if (!isPercent(thresholds.percent) || thresholds.minimumCentimes < 0)
    throw new RangeError('Anomaly thresholds out of range');
  writeProfileSetting(storage, profileId, ANOMALY_PERCENT_KEY, String(thresholds.percent));
  writeProfileSetting(storage, profileId, ANOMALY_AMOUNT_KEY, formatMoney(thresholds.minimumCentimes));
};
