import type { Invoice } from '../api/schemas';
import type { LinesState } from './reconcile';
import type { MonthCost } from './overview';

/** The calendar days a run of months covers, first to last, as the line explorer's from/to. */
export const monthsPeriod = (months: readonly MonthCost[]): { from: string; to: string } | null => {
  const first = months[0]?.month;
  const last = months.at(-1)?.month;
  if (first === undefined || last === undefined) return null;
  const [year = 0, month = 1] = last.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from: `${first}-01`, to: lastDay };
};

const monthsBetween = (start: string, end: string): string[] => {
  const out: string[] = [];
  let [year = 0, month = 1] = start.slice(0, 7).split('-').map(Number);
  const last = end.slice(0, 7);
  // A period longer than a few years is damaged data: it must not hang the overview.
  for (let i = 0; i < 60; i += 1) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    out.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
};

export interface ArchiveInvoice extends Pick<Invoice, 'periodStart' | 'periodEnd'> {
  linesState: LinesState;
}

/**
 * Months whose sum may still change because lines of theirs are still to come: every month, until
 * the invoice list has been read to its end once (any invoice may yet arrive); afterwards the months
 * of the periods of invoices whose lines are not all stored. During a first sync credit notes can
 * arrive before the invoices they correct, so such a month can even look negative.
 */
export const incompleteMonths = (
  invoices: readonly ArchiveInvoice[],
  months: readonly string[],
  feedReadOnce: boolean,
): Set<string> => {
  if (!feedReadOnce) return new Set(months);
  const wanted = new Set(months);
  const out = new Set<string>();
  for (const invoice of invoices) {
    if (invoice.linesState !== 'pending' && invoice.linesState !== 'partial') continue;
    for (const month of monthsBetween(invoice.periodStart, invoice.periodEnd))
      if (wanted.has(month)) out.add(month);
  }
  return out;
};

/**
 * "New since your last visit": received after that visit, and after the archive's first load, which
 * brings every invoice at once and is no news. Nothing is new before that first load is complete.
 */
export const newSinceVisit = <T extends Pick<Invoice, 'issueDate'> & { receivedAt: string }>(
  invoices: readonly T[],
  previousVisit: string | null,
  firstLoadedAt: string | null,
): T[] => {
  if (previousVisit === null || firstLoadedAt === null) return [];
  const since = previousVisit > firstLoadedAt ? previousVisit : firstLoadedAt;
  return invoices
    .filter((invoice) => invoice.receivedAt > since)
    .sort((a, b) => (a.issueDate < b.issueDate ? 1 : a.issueDate > b.issueDate ? -1 : 0));
};
