import type { TFunction } from 'i18next';
import type { BudgetAlert, BudgetFigure, BudgetLevel } from '../../../shared/analytics/budgets';
import { formatChf, formatMonth, formatPercent } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';

/** A cost centre as the clerk knows it: its code and name. */
export const centerLabel = (code: string, name: string): string => (name ? `${code} ${name}` : code);

/**
 * The share used, rounded down to a tenth of a percent: 79.96 % reads "79.9 %", never "80 %" beside a
 * status that (rightly) says the 80 % were not reached.
 */
export const usedText = (figure: BudgetFigure, language: Language): string | null =>
  figure.usedRatio === null ? null : formatPercent(Math.floor(figure.usedRatio * 1000) / 1000, language);

export const STATUS_KEYS = {
  ok: 'alerts.status.ok',
  warning: 'alerts.status.warning',
  over: 'alerts.status.over',
} as const satisfies Record<BudgetLevel, string>;

/** A shape beside the words, so the status never rests on colour alone. */
export const STATUS_ICONS: Record<BudgetLevel, string> = { ok: '✓', warning: '▲', over: '●' };

export const alertText = (alert: BudgetAlert, t: TFunction, language: Language): string => {
  const values = {
    center: centerLabel(alert.code, alert.name),
    month: formatMonth(alert.month, language, 'long'),
    actual: formatChf(alert.figure.actualCentimes, language),
    budget: formatChf(alert.figure.budgetCentimes, language),
  };
  const used = usedText(alert.figure, language);
  return used === null
    ? t('alerts.budgets.alertZero', values)
    : t('alerts.budgets.alert', { ...values, used });
};
