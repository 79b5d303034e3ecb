/**
 * Calendar arithmetic on UTC day numbers (days since 1970-01-01) and month indexes
 * (year * 12 + month - 1). Integers keep the generator fast and free of time-zone surprises.
 */

export type DayNumber = number;
export type MonthIndex = number;

export const MS_PER_DAY = 86_400_000;

export const dayOf = (ms: number): DayNumber => Math.floor(ms / MS_PER_DAY);

export const dayFromIso = (iso: string): DayNumber => dayOf(Date.parse(`${iso}T00:00:00Z`));

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const isoCache = new Map<DayNumber, string>();

export const isoDate = (day: DayNumber): string => {
  const cached = isoCache.get(day);
  if (cached !== undefined) return cached;
  const date = new Date(day * MS_PER_DAY);
  const iso = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  isoCache.set(day, iso);
  return iso;
};

/** RFC 3339 UTC without fractions, "2026-03-31T08:15:00Z". */
export const isoInstant = (ms: number): string =>
  `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;

/** "31.03.2026", the way Swiss invoices print dates. */
export const swissDate = (day: DayNumber): string => {
  const iso = isoDate(day);
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
};

export const monthOfDay = (day: DayNumber): MonthIndex => {
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

export const yearOfMonth = (month: MonthIndex): number => Math.floor(month / 12);

export const firstDayOfMonth = (month: MonthIndex): DayNumber =>
  dayOf(Date.UTC(Math.floor(month / 12), month % 12, 1));

export const lastDayOfMonth = (month: MonthIndex): DayNumber => firstDayOfMonth(month + 1) - 1;

export const monthIndex = (year: number, month1to12: number): MonthIndex => year * 12 + month1to12 - 1;

/** 0 = Sunday ... 6 = Saturday. */
export const weekday = (day: DayNumber): number => (day + 4) % 7;

export const isBusinessDay = (day: DayNumber): boolean => {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
};

/** The n-th business day (1-based) on or after the given day. */
export const nthBusinessDayFrom = (day: DayNumber, n: number): DayNumber => {
  let current = day;
  let seen = isBusinessDay(current) ? 1 : 0;
  while (seen < n) {
    current += 1;
    if (isBusinessDay(current)) seen += 1;
  }
  return current;
};

export const businessDaysOfMonth = (month: MonthIndex): DayNumber[] => {
  const days: DayNumber[] = [];
  for (let day = firstDayOfMonth(month); day <= lastDayOfMonth(month); day++) {
    if (isBusinessDay(day)) days.push(day);
  }
  return days;
};

/** The same calendar day `months` months earlier, clamped to the month's last day (31 Aug - 6 -> 28/29 Feb). */
export const subtractMonths = (day: DayNumber, months: number): DayNumber => {
  const date = new Date(day * MS_PER_DAY);
  const targetMonth = date.getUTCFullYear() * 12 + date.getUTCMonth() - months;
  const lastDay = lastDayOfMonth(targetMonth);
  const candidate = firstDayOfMonth(targetMonth) + date.getUTCDate() - 1;
  return Math.min(candidate, lastDay);
};
