import { formatCompactFrancs, formatMonth } from '../../shared/core/format';
import type { Language } from '../../shared/i18n/languages';

/**
 * What every recharts chart shares: theme colours (so labels keep 4.5:1 and the tooltip its
 * contrast in light and dark alike) and the month and franc axes in the clerk's language.
 */
export const chartTick = { fontSize: 11, fill: 'var(--muted)' };
export const chartAxisLine = { stroke: 'var(--border)' };
export const chartTooltipBox = {
  background: 'var(--surface)',
  color: 'var(--text)',
  border: '1px solid var(--border)',
  borderRadius: 4,
  padding: '4px 8px',
  fontSize: 12,
};
export const chartCursor = { fill: 'var(--border)', fillOpacity: 0.5 };

/** Props of an x axis of months (YYYY-MM keys). */
export const monthAxis = (language: Language) => ({
  tick: chartTick,
  axisLine: chartAxisLine,
  tickLine: chartAxisLine,
  tickFormatter: (month: string) => formatMonth(month, language),
});

/** Props of a y axis of amounts in centimes, shown as compact francs. */
export const francsAxis = (language: Language) => ({
  tick: chartTick,
  axisLine: chartAxisLine,
  tickLine: chartAxisLine,
  width: 70,
  tickFormatter: (centimes: number) => formatCompactFrancs(centimes, language),
});
