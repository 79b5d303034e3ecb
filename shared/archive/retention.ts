import { addDays, addMonthsClamped } from '../core/dates';

/**
 * Art. 958f CO (with the GeBüV): accounting records, invoices among them, are kept for ten years.
 * Counted here from the invoice's issue date, the same day ten years on, clamped to the month's end
 * (issued 29 February 2024: kept until 28 February 2034); the invoice may be deleted from the day
 * after. "Today" is always given: nothing here reads the clock.
 */

export const RETENTION_YEARS = 10;

/** The last day the invoice must still be kept. */
export const keptUntil = (issueDate: string): string => addMonthsClamped(issueDate, RETENTION_YEARS * 12);

/** The first day the invoice may be deleted. */
export const deletableFrom = (issueDate: string): string => addDays(keptUntil(issueDate), 1);

export const isUnderRetention = (issueDate: string, today: string): boolean => today <= keptUntil(issueDate);

export interface RetentionHold {
  /** Invoices that must still be kept on `today`. */
  readonly count: number;
  /** The latest of their keep-until days: nothing of them may go before the day after; null when none. */
  readonly until: string | null;
}

/** What a deletion of these invoices would break on `today`. */
export const retentionHold = (issueDates: Iterable<string>, today: string): RetentionHold => {
  let count = 0;
  let until: string | null = null;
  for (const issueDate of issueDates) {
    if (!isUnderRetention(issueDate, today)) continue;
    count += 1;
    const end = keptUntil(issueDate);
    if (until === null || end > until) until = end;
  }
  return { count, until };
};
