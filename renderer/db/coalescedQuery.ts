import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { toDisposable, type Disposable } from '../../shared/core/disposable';

/**
 * Reads that follow the archive without re-reading it on every write. A live query runs again on
 * each committed transaction that touches what it read; during a sync the worker commits a block
 * every few hundred milliseconds, and a page that re-reads every rollup (about 300 ms at a million
 * lines) each time spends the sync reading. Here a read runs at once after a quiet spell, then at
 * most once per `minIntervalMs` while writes keep coming, and once more after the last one.
 */

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => {
    if (typeof handle === 'number') clearTimeout(handle);
  },
};

/** Whether a mutation touched one of `tables` of the database `name` (or everything, after a page restore). */
const touches = (parts: ObservabilitySet, name: string, tables: readonly string[]): boolean =>
  Object.keys(parts).some(
    (part) => part === 'all' || tables.some((table) => part.startsWith(`idb://${name}/${table}/`)),
  );

/**
 * Calls `onChange` when `tables` of `db` change (writes from this page, its workers and other
 * windows alike): leading and trailing, at most once per `minIntervalMs`.
 */
export const watchTables = (
  db: Pick<Dexie, 'name'>,
  tables: readonly string[],
  onChange: () => void,
  minIntervalMs: number,
  clock: Clock = realClock,
): Disposable => {
  let last = Number.NEGATIVE_INFINITY;
  let pending: unknown = null;
  const fire = () => {
    pending = null;
    last = clock.now();
    onChange();
  };
  const listener = (parts: ObservabilitySet) => {
    if (!touches(parts, db.name, tables) || pending !== null) return;
    const wait = last + minIntervalMs - clock.now();
    if (wait <= 0) fire();
    else pending = clock.setTimeout(fire, wait);
  };
  Dexie.on('storagemutated', listener);
  return toDisposable(() => {
    Dexie.on('storagemutated').unsubscribe(listener);
    if (pending !== null) clock.clearTimeout(pending);
  });
};

/**
 * `query`'s answer, read at once and again when `tables` change, coalesced as `watchTables` does;
 * undefined until the first answer. As with useLiveQuery, the last answer stays shown while the
 * query for new deps runs; a failed read keeps it too (the next change retries).
 */
export const useCoalescedQuery = <T>(
  db: Pick<Dexie, 'name'>,
  tables: readonly string[],
  query: () => Promise<T>,
  deps: readonly unknown[],
  minIntervalMs = 1_000,
): T | undefined => {
  const [answer, setAnswer] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // Reads in flight are not cancelled, but only the newest one's answer is kept.
    let generation = 0;
    const read = () => {
      const mine = (generation += 1);
      query().then(
        (value) => {
          if (live && mine === generation) setAnswer({ value });
        },
        (error: unknown) => {
          console.error('A coalesced read failed', error);
        },
      );
    };
    read();
    const watch = watchTables(db, tables, read, minIntervalMs);
    return () => {
      live = false;
      watch.dispose();
    };
    // The caller's deps say when the query is another one; tables and interval are fixed per call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, ...deps]);
  return answer?.value;
};
