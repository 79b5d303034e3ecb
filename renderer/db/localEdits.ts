import { liveQuery } from 'dexie';
import {
  CostCenterCodeSchema,
  CostCenterInputSchema,
  CustomerSchema,
  type CostCenterInput,
  type KeyKind,
  type Preferences,
} from '../../shared/api/schemas';
import { assignmentsUsing } from '../../shared/costCenters/centerList';
import { CostCenterEditError } from '../../shared/costCenters/editErrors';
import { toDisposable, type Disposable } from '../../shared/core/disposable';
import { designationKey } from '../../shared/designations/names';
import type { OutboxChange } from '../../shared/sync/outbox';
import type { InvoiceDeskDatabase } from './database';
import type { OutboxRow } from './records';
import { applyServerState } from './serverState';

/**
 * Local edits: written to their table and to the outbox in one transaction, so the clerk sees them
 * at once and the sync engine pushes them later. Several edits of one entity coalesce into one push.
 */
const enqueue = async (
  db: InvoiceDeskDatabase,
  change: OutboxChange,
  baseEtag: string | null,
): Promise<void> => {
  const waiting = await db.outbox.where('[entity+key]').equals([change.entity, change.key]).first();
  if (!waiting || waiting.seq === undefined) {
    await db.outbox.add({
      ...change,
      baseEtag,
      state: 'pending',
      current: null,
      reason: null,
      version: 1,
      createdAt: new Date().toISOString(),
    });
    return;
  }
  if (change.op === 'delete' && waiting.baseEtag === null && waiting.state === 'pending') {
    // Created and deleted before the operator ever saw it: nothing to send.
    await db.outbox.delete(waiting.seq);
    return;
  }
  // Keeps the base ETag and a conflict state: the clerk still has to settle what the other user did.
  await db.outbox.put({ ...waiting, ...change, version: waiting.version + 1 } satisfies OutboxRow);
};

export const saveDesignation = (
  db: InvoiceDeskDatabase,
  kind: KeyKind,
  key: string,
  text: string,
): Promise<void> =>
  db.transaction('rw', [db.designations, db.outbox], async () => {
    const trimmed = text.trim();
    const stored = await db.designations.get([kind, key]);
    const baseEtag = stored?.etag ? stored.etag : null;
    if (trimmed === '') {
      if (!stored) return;
      await db.designations.delete([kind, key]);
      await enqueue(
        db,
        { entity: 'designation', op: 'delete', key: designationKey(kind, key), payload: { kind, key } },
        baseEtag,
      );
      return;
    }
    // A local-only designation has no ETag yet: the empty string marks "not at the operator".
    await db.designations.put({ kind, key, text: trimmed, etag: stored?.etag ?? '' });
    await enqueue(
      db,
      {
        entity: 'designation',
        op: 'put',
        key: designationKey(kind, key),
        payload: { kind, key, text: trimmed },
      },
      baseEtag,
    );
  });

/** One change of a bulk write: a centre to create or replace, or one to delete. */
export type CostCenterChange = { code: string; input: CostCenterInput } | { code: string; delete: true };

export interface CostCenterWriteOptions {
  /** Stamps the local row's `updatedAt` until the operator's own time replaces it. */
  now?: () => Date;
}

/**
 * The operator answers 403 to every cost-centre write while the customer's option is off: such an
 * edit would wait in the outbox forever. Refused unless the synchronised customer has it on.
 */
const requireCostCenterOption = async (db: InvoiceDeskDatabase, code: string): Promise<void> => {
  const parsed = CustomerSchema.safeParse((await db.singletons.get('customer'))?.value);
  if (!parsed.success) throw new CostCenterEditError('notSynced', code);
  if (!parsed.data.costCenterOption) throw new CostCenterEditError('optionOff', code);
};

/** Writes one centre and its outbox entry; call inside a transaction over costCenters, assignments and outbox. */
const putCostCenter = async (
  db: InvoiceDeskDatabase,
  code: string,
  input: CostCenterInput,
  now: () => Date,
): Promise<void> => {
  const parsedCode = CostCenterCodeSchema.safeParse(code);
  const parsedInput = CostCenterInputSchema.safeParse(input);
  if (!parsedCode.success || !parsedInput.success) throw new CostCenterEditError('invalid', code);
  const stored = await db.costCenters.get(code);
  // A local-only centre has no ETag yet: the empty string marks "not at the operator".
  await db.costCenters.put({
    ...parsedInput.data,
    code,
    etag: stored?.etag ?? '',
    updatedAt: now().toISOString(),
  });
  await enqueue(
    db,
    { entity: 'costCenter', op: 'put', key: code, payload: parsedInput.data },
    stored?.etag ? stored.etag : null,
  );
};

