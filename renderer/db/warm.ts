import { liveQuery } from 'dexie';
import { toDisposable, type Disposable } from '../../shared/core/disposable';
import type { InvoiceDeskDatabase } from './database';

/** Tables whose whole content a page reads for its first render (a live `toArray()`). */
export type WarmTable = 'invoices';

/**
 * Starts a page's first reads while its code is still loading and React has not rendered: Dexie's
 * live-query cache hands the same query in flight (or just answered, for three seconds) to the
 * page, so reading the archive overlaps with loading the page instead of following it. Each warm
 * query lets go after its first answer, so the sync's writes at start never re-run it.
 */
export const warmTables = (db: InvoiceDeskDatabase, tables: readonly WarmTable[]): Disposable => {
  const subscriptions = tables.map((table) => {
    const subscription = liveQuery(() => db[table].toArray()).subscribe({
      next: () => queueMicrotask(() => subscription.unsubscribe()),
      // The page's own query meets the same failure and reports it.
      error: () => undefined,
    });
    return subscription;
  });
  return toDisposable(() => {
    for (const subscription of subscriptions) subscription.unsubscribe();
  });
};
