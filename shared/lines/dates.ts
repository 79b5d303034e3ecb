/** ISO calendar dates as whole days since 1970-01-01: compact, sortable, and cheap to compare. */
const MS_PER_DAY = 86_400_000;

export const isoToDay = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;

export const dayToIso = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** "2026-03" for a day number. */
export const dayToMonth = (day: number): string => dayToIso(day).slice(0, 7);

/** The same calendar day `months` months earlier, clamped to the month's end (Aug 31 - 6 months = Feb 28). */
export const subtractMonths = (iso: string, months: number): string => {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1 - months;
  const day = Number(iso.slice(8, 10));
  const target = new Date(Date.UTC(year, month, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
};
