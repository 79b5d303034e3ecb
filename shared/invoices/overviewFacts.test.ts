import { describe, expect, it } from 'vitest';
import { incompleteMonths, monthsPeriod, newSinceVisit } from './overviewFacts';
import { monthlyTrend } from './overview';

describe('the overview’s period and completeness', () => {
  it('gives the days the twelve months of the trend cover, for the line explorer’s link', () => {
    expect(monthsPeriod(monthlyTrend([], '2026-11-22'))).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(monthsPeriod(monthlyTrend([], '2024-02-10', 1))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthsPeriod([])).toBeNull();
  });

  it('holds every month incomplete until the invoice list was read once, then those with lines to come', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    const invoices = [
      { periodStart: '2026-01-01', periodEnd: '2026-01-31', linesState: 'complete' as const },
      { periodStart: '2026-02-15', periodEnd: '2026-03-14', linesState: 'partial' as const },
      { periodStart: '2026-04-01', periodEnd: '2026-04-30', linesState: 'gone' as const },
      { periodStart: '2025-11-01', periodEnd: '2025-11-30', linesState: 'pending' as const },
    ];
    expect([...incompleteMonths(invoices, months, false)]).toEqual(months);
    expect([...incompleteMonths(invoices, months, true)].sort()).toEqual(['2026-02', '2026-03']);
    expect(incompleteMonths(invoices.slice(0, 1), months, true).size).toBe(0);
  });
});

describe('new since the last visit', () => {
  const invoices = [
    { id: 'a', issueDate: '2026-10-01', receivedAt: '2026-11-01T08:00:00.000Z' },
    { id: 'b', issueDate: '2026-10-31', receivedAt: '2026-11-01T08:00:05.000Z' },
    { id: 'c', issueDate: '2026-11-20', receivedAt: '2026-11-21T07:00:00.000Z' },
    { id: 'd', issueDate: '2026-11-21', receivedAt: '2026-11-22T07:00:00.000Z' },
  ];

  it('is nothing on the first start, during and right after the first sync', () => {
    expect(newSinceVisit(invoices, null, null)).toEqual([]);
    // Second start while the first sync still runs: nothing has been loaded completely yet.
    expect(newSinceVisit(invoices, '2026-11-01T07:59:00.000Z', null)).toEqual([]);
    // Second start after the first sync, which loaded a and b after the first visit: no news.
    expect(
      newSinceVisit(invoices.slice(0, 2), '2026-11-01T07:59:00.000Z', '2026-11-01T08:00:06.000Z'),
    ).toEqual([]);
  });

  it('lists what arrived after the first load and the last visit, newest first', () => {
    expect(
      newSinceVisit(invoices, '2026-11-01T07:59:00.000Z', '2026-11-01T08:00:06.000Z').map(({ id }) => id),
    ).toEqual(['d', 'c']);
    expect(
      newSinceVisit(invoices, '2026-11-21T12:00:00.000Z', '2026-11-01T08:00:06.000Z').map(({ id }) => id),
    ).toEqual(['d']);
  });
});
