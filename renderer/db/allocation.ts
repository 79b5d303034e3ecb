import type { Assignment } from '../../shared/api/schemas';
import { createAllocator, type Allocator } from '../../shared/allocation/allocator';
import {
  addBlockReallocation,
  allocatedRowKey,
  changedAssignmentKeys,
  mergeAllocated,
  type AllocatedDelta,
  type AssignmentKey,
} from '../../shared/allocation/rollup';
import type { InvoiceDeskDatabase } from './database';
import { checkAllocatedRollups, type SkippedRow } from './rowChecks';

/**
 * The allocated rollups in IndexedDB. What they hold is always the allocation of every stored line
 * under the assignments stored in `db.assignments`: the sync adds a block's parts in the block's
 * own transaction, and whatever changes the assignments re-allocates the lines of the keys it
 * touched in its own transaction.
 */

/** Adds a delta onto the stored rows. Call inside a transaction over `allocatedRollups`. */
export const applyAllocatedDelta = async (db: InvoiceDeskDatabase, delta: AllocatedDelta): Promise<void> => {
  const changes = [...delta.values()];
  if (changes.length === 0) return;
  const stored = await db.allocatedRollups.bulkGet(changes.map(allocatedRowKey));
  const merged = mergeAllocated(changes, stored);
  await db.allocatedRollups.bulkPut(merged.put);
  await db.allocatedRollups.bulkDelete(merged.remove);
};

/** The allocator of the assignments as stored now. Call inside a transaction over `assignments`. */
export const storedAllocator = async (db: InvoiceDeskDatabase): Promise<Allocator> =>
  createAllocator(await db.assignments.toArray());

export interface Reallocation {
  /** Blocks read: those whose dictionary holds one of the keys. */
  blocks: number;
  /** Lines carrying one of the keys, whose parts were taken back and added anew. */
  lines: number;
}

/**
 * Re-allocates the lines of `changedKeys` after the assignments went from `previous` to what
 * `db.assignments` holds now: their parts under `previous` are taken out, their parts now added.
 * Only the blocks whose dictionary holds one of the keys are read (the multi-entry `dict` index),
 * and only their lines carrying a key in its own column are allocated. One transaction; joins the
 * caller's when it runs inside one over the same tables.
 *
 * Why the blocks and not the line index: the index lives in a worker and answers asynchronously,
 * outside this transaction, and may not be built yet; the rollups must change atomically with the
 * assignments, so the lines are found inside the transaction, from the stored blocks.
 */
export const reallocate = (
  db: InvoiceDeskDatabase,
  changedKeys: readonly AssignmentKey[],
  previous: readonly Assignment[],
): Promise<Reallocation> =>
  db.transaction('rw', [db.lineBlocks, db.allocatedRollups, db.assignments], async () => {
    if (changedKeys.length === 0) return { blocks: 0, lines: 0 };
    const found = await reallocationDelta(
      db,
      changedKeys,
      createAllocator(previous),
      await storedAllocator(db),
    );
    await applyAllocatedDelta(db, found.delta);
    return { blocks: found.blocks, lines: found.lines };
  });

/**
 * What re-allocating the lines of `changedKeys` from `before` to `after` changes in the allocated
 * rollups, without writing it: the write path of `reallocate` and the impact preview of a change
 * not made yet. Reads the blocks inside the caller's transaction when there is one.
 */
export const reallocationDelta = async (
  db: InvoiceDeskDatabase,
  changedKeys: readonly AssignmentKey[],
  before: Allocator,
  after: Allocator,
): Promise<Reallocation & { delta: AllocatedDelta }> => {
  const delta: AllocatedDelta = new Map();
  if (changedKeys.length === 0) return { blocks: 0, lines: 0, delta };
  const keys = [...new Set(changedKeys.map((changed) => changed.key))];
  let blocks = 0;
  let lines = 0;
  // One read of all the blocks: a cursor would pay a round trip per block.
  const found = await db.lineBlocks.where('dict').anyOf(keys).distinct().toArray();
  for (const block of found) {
    blocks += 1;
    lines += addBlockReallocation(delta, block, before, after, changedKeys);
  }
  return { blocks, lines, delta };
};

/**
 * Re-allocates whatever the assignments changed since `previous` (as read before the change, in
 * the same transaction): the one call every writer of `db.assignments` makes after writing.
 */
export const reallocateSince = async (
  db: InvoiceDeskDatabase,
  previous: readonly Assignment[],
): Promise<Reallocation> => {
  const current = await db.assignments.toArray();
  return reallocate(db, changedAssignmentKeys(previous, current), previous);
};

export interface AllocatedCenterMonth {
  /** A cost centre's code, or UNASSIGNED. */
  costCenter: string;
  month: string;
  shares: number;
  netCentimes: number;
  vatCentimes: number;
}

/**
 * Cost per cost centre (UNASSIGNED included) and month over [fromMonth, toMonth] ("2026-03"), from
 * the allocated rollups: exact, the sums of the per-line allocation. Rows are in month order, then
 * by code.
 */
export const allocatedByCenterMonth = async (
  db: InvoiceDeskDatabase,
  fromMonth: string,
  toMonth: string,
): Promise<{ rows: AllocatedCenterMonth[]; skipped: SkippedRow[] }> => {
  const checked = checkAllocatedRollups(
    await db.allocatedRollups.where('month').between(fromMonth, toMonth, true, true).toArray(),
  );
  const byKey = new Map<string, AllocatedCenterMonth>();
  for (const row of checked.rows) {
    const key = `${row.month}\u0001${row.costCenterCode}`;
    const total = byKey.get(key);
    if (total) {
      total.shares += row.shares;
      total.netCentimes += row.netCentimes;
      total.vatCentimes += row.vatCentimes;
    } else {
      byKey.set(key, {
        costCenter: row.costCenterCode,
        month: row.month,
        shares: row.shares,
        netCentimes: row.netCentimes,
        vatCentimes: row.vatCentimes,
      });
    }
  }
  // Rows come in key order (month, centre, service): the totals are already in month, code order.
  return { rows: [...byKey.values()], skipped: checked.skipped };
};
