/**
 * The invoice ledger: which invoices and credit notes exist, when they were issued, and how their
 * status moves (open, then paid, overdue or cancelled) as the simulated clock passes.
 *
 * Everything is a pure function of the seed, the customer model and the period: an invoice exists
 * independently of when the simulator was started, so clocks that overlap agree on shared invoices.
 * The clock only decides which events have happened yet and what lies inside the 18-month window.
 */
import type { InvoiceStatus, InvoiceType } from '../../shared/api/schemas';
import { firstServedIssueDate, RETENTION_MONTHS } from '../../shared/sync/retention';
import {
  MS_PER_DAY,
  dayOf,
  firstDayOfMonth,
  isBusinessDay,
  lastDayOfMonth,
  monthIndex,
  monthOfDay,
  dayFromIso,
  isoDate,
  nthBusinessDayFrom,
  type DayNumber,
  type MonthIndex,
} from './calendar';
import type { CustomerModel, RrnModel } from './customer';
import { createRng, hash32 } from './prng';
import { qrReference } from './qrReference';

export interface StatusEvent {
  readonly at: number;
  readonly status: InvoiceStatus;
}

export interface Correction {
  readonly original: InvoiceMeta;
  /** the original's lines credited, in order; null when the whole invoice is cancelled */
  readonly lineNos: readonly number[] | null;
}

export interface InvoiceMeta {
  readonly id: string;
  readonly number: string;
  readonly type: InvoiceType;
  readonly rrn: RrnModel;
  readonly period: MonthIndex;
  readonly periodStart: DayNumber;
  readonly periodEnd: DayNumber;
  readonly issueDate: DayNumber;
  readonly dueDate: DayNumber;
  readonly issuedAt: number;
  /** sorted by time; the first is the issue itself */
  readonly events: readonly StatusEvent[];
  /** seeds every line of this invoice */
  readonly seed: number;
  readonly lineCount: number;
  readonly correction: Correction | null;
  readonly qrReference: string | null;
}

export interface InvoiceState {
  readonly meta: InvoiceMeta;
  readonly status: InvoiceStatus;
  readonly revision: number;
  /** time of the latest event that has happened */
  readonly changedAt: number;
}

export interface Ledger {
  /** the invoice with this id, whether or not it has been issued yet; undefined if it never exists */
  byId(id: string): InvoiceMeta | undefined;
  /** issued by `now` and inside the window, ordered by latest change (then id): the feed order */
  feedOrder(now: number): readonly InvoiceState[];
  stateAt(meta: InvoiceMeta, now: number): InvoiceState;
  isIssued(meta: InvoiceMeta, now: number): boolean;
  isInWindow(meta: InvoiceMeta, now: number): boolean;
}

/** The operator keeps invoices for 18 months after their issue date (shared/sync/retention.ts). */
export { RETENTION_MONTHS };
export const PAYMENT_TERM_DAYS = 30;
/** No invoices exist before the customer's account was opened. */
const ACCOUNT_OPENED: MonthIndex = monthIndex(2015, 1);

let windowMemo: { day: DayNumber; start: DayNumber } | null = null;

/** The first issue date still served at `now`: the contract's rule, shared with the sync engine. */
export const windowStart = (now: number): DayNumber => {
  const day = dayOf(now);
  if (windowMemo?.day !== day) {
    windowMemo = { day, start: dayFromIso(firstServedIssueDate(isoDate(day), RETENTION_MONTHS)) };
  }
  return windowMemo.start;
};

const ID_PATTERN = /^(INV|CN)-(\d{4})(\d{2})-(\d{8,9})$/;

const periodLabel = (period: MonthIndex): string =>
  `${Math.floor(period / 12)}${String((period % 12) + 1).padStart(2, '0')}`;

