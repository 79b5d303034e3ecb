/**
 * The operator's retention rule (contract, Conventions): an invoice is served while the operator's
 * date is before its issue date plus 18 calendar months, the same day of the month clamped to that
 * month's last day. Issued 2025-05-17: served through 2026-11-16. Issued 2025-08-31: served through
 * 2027-02-27. The simulator and the sync engine both follow this one function.
 */

import { addDays, addMonthsClamped } from '../core/dates';

export const RETENTION_MONTHS = 18;

/** The first operator date on which the invoice is no longer served. */
export const retentionEnds = (issueDate: string, months = RETENTION_MONTHS): string =>
  addMonthsClamped(issueDate, months);

/** Whether the operator still serves an invoice issued on `issueDate` on `operatorDate`. */
export const isServed = (issueDate: string, operatorDate: string, months = RETENTION_MONTHS): boolean =>
  operatorDate < retentionEnds(issueDate, months);

/**
 * Every issue date before the returned one has left the window on `operatorDate`; every issue date
 * on or after it up to `operatorDate` is still served. Clamping makes the rule monotonic in the issue
 * date, so one cut-off exists: the day after the latest issue date whose window has ended.
 */
export const firstServedIssueDate = (operatorDate: string, months = RETENTION_MONTHS): string => {
  // Candidates lie within a few days of the naive subtraction; step until the rule flips.
  let candidate = addMonthsClamped(operatorDate, -months);
  while (isServed(candidate, operatorDate, months)) candidate = addDays(candidate, -1);
  while (!isServed(candidate, operatorDate, months)) candidate = addDays(candidate, 1);
  return candidate;
};
