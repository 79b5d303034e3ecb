import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatChf } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import type { MonthCost } from '../../../shared/invoices/overview';

interface TrendChartProps {
  months: readonly MonthCost[];
  language: Language;
  label: string;
}

const monthLabel = (month: string, language: Language) =>
  new Intl.DateTimeFormat(language, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

const centimesOf = (payload: unknown): number =>
  typeof payload === 'object' &&
  payload !== null &&
  'centimes' in payload &&
  typeof payload.centimes === 'number'
    ? payload.centimes
    : 0;

/** Twelve bars of gross cost; the same figures are in a table beside it for screen readers. */
export const TrendChart = ({ months, language, label }: TrendChartProps) => {
  // Chart heights only: the exact amounts stay in centimes for the tooltip.
  const data = months.map((month) => ({
    month: monthLabel(month.month, language),
    gross: month.grossCentimes / 100,
    centimes: month.grossCentimes,
  }));
  return (
    <div role="img" aria-label={label} className="trend-chart">
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <XAxis dataKey="month" fontSize={11} />
          <YAxis
            fontSize={11}
            width={70}
            tickFormatter={(value: number) =>
              new Intl.NumberFormat(language, { notation: 'compact' }).format(value)
            }
          />
          <Tooltip formatter={(_value, _name, item) => formatChf(centimesOf(item.payload), language)} />
          <Bar dataKey="gross" fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