const invoiceNumber = (period: MonthIndex, rrnIndex: number, creditNote: boolean): string => {
  const yy = String(Math.floor(period / 12) % 100).padStart(2, '0');
  const mm = String((period % 12) + 1).padStart(2, '0');
  const sequence = String(rrnIndex * 2 + (creditNote ? 2 : 1)).padStart(5, '0');
  return `8${yy}${mm}${sequence}`;
};

const SEASON: readonly number[] = [0.95, 0.9, 1, 1, 1, 0.95, 0.85, 0.85, 1, 1.05, 1.2, 1.35];

const nextBusinessDay = (day: DayNumber): DayNumber =>
  isBusinessDay(day) ? day : nthBusinessDayFrom(day, 1);

export const createLedger = (seed: number, model: CustomerModel): Ledger => {
  const rrnByNumber = new Map(model.rrns.map((rrn) => [rrn.number, rrn]));
  const cache = new Map<string, InvoiceMeta | null>();

  const buildPair = (
    rrn: RrnModel,
    period: MonthIndex,
  ): { invoice: InvoiceMeta; creditNote: InvoiceMeta | null } => {
    const fate = createRng(hash32(seed, 0xfa7e, rrn.index, period));
    const periodStart = firstDayOfMonth(period);
    const periodEnd = lastDayOfMonth(period);
    // Invoices are issued on the third business day after the period.
    const issueDate = nthBusinessDayFrom(periodEnd + 1, 3);
    const dueDate = issueDate + PAYMENT_TERM_DAYS;
    const issuedAt = issueDate * MS_PER_DAY + 4 * 3_600_000 + rrn.index * 97_000;
    const variableLines = Math.max(
      1,
      Math.round(rrn.baseLines * (SEASON[period % 12] ?? 1) * (0.85 + 0.3 * fate.next())),
    );
    const lineCount = rrn.fixedServices.length + variableLines;
    const number = invoiceNumber(period, rrn.index, false);

    const roll = fate.next();
    const cancelled = roll < 0.015;
    const partiallyCredited = !cancelled && roll < 0.06;
    const creditDelay = cancelled ? fate.int(4, 18) : fate.int(8, 40);
    const creditIssueDate = nextBusinessDay(issueDate + creditDelay);
    const creditIssuedAt = creditIssueDate * MS_PER_DAY + 9 * 3_600_000 + rrn.index * 61_000;

    const events: StatusEvent[] = [{ at: issuedAt, status: 'open' }];
    if (cancelled) {
      events.push({ at: creditIssuedAt, status: 'cancelled' });
    } else {
      const payment = fate.next();
      const payDays = payment < 0.7 ? fate.int(4, 29) : payment < 0.95 ? fate.int(33, 75) : fate.int(90, 160);
      if (payDays > PAYMENT_TERM_DAYS) {
        events.push({
          at: (dueDate + 1) * MS_PER_DAY + 2 * 3_600_000 + rrn.index * 60_000,
          status: 'overdue',
        });
      }
      events.push({
        at:
          (issueDate + payDays) * MS_PER_DAY +
          13 * 3_600_000 +
          (hash32(seed, rrn.index, period) % 3_600) * 1000,
        status: 'paid',
      });
    }

    const invoice: InvoiceMeta = {
      id: `INV-${periodLabel(period)}-${rrn.number}`,
      number,
      type: 'invoice',
      rrn,
      period,
      periodStart,
      periodEnd,
      issueDate,
      dueDate,
      issuedAt,
      events,
      seed: hash32(seed, 0x11e5, rrn.index, period),
      lineCount,
      correction: null,
      qrReference: qrReference(model.customer.customerNumber, number),
    };
    if (!cancelled && !partiallyCredited) return { invoice, creditNote: null };

    let lineNos: number[] | null = null;
    if (partiallyCredited) {
      const count = Math.min(fate.int(1, 4), lineCount - 1);
      const step = Math.max(1, Math.floor(lineCount / (count + 1)));
      const start = fate.int(0, lineCount - 1);
      lineNos = Array.from({ length: count }, (_, j) => ((start + j * step) % lineCount) + 1).sort(
        (a, b) => a - b,
      );
    }
    const creditNote: InvoiceMeta = {
      id: `CN-${periodLabel(period)}-${rrn.number}`,
      number: invoiceNumber(period, rrn.index, true),
      type: 'credit-note',
      rrn,
      period,
      periodStart,
      periodEnd,
      issueDate: creditIssueDate,
      dueDate: creditIssueDate + PAYMENT_TERM_DAYS,
      issuedAt: creditIssuedAt,
      events: [
        { at: creditIssuedAt, status: 'open' },
        // A credit is settled (offset or refunded) a few days after it is issued.
        { at: (creditIssueDate + fate.int(3, 15)) * MS_PER_DAY + 15 * 3_600_000, status: 'paid' },
      ],
      seed: hash32(seed, 0xc4ed, rrn.index, period),
      lineCount: lineNos === null ? lineCount : lineNos.length,
      correction: { original: invoice, lineNos },
      // Nothing to pay on a credit note, so no payment reference.
      qrReference: null,
    };
    return { invoice, creditNote };
  };

  const lookup = (rrn: RrnModel, period: MonthIndex, creditNote: boolean): InvoiceMeta | undefined => {
    const key = `${creditNote ? 'CN' : 'INV'}-${periodLabel(period)}-${rrn.number}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (period < ACCOUNT_OPENED) {
      cache.set(key, null);
      return undefined;
    }
    const pair = buildPair(rrn, period);
    cache.set(pair.invoice.id, pair.invoice);
    cache.set(`CN-${periodLabel(period)}-${rrn.number}`, pair.creditNote);
    return creditNote ? (pair.creditNote ?? undefined) : pair.invoice;
  };

  const stateAt = (meta: InvoiceMeta, now: number): InvoiceState => {
    let revision = 0;
    let status: InvoiceStatus = 'open';
    let changedAt = meta.issuedAt;
    for (const event of meta.events) {
      if (event.at > now) break;
      revision += 1;
      status = event.status;
      changedAt = event.at;
    }
    return { meta, status, revision: Math.max(revision, 1), changedAt };
  };

  const isIssued = (meta: InvoiceMeta, now: number): boolean => meta.issuedAt <= now;
  const isInWindow = (meta: InvoiceMeta, now: number): boolean => meta.issueDate >= windowStart(now);

  let feedCache: { now: number; order: readonly InvoiceState[] } | null = null;

  const feedOrder = (now: number): readonly InvoiceState[] => {
    if (feedCache?.now === now) return feedCache.order;
    const start = windowStart(now);
    // Credit notes follow their invoice by up to ~6 weeks, so scan a few periods before the window.
    const firstPeriod = monthOfDay(start) - 3;
    const lastPeriod = monthOfDay(dayOf(now));
    const states: InvoiceState[] = [];
    for (let period = firstPeriod; period <= lastPeriod; period++) {
      for (const rrn of model.rrns) {
        for (const creditNote of [false, true]) {
          const meta = lookup(rrn, period, creditNote);
          if (meta !== undefined && isIssued(meta, now) && meta.issueDate >= start)
            states.push(stateAt(meta, now));
        }
      }
    }
    states.sort(
      (a, b) => a.changedAt - b.changedAt || (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0),
    );
    feedCache = { now, order: states };
    return states;
  };

  return {
    byId: (id) => {
      const match = ID_PATTERN.exec(id);
      if (match === null) return undefined;
      const [, kind, year, month, rrnNumber] = match;
      const rrn = rrnByNumber.get(rrnNumber ?? '');
      const monthNumber = Number(month);
      if (rrn === undefined || monthNumber < 1 || monthNumber > 12) return undefined;
      const meta = lookup(rrn, monthIndex(Number(year), monthNumber), kind === 'CN');
      return meta?.id === id ? meta : undefined;
    },
    feedOrder,
    stateAt,
    isIssued,
    isInWindow,
  };
};
