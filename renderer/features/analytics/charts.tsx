import {
  Bar,
  BarChart,
  ComposedChart,
  Line,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { formatChf, formatCompactFrancs, formatMonth } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import { stackedAxisFloor } from '../../../shared/analytics/axisFloor';
import {
  chartAxisLine,
  chartCursor,
  chartTick,
  chartTooltipBox,
  francsAxis,
  monthAxis,
} from '../../ui/chartTheme';
import { navigate } from '../../app/router/navigate';

/** A series of a chart: its name on screen, its colour, and where the lines of each of its figures are. */
export interface Series {
  key: string;
  label: string;
  colour: string;
}

const SERIES_COUNT = 10;
export const seriesColour = (position: number): string => `var(--series-${position % SERIES_COUNT})`;
export const UNASSIGNED_COLOUR = 'var(--series-none)';
export const PREVIOUS_COLOUR = 'var(--series-previous)';

const TooltipBox = ({
  title,
  entries,
}: {
  title: string;
  entries: ReadonlyArray<{ label: string; value: string; colour: string }>;
}) => (
  <div style={chartTooltipBox}>
    <strong>{title}</strong>
    {entries.map((entry) => (
      <div key={entry.label}>
        <span style={{ color: entry.colour }} aria-hidden="true">
          ■{' '}
        </span>
        {entry.label}: {entry.value}
      </div>
    ))}
  </div>
);

const numberOf = (value: unknown): number => (typeof value === 'number' ? value : 0);

const follow = (href: string | undefined) => {
  if (href) navigate(href);
};

export interface MonthlyStackProps {
  months: readonly string[];
  series: readonly Series[];
  /** values[series][month] in centimes. */
  values: readonly (readonly number[])[];
  /** Each month's total a year earlier, when the page compares. */
  previous: readonly number[] | null;
  previousLabel: string;
  hrefOf: (series: number, month: number) => string;
  language: Language;
}

const MONTHLY_HEIGHT = 280;

/** Cost per month, stacked by cost centre (unassigned its own series); a year earlier as a line. */
export const MonthlyStack = ({
  months,
  series,
  values,
  previous,
  previousLabel,
  hrefOf,
  language,
}: MonthlyStackProps) => {
  const data = months.map((month, m) => {
    const point: Record<string, number | string> = { month };
    series.forEach((_, s) => {
      point[`s${s}`] = values[s]?.[m] ?? 0;
    });
    if (previous) point.previous = previous[m] ?? 0;
    return point;
  });
  const floor = stackedAxisFloor(values, previous);
  return (
    <ResponsiveContainer width="100%" height={MONTHLY_HEIGHT}>
      <ComposedChart
        data={data}
        stackOffset="sign"
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, left: 8 }}
      >
        <XAxis dataKey="month" {...monthAxis(language)} />
        <YAxis {...francsAxis(language)} domain={[floor, 'auto']} allowDataOverflow={floor === 0} />
        <Tooltip
          cursor={chartCursor}
          isAnimationActive={false}
          content={({ active, payload, label }) =>
            active && typeof label === 'string' ? (
              <TooltipBox
                title={formatMonth(label, language, 'long')}
                entries={[
                  ...series
                    .map((entry, s) => ({
                      label: entry.label,
                      value: numberOf(payload.find((item) => item.dataKey === `s${s}`)?.value),
                      colour: entry.colour,
                    }))
                    .filter((entry) => entry.value !== 0)
                    .map((entry) => ({ ...entry, value: formatChf(entry.value, language) })),
                  ...(previous
                    ? [
                        {
                          label: previousLabel,
                          value: formatChf(
                            numberOf(payload.find((item) => item.dataKey === 'previous')?.value),
                            language,
                          ),
                          colour: PREVIOUS_COLOUR,
                        },
                      ]
                    : []),
                ]}
              />
            ) : null
          }
        />
        {series.map((entry, s) => (
          <Bar
            key={entry.key}
            dataKey={`s${s}`}
            name={entry.label}
            stackId="cost"
            fill={entry.colour}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_, m) => follow(hrefOf(s, m))}
          />
        ))}
        {previous && (
          <Line
            dataKey="previous"
            name={previousLabel}
            stroke={PREVIOUS_COLOUR}
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
};

export interface ShareBarsProps {
  items: ReadonlyArray<{
    key: string;
    label: string;
    colour: string;
    centimes: number;
    href: string;
    previousCentimes: number | null;
    previousHref: string | null;
  }>;
  currentLabel: string;
  previousLabel: string;
  language: Language;
}

/** Each cost centre's or category's cost over the period as a bar; a year earlier beside it. */
export const ShareBars = ({ items, currentLabel, previousLabel, language }: ShareBarsProps) => {
  const comparing = items.some((item) => item.previousCentimes !== null);
  const data = items.map((item) => ({
    label: item.label,
    current: item.centimes,
    previous: item.previousCentimes ?? 0,
  }));
  const rowHeight = comparing ? 34 : 24;
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, items.length * rowHeight + 40)}>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 4, right: 16, left: 8 }}
      >
        <XAxis
          type="number"
          tick={chartTick}
          axisLine={chartAxisLine}
          tickLine={chartAxisLine}
          tickFormatter={(centimes: number) => formatCompactFrancs(centimes, language)}
        />
        <YAxis
          type="category"
          dataKey="label"
          tick={chartTick}
          axisLine={chartAxisLine}
          tickLine={chartAxisLine}
          width={200}
          tickFormatter={(label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label)}
        />
        <Tooltip
          cursor={chartCursor}
          isAnimationActive={false}
          content={({ active, payload, label }) =>
            active && typeof label === 'string' ? (
              <TooltipBox
                title={label}
                entries={[
                  {
                    label: currentLabel,
                    value: formatChf(
                      numberOf(payload.find((item) => item.dataKey === 'current')?.value),
                      language,
                    ),
                    colour: 'var(--accent)',
                  },
                  ...(comparing
                    ? [
                        {
                          label: previousLabel,
                          value: formatChf(
                            numberOf(payload.find((item) => item.dataKey === 'previous')?.value),
                            language,
                          ),
                          colour: PREVIOUS_COLOUR,
                        },
                      ]
                    : []),
                ]}
              />
            ) : null
          }
        />
        <Bar
          dataKey="current"
          name={currentLabel}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, i) => follow(items[i]?.href)}
          shape={(props: BarShapeProps) => <Rectangle {...props} fill={items[props.index]?.colour} />}
        />
        {comparing && (
          <Bar
            dataKey="previous"
            name={previousLabel}
            fill={PREVIOUS_COLOUR}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_, i) => follow(items[i]?.previousHref ?? undefined)}
          />
        )}
      </BarChart>
    </ResponsiveContainer>
  );
};

