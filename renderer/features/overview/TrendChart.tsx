import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatChf, formatMonth } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import type { MonthCost } from '../../../shared/invoices/overview';
import { chartCursor, chartTooltipBox, francsAxis, monthAxis } from '../../ui/chartTheme';

interface TrendChartProps {
  months: readonly MonthCost[];
  language: Language;
  label: string;
}

interface Bucket {
  month: string;
  centimes: number;
}

const bucketOf = (payload: unknown): Bucket | null =>
  typeof payload === 'object' &&
  payload !== null &&
  'month' in payload &&
  typeof payload.month === 'string' &&
  'centimes' in payload &&
  typeof payload.centimes === 'number'
    ? { month: payload.month, centimes: payload.centimes }
    : null;

/**
 * Twelve bars of gross cost. The same figures are in a table beside it, which is what screen readers
 * and the keyboard use: the chart is one named image and no Tab stop (recharts' accessibility layer
 * would make it an unnamed, focusable application).
 */
export const TrendChart = ({ months, language, label }: TrendChartProps) => {
  const { t } = useTranslation();
  // Heights in integer centimes: the axis and the tooltip format them exactly.
  const data = months.map((month) => ({ month: month.month, centimes: month.grossCentimes }));
  return (
    <div role="img" aria-label={label} className="trend-chart">
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <XAxis dataKey="month" {...monthAxis(language)} />
          <YAxis {...francsAxis(language)} />
          <Tooltip
            cursor={chartCursor}
            isAnimationActive={false}
            content={({ active, payload }) => {
              const bucket = active ? bucketOf(payload[0]?.payload) : null;
              if (!bucket) return null;
              return (
                <div style={chartTooltipBox}>
                  <strong>{formatMonth(bucket.month, language, 'long')}</strong>
                  <br />
                  {t('overview.gross')} {formatChf(bucket.centimes, language)}
                </div>
              );
            }}
          />
          <Bar dataKey="centimes" fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
