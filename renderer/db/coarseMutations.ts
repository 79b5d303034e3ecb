import {
  RangeSet,
  type DBCore,
  type IndexableType,
  type IntervalTree,
  type Middleware,
  type ObservabilitySet,
} from 'dexie';

/**
 * For the database the sync worker writes: what each transaction tells the other contexts it
 * changed is one span per table and index (its lowest to its highest key), not every key.
 *
 * Dexie sends each committed transaction's changed keys to every page, where each live query
 * merges them into what it has gathered since it last ran. A query that the sync's writes do not
 * concern never runs again, so during a first sync its set grows with every rollup, block and
 * invoice key, and merging into it took the page's main thread for up to 600 ms at a time
 * (bench, large profile). A span is a superset of the keys: a query is told of every change it
 * was told of before, and perhaps of a few more.
 */

const bounds = (tree: IntervalTree): { from: IndexableType; to: IndexableType } | null => {
  if (!('from' in tree)) return null;
  let low = tree;
  while (low.l) low = low.l;
  let high = tree;
  while (high.r) high = high.r;
  return { from: low.from, to: high.to };
};

/** Replaces each part's ranges by the one span that holds them all. */
export const coarsen = (parts: ObservabilitySet): void => {
  for (const [part, tree] of Object.entries(parts)) {
    const span = bounds(tree);
    if (span) parts[part] = new RangeSet(span.from, span.to);
  }
};

/** The changed parts Dexie keeps on a transaction until it commits (its observability middleware). */
const isParts = (value: unknown): value is ObservabilitySet => typeof value === 'object' && value !== null;

const changedParts = (transaction: object): ObservabilitySet | null =>
  'mutatedParts' in transaction && isParts(transaction.mutatedParts) ? transaction.mutatedParts : null;

export const coarseMutations: Middleware<DBCore> = {
  stack: 'dbcore',
  // Above Dexie's own (level 0): each write's keys are in the transaction's set when this runs.
  level: 1,
  name: 'CoarseMutations',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return {
        ...table,
        mutate: async (request) => {
          const result = await table.mutate(request);
          const parts = changedParts(request.trans);
          if (parts) coarsen(parts);
          return result;
        },
      };
    },
  }),
};