export interface TrendBarsProps {
  points: ReadonlyArray<{
    month: string;
    centimes: number;
    previousCentimes: number;
    href: string;
    previousHref: string;
  }>;
  currentLabel: string;
  previousLabel: string;
  colour: string;
  language: Language;
}

/** One cost centre month by month, each month beside the same month a year earlier. */
export const TrendBars = ({ points, currentLabel, previousLabel, colour, language }: TrendBarsProps) => (
  <ResponsiveContainer width="100%" height={240}>
    <BarChart
      data={points.map((point) => ({
        month: point.month,
        current: point.centimes,
        previous: point.previousCentimes,
      }))}
      accessibilityLayer={false}
      margin={{ top: 8, right: 8, left: 8 }}
    >
      <XAxis dataKey="month" {...monthAxis(language)} />
      <YAxis {...francsAxis(language)} />
      <Tooltip
        cursor={chartCursor}
        isAnimationActive={false}
        content={({ active, payload, label }) =>
          active && typeof label === 'string' ? (
            <TooltipBox
              title={formatMonth(label, language, 'long')}
              entries={[
                {
                  label: currentLabel,
                  value: formatChf(
                    numberOf(payload.find((item) => item.dataKey === 'current')?.value),
                    language,
                  ),
                  colour,
                },
                {
                  label: previousLabel,
                  value: formatChf(
                    numberOf(payload.find((item) => item.dataKey === 'previous')?.value),
                    language,
                  ),
                  colour: PREVIOUS_COLOUR,
                },
              ]}
            />
          ) : null
        }
      />
      <Bar
        dataKey="previous"
        name={previousLabel}
        fill={PREVIOUS_COLOUR}
        isAnimationActive={false}
        cursor="pointer"
        onClick={(_, i) => follow(points[i]?.previousHref)}
      />
      <Bar
        dataKey="current"
        name={currentLabel}
        fill={colour}
        isAnimationActive={false}
        cursor="pointer"
        onClick={(_, i) => follow(points[i]?.href)}
      />
    </BarChart>
  </ResponsiveContainer>
);
