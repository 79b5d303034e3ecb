import { describe, expect, it } from 'vitest';
import { createCommitBatcher, type CommitBatcher, type CommitBatcherOptions } from './commitBatcher';

/** A commit that holds each batch until the test lets it go. */
const heldCommits = () => {
  const batches: number[][] = [];
  const releases: Array<(error?: Error) => void> = [];
  const commit = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(items);
      releases.push((error) => (error ? reject(error) : resolve()));
    });
  const release = async (error?: Error) => {
    releases.shift()?.(error);
    // Let the batcher settle the callers and start its next batch.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { batches, commit, release };
};

/** A batcher of numbers over `held`: each weighs 1, a hundred to a batch, never stopped, unless told. */
const batcherOver = (
  held: ReturnType<typeof heldCommits>,
  options: Partial<CommitBatcherOptions<number>> = {},
): CommitBatcher<number> =>
  createCommitBatcher<number>({
    commit: held.commit,
    weight: () => 1,
    maxWeight: 100,
    stopped: () => null,
    ...options,
  });

/** How an item's commit ended: 'committed', or its failure's message. */
const outcomeOf = (batcher: CommitBatcher<number>) => (n: number) =>
  batcher.commit(n).then(
    () => 'committed',
    (error: unknown) => (error instanceof Error ? error.message : 'failed'),
  );

describe('commit batcher', () => {
  it('commits the first item at once and what arrives meanwhile together, in order', async () => {
    const held = heldCommits();
    const batcher = batcherOver(held);
    const settled: number[] = [];
    const all = [1, 2, 3, 4].map((n) => batcher.commit(n).then(() => settled.push(n)));
    expect(held.batches).toEqual([[1]]);
    await held.release();
    expect(settled).toEqual([1]);
    expect(held.batches).toEqual([[1], [2, 3, 4]]);
    await held.release();
    await Promise.all(all);
    expect(settled).toEqual([1, 2, 3, 4]);
  });

  it('keeps a batch within its weight, but never below one item', async () => {
    const held = heldCommits();
    const batcher = batcherOver(held, { weight: (n) => n, maxWeight: 10 });
    const all = [1, 4, 5, 3, 20, 2].map((n) => batcher.commit(n));
    for (let i = 0; i < 5; i += 1) await held.release();
    await Promise.all(all);
    expect(held.batches).toEqual([[1], [4, 5], [3], [20], [2]]);
  });

  it('a failed batch fails its callers and every later one: what follows may continue what it lost', async () => {
    const held = heldCommits();
    const batcher = batcherOver(held);
    const outcome = outcomeOf(batcher);
    const first = outcome(1);
    const second = outcome(2);
    await held.release(new Error('disk full'));
    expect(await first).toBe('disk full');
    expect(await second).toBe('disk full');
    expect(await outcome(3)).toBe('disk full');
    expect(held.batches).toEqual([[1]]);
  });

  it('a stopped run commits nothing more', async () => {
    const held = heldCommits();
    let stop: { reason: unknown } | null = null;
    const batcher = batcherOver(held, { stopped: () => stop });
    const outcome = outcomeOf(batcher);
    const third = outcome(3);
    stop = { reason: new Error('cancelled') };
    const fourth = outcome(4);
    await held.release();
    expect(await third).toBe('committed');
    expect(await fourth).toBe('cancelled');
    expect(held.batches).toEqual([[3]]);
  });
});
