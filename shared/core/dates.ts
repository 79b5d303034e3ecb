/** ISO calendar dates as whole days since 1970-01-01: compact, sortable, and cheap to compare. */
const MS_PER_DAY = 86_400_000;

export const isoToDay = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;

export const dayToIso = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** "2026-03" for a day number. */
export const dayToMonth = (day: number): string => dayToIso(day).slice(0, 7);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const daysInMonth = (year: number, monthIndex: number): number =>
  new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

const parseIso = (iso: string): [number, number, number] => {
  const match = ISO_DATE.exec(iso);
  if (match === null) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(iso)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};

/** The same calendar day `months` later (negative: earlier), clamped to the target month's last day. */
export const addMonthsClamped = (iso: string, months: number): string => {
  const [isoYear, isoMonth, isoDay] = parseIso(iso);
  const total = isoYear * 12 + isoMonth - 1 + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  const day = Math.min(isoDay, daysInMonth(year, monthIndex));
  return `${pad(year, 4)}-${pad(monthIndex + 1, 2)}-${pad(day, 2)}`;
};

/** The same calendar day `months` months earlier, clamped to the month's end (Aug 31 - 6 months = Feb 28). */
export const subtractMonths = (iso: string, months: number): string => addMonthsClamped(iso, -months);

export const addDays = (iso: string, days: number): string => {
  const [year, month, day] = parseIso(iso);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
};
