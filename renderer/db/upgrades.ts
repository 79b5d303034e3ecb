import type { Transaction } from 'dexie';
import { createAllocator } from '../../shared/allocation/allocator';
import { addBlockAllocation, type AllocatedDelta } from '../../shared/allocation/rollup';
import { linkEntry, type ChainHead } from '../../shared/audit/chain';
import { mergeRollupMonths, type RollupMonth, type RollupRow } from '../../shared/lines/rollup';
import type { AllocatedRollupRow, Assignment, AuditRow, LineBlock } from './records';

// The bodies of the schema's upgrades (database.ts), loaded by its open() only when the stored
// archive is older than the schema: the allocator and the audit chain's hash are then not part of
// every start.

/** v4: the lines already stored, allocated under the assignments already stored. */
export const allocateStoredLines = async (tx: Transaction): Promise<void> => {
  const allocator = createAllocator(await tx.table<Assignment>('assignments').toArray());
  const delta: AllocatedDelta = new Map();
  await tx.table<LineBlock>('lineBlocks').each((block) => {
    addBlockAllocation(delta, block, allocator, 1);
  });
  await tx
    .table<AllocatedRollupRow>('allocatedRollups')
    .bulkPut([...delta.values()].filter((row) => row.shares !== 0));
};

/** v6: the audit rows written so far, chained in the order they were written; no device was recorded. */
export const chainAuditRows = async (tx: Transaction): Promise<void> => {
  const table = tx.table<AuditRow, number>('auditLog');
  const rows = await table.orderBy('id').toArray();
  let head: ChainHead | null = null;
  const linked = rows.map((row) => {
    const { seq: _seq, prevHash: _prevHash, hash: _hash, ...entry } = row;
    const next = linkEntry({ ...entry, device: row.device ?? null }, head);
    head = next;
    return next;
  });
  await table.bulkPut(linked);
};

/** v7: the per-key rollup rows, moved into one record per month (v8 then drops their table). */
export const groupRollupsByMonth = async (tx: Transaction): Promise<void> => {
  const rows = await tx.table<RollupRow, string>('rollups').toArray();
  const { put } = mergeRollupMonths([], new Map(rows.map((row) => [row.key, row])));
  await tx.table<RollupMonth, string>('rollupMonths').bulkPut(put);
};