/** Deletes one centre unless an assignment charges it; call inside the same transaction as putCostCenter. */
const removeCostCenter = async (db: InvoiceDeskDatabase, code: string): Promise<void> => {
  const stored = await db.costCenters.get(code);
  if (!stored) throw new CostCenterEditError('missing', code);
  const uses = assignmentsUsing(code, await db.assignments.toArray()).length;
  if (uses > 0) throw new CostCenterEditError('inUse', code, uses);
  await db.costCenters.delete(code);
  const baseEtag = stored.etag ? stored.etag : null;
  const waiting = await db.outbox.where('[entity+key]').equals(['costCenter', code]).first();
  // Never at the operator and nothing waiting for it: there is nothing to tell the operator.
  if (baseEtag === null && !waiting) return;
  await enqueue(db, { entity: 'costCenter', op: 'delete', key: code, payload: null }, baseEtag);
};

const costCenterTables = (db: InvoiceDeskDatabase) =>
  [db.costCenters, db.assignments, db.outbox, db.singletons] as const;

/**
 * Creates (`creating`: the code must be free) or replaces one cost centre: the row and its outbox
 * entry in one transaction. Throws a CostCenterEditError, writing nothing, when it cannot be pushed.
 */
export const saveCostCenter = (
  db: InvoiceDeskDatabase,
  code: string,
  input: CostCenterInput,
  { creating, now = () => new Date() }: CostCenterWriteOptions & { creating: boolean },
): Promise<void> =>
  db.transaction('rw', costCenterTables(db), async () => {
    await requireCostCenterOption(db, code);
    const stored = await db.costCenters.get(code);
    if (creating && stored) throw new CostCenterEditError('exists', code);
    if (!creating && !stored) throw new CostCenterEditError('missing', code);
    await putCostCenter(db, code, input, now);
  });

/** Deletes a cost centre no assignment charges (else `inUse`: it can only be deactivated). */
export const deleteCostCenter = (db: InvoiceDeskDatabase, code: string): Promise<void> =>
  db.transaction('rw', costCenterTables(db), async () => {
    await requireCostCenterOption(db, code);
    await removeCostCenter(db, code);
  });

/**
 * Many cost-centre changes (an import, or its undo) in ONE transaction with their outbox entries:
 * all are written or, if any is refused (option off, an invalid value, a used or missing code to
 * delete), none. A put creates or replaces; a delete of a centre created locally and never pushed
 * leaves nothing to push.
 */
export const applyCostCenterChanges = (
  db: InvoiceDeskDatabase,
  changes: readonly CostCenterChange[],
  { now = () => new Date() }: CostCenterWriteOptions = {},
): Promise<void> =>
  db.transaction('rw', costCenterTables(db), async () => {
    await requireCostCenterOption(db, changes[0]?.code ?? '');
    for (const change of changes) {
      if ('delete' in change) await removeCostCenter(db, change.code);
      else await putCostCenter(db, change.code, change.input, now);
    }
  });

export const savePreferences = (db: InvoiceDeskDatabase, preferences: Preferences): Promise<void> =>
  db.transaction('rw', [db.singletons, db.outbox], async () => {
    const stored = await db.singletons.get('preferences');
    if (!stored?.etag) throw new Error('Preferences can be changed once they have been synchronised');
    await db.singletons.put({ key: 'preferences', value: preferences, etag: stored.etag });
    await enqueue(
      db,
      { entity: 'preferences', op: 'put', key: 'preferences', payload: preferences },
      stored.etag,
    );
  });

/** Keep mine: send my edit again, this time over the version the other user made. */
export const resolveKeepMine = (db: InvoiceDeskDatabase, seq: number): Promise<void> =>
  db.transaction('rw', [db.outbox], async () => {
    const row = await db.outbox.get(seq);
    if (row?.state !== 'conflict') return;
    await db.outbox.update(seq, { state: 'pending', baseEtag: row.current?.etag ?? null, current: null });
  });

/** Take theirs (or accept a refusal): drop my edit and show what the operator has now. */
export const resolveTakeTheirs = (db: InvoiceDeskDatabase, seq: number): Promise<void> =>
  db.transaction(
    'rw',
    [db.outbox, db.designations, db.costCenters, db.assignments, db.singletons],
    async () => {
      const row = await db.outbox.get(seq);
      if (!row || row.state === 'pending') return;
      await db.outbox.delete(seq);
      await applyServerState(db, row, row.current);
    },
  );

/**
 * Calls `onEdit` whenever the edits waiting to be pushed change and some are waiting: a new edit, a
 * change of one, a conflict the clerk settled with "keep mine". Not for what is already waiting when
 * it starts (the start's own sync pushes that), nor for a push that empties the outbox.
 */
export const watchPendingEdits = (db: InvoiceDeskDatabase, onEdit: () => void): Disposable => {
  let previous: string | null = null;
  const subscription = liveQuery(() => db.outbox.where('state').equals('pending').toArray()).subscribe({
    next: (rows) => {
      const signature = rows.map((row) => `${row.seq ?? ''}:${row.version}`).join(',');
      const first = previous === null;
      const changed = signature !== previous;
      previous = signature;
      if (!first && changed && rows.length > 0) onEdit();
    },
    // A failed read is not an edit: the next scheduled sync pushes whatever waits.
    error: () => undefined,
  });
  return toDisposable(() => subscription.unsubscribe());
};
