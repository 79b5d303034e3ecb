/**
 * The y axis' floor of a chart stacked by sign (credits below zero, costs above). Nice ticks over
 * [-3'000, 500'000] put a whole 200'000 step below zero, a third of the chart for a sliver of a
 * few pixels: when every month's credits are under 2 % of the highest month, the axis starts at
 * zero instead. The credits stay in the chart's table and tooltip; only their sliver is cut.
 * @param values values[series][month], in centimes.
 * @param previous each month's total a year earlier, drawn as a line, or null.
 */
export const stackedAxisFloor = (
  values: readonly (readonly number[])[],
  previous: readonly number[] | null,
): 0 | 'auto' => {
  const months = Math.max(previous?.length ?? 0, ...values.map((row) => row.length));
  let lowest = 0;
  let highest = 0;
  for (let month = 0; month < months; month += 1) {
    let below = 0;
    let above = 0;
    for (const row of values) {
      const value = row[month] ?? 0;
      if (value < 0) below += value;
      else above += value;
    }
    const earlier = previous?.[month] ?? 0;
    lowest = Math.min(lowest, below, earlier);
    highest = Math.max(highest, above, earlier);
  }
  return -lowest * MAX_HIDDEN_SHARE_INVERSE < highest ? 0 : 'auto';
};

/** 1 / 2 %: integer arithmetic, no rounded ratio. */
const MAX_HIDDEN_SHARE_INVERSE = 50;
