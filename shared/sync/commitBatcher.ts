/**
 * Gathers what concurrent fetches hand in while a commit runs, and commits it together in the next
 * one: one transaction per batch instead of one per page, and the network keeps going while storage
 * works. Items keep their order across batches; each caller's promise settles with its own batch.
 */
export interface CommitBatcher<T> {
  /**
   * Resolves once the batch holding `item` committed; rejects with that batch's failure, or with the
   * first failure of any batch before it.
   */
  commit(item: T): Promise<void>;
}

export interface CommitBatcherOptions<T> {
  commit: (items: T[]) => Promise<void>;
  /** An item's size (lines, bytes); a batch holds at most `maxWeight`, and always one item. */
  weight: (item: T) => number;
  maxWeight: number;
  /** Checked before each batch: a run that failed or was cancelled commits nothing more. */
  stopped: () => { reason: unknown } | null;
}

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export const createCommitBatcher = <T>(options: CommitBatcherOptions<T>): CommitBatcher<T> => {
  let queue: Array<Waiting<T>> = [];
  let running = false;
  // After a failed batch nothing more is committed: its callers hand in without waiting, so a later
  // item may continue one the failure lost (an invoice's next block after its missing one).
  let failed: { reason: unknown } | null = null;

  const take = (): Array<Waiting<T>> => {
    let weight = 0;
    let count = 0;
    for (const waiting of queue) {
      const next = options.weight(waiting.item);
      if (count > 0 && weight + next > options.maxWeight) break;
      weight += next;
      count += 1;
    }
    const batch = queue.slice(0, count);
    queue = queue.slice(count);
    return batch;
  };

  const drain = async () => {
    running = true;
    try {
      while (queue.length > 0) {
        const batch = take();
        const stop = failed ?? options.stopped();
        if (stop !== null) {
          for (const waiting of [...batch, ...queue]) waiting.reject(stop.reason);
          queue = [];
          return;
        }
        try {
          await options.commit(batch.map((waiting) => waiting.item));
          for (const waiting of batch) waiting.resolve();
        } catch (error) {
          failed = { reason: error };
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      running = false;
    }
  };

  return {
    commit: (item) =>
      new Promise<void>((resolve, reject) => {
        const waiting: Waiting<T> = { item, resolve, reject };
        if (failed) {
          waiting.reject(failed.reason);
          return;
        }
        queue.push(waiting);
        if (!running) void drain();
      }),
  };
};
