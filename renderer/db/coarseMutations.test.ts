// First: Dexie's live queries run only where it found a global indexedDB when it loaded.
import 'fake-indexeddb/auto';
import { Dexie, liveQuery, type IntervalTree, type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { coarseMutations } from './coarseMutations';

interface Item {
  id: string;
  group: number;
}

const open = (name: string, coarse: boolean) => {
  const db = new Dexie(name);
  db.version(1).stores({ items: 'id, group' });
  if (coarse) db.use(coarseMutations);
  return db;
};

/** The ranges of an interval tree, in order. */
const ranges = (tree: IntervalTree | undefined): Array<[unknown, unknown]> => {
  if (!tree || !('from' in tree)) return [];
  return [...ranges(tree.l ?? undefined), [tree.from, tree.to], ...ranges(tree.r ?? undefined)];
};

/** What the next committed transaction tells the other contexts it changed. */
const nextMutation = () =>
  new Promise<ObservabilitySet>((resolve) => {
    const listener = (parts: ObservabilitySet) => {
      Dexie.on('storagemutated').unsubscribe(listener);
      resolve(parts);
    };
    Dexie.on('storagemutated', listener);
  });

const dbs: Dexie[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const items: Item[] = [
  { id: 'b', group: 3 },
  { id: 'q', group: 1 },
  { id: 'y', group: 9 },
];

describe('coarse mutations (the sync worker’s database)', () => {
  it('tells one span per table and index, where Dexie alone tells every key', async () => {
    const fine = open('fine', false);
    const coarse = open('coarse', true);
    dbs.push(fine, coarse);
    await Promise.all([fine.open(), coarse.open()]);

    let told = nextMutation();
    await fine.table<Item, string>('items').bulkPut(items);
    const each = await told;
    expect(ranges(each['idb://fine/items/'])).toEqual([
      ['b', 'b'],
      ['q', 'q'],
      ['y', 'y'],
    ]);

    told = nextMutation();
    await coarse.table<Item, string>('items').bulkPut(items);
    const spans = await told;
    expect(ranges(spans['idb://coarse/items/'])).toEqual([['b', 'y']]);
    expect(ranges(spans['idb://coarse/items/group'])).toEqual([[1, 9]]);
  });

  it('a page’s live query of a key the worker wrote still runs again', async () => {
    const worker = open('shared', true);
    const page = open('shared', false);
    dbs.push(worker, page);
    await Promise.all([worker.open(), page.open()]);
    await page.table<Item, string>('items').bulkPut(items);
    const seen: Array<number | undefined> = [];
    const failures: unknown[] = [];
    const subscription = liveQuery(() => page.table<Item, string>('items').get('q')).subscribe({
      next: (item) => seen.push(item?.group),
      error: (error: unknown) => failures.push(error),
    });
    await expect.poll(() => seen).toEqual([1]);
    await worker.table<Item, string>('items').bulkPut([
      { id: 'c', group: 4 },
      { id: 'q', group: 7 },
    ]);
    await expect.poll(() => seen).toEqual([1, 7]);
    expect(failures).toEqual([]);
    subscription.unsubscribe();
  });
});
