import type { TFunction } from 'i18next';
import { formatMonth } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import type { InvoiceDeskDatabase } from '../../db/database';
import { claimBudgetNotices } from './edits';
import { centerLabel, usedText } from './wording';

/** Alerts named one by one in a notification; the rest are counted. */
const NAMED = 3;

export interface BudgetNotifyDeps {
  db: InvoiceDeskDatabase;
  /** Whether the clerk allows it (Settings), asked after each sync: the choice may have changed. */
  allowed: () => boolean;
  notify: (title: string, body: string) => Promise<boolean>;
  t: TFunction;
  language: () => Language;
  now: () => Date;
}

/**
 * After a sync: one desktop notification for the budget alerts no notification has told yet (each
 * cost centre, threshold and month once). Nothing is claimed while notifications are off, so turning
 * them on later still tells the current month's alerts.
 */
export const notifyBudgetAlerts = async (deps: BudgetNotifyDeps): Promise<number> => {
  if (!deps.allowed()) return 0;
  const fresh = await claimBudgetNotices(deps.db, deps.now());
  if (fresh.length === 0) return 0;
  const language = deps.language();
  const lines = fresh.slice(0, NAMED).map((alert) =>
    deps.t('alerts.budgets.notifyLine', {
      center: centerLabel(alert.code, alert.name),
      used: usedText(alert.figure, language) ?? deps.t('alerts.status.over'),
      month: formatMonth(alert.month, language, 'long'),
    }),
  );
  if (fresh.length > NAMED) lines.push(deps.t('alerts.budgets.notifyMore', { count: fresh.length - NAMED }));
  await deps.notify(deps.t('alerts.budgets.notifyTitle', { count: fresh.length }), lines.join('\n'));
  return fresh.length;
};
