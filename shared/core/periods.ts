/**
 * Period presets a clerk picks instead of typing two dates: always computed from an injected
 * "today" (an ISO calendar day), never from the clock, so the same URL and the same day give the
 * same range everywhere, in tests too.
 */

export const periodPresets = [
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'lastYear',
] as const;
export type PeriodPreset = (typeof periodPresets)[number];

/** Inclusive ISO calendar days. */
export interface PeriodRange {
  from: string;
  to: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The first day of month `monthIndex` (0-based, may run past either end of the year). */
const firstDay = (year: number, monthIndex: number): string => {
  const total = year * 12 + monthIndex;
  const y = Math.floor(total / 12);
  return `${pad(y, 4)}-${pad(total - y * 12 + 1, 2)}-01`;
};

/** The last day of month `monthIndex` (0-based, may run past either end of the year). */
const lastDay = (year: number, monthIndex: number): string => {
  const total = year * 12 + monthIndex;
  const y = Math.floor(total / 12);
  const m = total - y * 12;
  const days = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${pad(y, 4)}-${pad(m + 1, 2)}-${pad(days, 2)}`;
};

/** The inclusive range a preset covers on `today` ("2026-11-30"). */
export const presetRange = (preset: PeriodPreset, today: string): PeriodRange => {
  const match = ISO_DATE.exec(today);
  if (match === null) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(today)}`);
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const quarter = month - (month % 3);
  switch (preset) {
    case 'thisMonth':
      return { from: firstDay(year, month), to: lastDay(year, month) };
    case 'lastMonth':
      return { from: firstDay(year, month - 1), to: lastDay(year, month - 1) };
    case 'thisQuarter':
      return { from: firstDay(year, quarter), to: lastDay(year, quarter + 2) };
    case 'lastQuarter':
      return { from: firstDay(year, quarter - 3), to: lastDay(year, quarter - 1) };
    case 'thisYear':
      return { from: firstDay(year, 0), to: lastDay(year, 11) };
    case 'lastYear':
      return { from: firstDay(year - 1, 0), to: lastDay(year - 1, 11) };
  }
};

/** The preset whose range is exactly from..to on `today`, so the picker can show it as chosen. */
export const presetOf = (
  from: string | null | undefined,
  to: string | null | undefined,
  today: string,
): PeriodPreset | null =>
  periodPresets.find((preset) => {
    const range = presetRange(preset, today);
    return range.from === from && range.to === to;
  }) ?? null;

/** A from-day after the to-day matches nothing: the page says so instead of showing an empty list. */
export const isInverted = (from: string | null | undefined, to: string | null | undefined): boolean =>
  Boolean(from && to && from > to);

/** Today as the clerk's calendar day, from an injected instant (their local time zone). */
export const localIsoDay = (at: Date): string =>
  `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1, 2)}-${pad(at.getDate(), 2)}`;
