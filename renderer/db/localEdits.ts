import {
  CostCenterCodeSchema,
  CostCenterInputSchema,
  CostCenterSchema,
  CustomerSchema,
  PreferencesSchema,
  type CostCenter,
  type CostCenterInput,
  type KeyKind,
  type Preferences,
} from '../../shared/api/schemas';
import { assignmentsUsing } from '../../shared/costCenters/centerList';
import { CostCenterEditError } from '../../shared/costCenters/editErrors';
import type { ImportChange } from '../../shared/costCenters/importPlan';
import { designationKey } from '../../shared/designations/names';
import type { OutboxChange } from '../../shared/sync/outbox';
import type { InvoiceDeskDatabase } from './database';
import type { CostCenterImportRecord, ImportedEntry, OutboxRow } from './records';
import { applyServerState } from './serverState';
import { appendAudit } from './auditLog';

/**
 * Local edits: written to their table and to the outbox in one transaction, so the clerk sees them
 * at once and the sync engine pushes them later. Several edits of one entity coalesce into one push.
 */
/** The outbox entry an edit now travels in (seq and version), or null when it cancelled a waiting one. */
type Enqueued = { seq: number; version: number } | null;

export const enqueue = async (
  db: InvoiceDeskDatabase,
  change: OutboxChange,
  baseEtag: string | null,
): Promise<Enqueued> => {
  const waiting = await db.outbox.where('[entity+key]').equals([change.entity, change.key]).first();
  if (!waiting || waiting.seq === undefined) {
    const seq = await db.outbox.add({
      ...change,
      baseEtag,
      state: 'pending',
      current: null,
      reason: null,
      version: 1,
      createdAt: new Date().toISOString(),
    });
    // An auto-incremented key is always assigned; Dexie's type allows for tables without one.
    if (seq === undefined) throw new Error('The outbox assigned no sequence number');
    return { seq, version: 1 };
  }
  if (change.op === 'delete' && waiting.baseEtag === null && waiting.state === 'pending') {
    // Created and deleted before the operator ever saw it: nothing to send.
    await db.outbox.delete(waiting.seq);
    return null;
  }
  // Keeps the base ETag and a conflict state: the clerk still has to settle what the other user did.
  // A refusal was about the refused content: an edit of it is new content, sent again.
  const version = waiting.version + 1;
  const resent = waiting.state === 'rejected' ? { state: 'pending' as const, reason: null } : {};
  await db.outbox.put({ ...waiting, ...change, ...resent, version } satisfies OutboxRow);
  return { seq: waiting.seq, version };
};

export const saveDesignation = (
  db: InvoiceDeskDatabase,
  kind: KeyKind,
  key: string,
  text: string,
): Promise<void> =>
  db.transaction('rw', [db.designations, db.outbox, db.auditLog], async () => {
    const trimmed = text.trim();
    const stored = await db.designations.get([kind, key]);
    const baseEtag = stored?.etag ? stored.etag : null;
    const before = stored?.text ?? null;
    if (before !== (trimmed === '' ? null : trimmed)) {
      await appendAudit(db, {
        at: new Date().toISOString(),
        kind: 'designationEdited',
        params: { kind, key },
        before,
        after: trimmed === '' ? null : trimmed,
      });
    }
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

export interface CostCenterWriteOptions {
  /** Stamps the local row's `updatedAt` until the operator's own time replaces it. */
  now?: () => Date;
}

/**
 * The operator answers 403 to every cost-centre write while the customer's option is off: such an
 * edit would wait in the outbox forever. Refused unless the synchronised customer has it on.
 */
const requireCostCenterOption = async (db: InvoiceDeskDatabase, code: string): Promise<void> => {
  const option = await costCenterOption(db);
  if (option !== 'on') throw new CostCenterEditError(option, code);
};

/** Whether the synchronised customer has the cost-centre option; call inside a transaction over singletons. */
export const costCenterOption = async (
  db: InvoiceDeskDatabase,
): Promise<'on' | 'optionOff' | 'notSynced'> => {
  const parsed = CustomerSchema.safeParse((await db.singletons.get('customer'))?.value);
  if (!parsed.success) return 'notSynced';
  return parsed.data.costCenterOption ? 'on' : 'optionOff';
};

/** What the audit log keeps of a centre: the fields the clerk sets. */
const centerFields = (center: CostCenter): CostCenterInput => ({
  name: center.name,
  owner: center.owner,
  active: center.active,
  objectType: center.objectType,
  monthlyBudget: center.monthlyBudget,
});

/** Writes one centre and its outbox entry; call inside a transaction over costCenters, assignments and outbox. */
const putCostCenter = async (
  db: InvoiceDeskDatabase,
  code: string,
  input: CostCenterInput,
  now: () => Date,
): Promise<{ before: CostCenterInput | null; after: CostCenterInput }> => {
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
  return { before: stored ? centerFields(stored) : null, after: parsedInput.data };
};

/** Deletes one centre unless an assignment charges it; call inside the same transaction as putCostCenter. */
const removeCostCenter = async (db: InvoiceDeskDatabase, code: string): Promise<CostCenterInput> => {
  const stored = await db.costCenters.get(code);
  if (!stored) throw new CostCenterEditError('missing', code);
  const uses = assignmentsUsing(code, await db.assignments.toArray()).length;
  if (uses > 0) throw new CostCenterEditError('inUse', code, uses);
  await db.costCenters.delete(code);
  const baseEtag = stored.etag ? stored.etag : null;
  const waiting = await db.outbox.where('[entity+key]').equals(['costCenter', code]).first();
  // Never at the operator and nothing waiting for it: there is nothing to tell the operator.
  if (baseEtag !== null || waiting) {
    await enqueue(db, { entity: 'costCenter', op: 'delete', key: code, payload: null }, baseEtag);
  }
  return centerFields(stored);
};

const costCenterTables = (db: InvoiceDeskDatabase) =>
  [db.costCenters, db.assignments, db.outbox, db.singletons, db.auditLog] as const;

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
    const { before, after } = await putCostCenter(db, code, input, now);
    await appendAudit(db, {
      at: now().toISOString(),
      kind: 'costCenterEdited',
      params: { code, action: creating ? 'created' : 'changed' },
      before,
      after,
    });
  });

/** Deletes a cost centre no assignment charges (else `inUse`: it can only be deactivated). */
export const deleteCostCenter = (
  db: InvoiceDeskDatabase,
  code: string,
  { now = () => new Date() }: CostCenterWriteOptions = {},
): Promise<void> =>
  db.transaction('rw', costCenterTables(db), async () => {
    await requireCostCenterOption(db, code);
    const before = await removeCostCenter(db, code);
    await appendAudit(db, {
      at: now().toISOString(),
      kind: 'costCenterEdited',
      params: { code, action: 'deleted' },
      before,
      after: null,
    });
  });

export const savePreferences = (db: InvoiceDeskDatabase, preferences: Preferences): Promise<void> =>
  db.transaction('rw', [db.singletons, db.outbox, db.auditLog], async () => {
    const stored = await db.singletons.get('preferences');
    if (!stored?.etag) throw new Error('Preferences can be changed once they have been synchronised');
    await db.singletons.put({ key: 'preferences', value: preferences, etag: stored.etag });
    await appendAudit(db, {
      at: new Date().toISOString(),
      kind: 'preferencesEdited',
      params: {},
      before: PreferencesSchema.safeParse(stored.value).data ?? null,
      after: preferences,
    });
    await enqueue(
      db,
      { entity: 'preferences', op: 'put', key: 'preferences', payload: preferences },
      stored.etag,
    );
  });

/** Keep mine: send my edit again, this time over the version the other user made. */
export const resolveKeepMine = (
  db: InvoiceDeskDatabase,
  seq: number,
  now: () => Date = () => new Date(),
): Promise<void> =>
  db.transaction('rw', [db.outbox, db.auditLog], async () => {
    const row = await db.outbox.get(seq);
    if (row?.state !== 'conflict') return;
    await db.outbox.update(seq, { state: 'pending', baseEtag: row.current?.etag ?? null, current: null });
    await appendAudit(db, {
      at: now().toISOString(),
      kind: 'conflictSettled',
      params: { entity: row.entity, key: row.key, settlement: 'keepMine' },
      before: row.payload,
      after: row.current?.value ?? null,
    });
  });

/** Take theirs (or accept a refusal): drop my edit and show what the operator has now. */
export const resolveTakeTheirs = (
  db: InvoiceDeskDatabase,
  seq: number,
  now: () => Date = () => new Date(),
): Promise<void> =>
  db.transaction(
    'rw',
    [
      db.outbox,
      db.designations,
      db.costCenters,
      db.assignments,
      db.singletons,
      // The operator's assignments re-allocate the lines of their keys (db/serverState.ts).
      db.lineBlocks,
      db.allocatedRollups,
      db.auditLog,
    ],
    async () => {
      const row = await db.outbox.get(seq);
      if (!row || row.state === 'pending') return;
      await db.outbox.delete(seq);
      await appendAudit(db, {
        at: now().toISOString(),
        kind: 'conflictSettled',
        params: {
          entity: row.entity,
          key: row.key,
          settlement: row.state === 'rejected' ? 'refusalAccepted' : 'takeTheirs',
        },
        before: row.payload,
        after: row.current?.value ?? null,
      });
      // A refusal carries no current version, and that is not "gone": the operator still has the
      // version a replacement or deletion was based on, which the next pull (no longer held back
      // by this edit) brings back. Only a refused creation leaves the operator with nothing.
      if (row.state === 'rejected' && row.baseEtag !== null) return;
      await applyServerState(db, row, row.current);
    },
  );

/** What an import tells the audit log besides the rows it wrote. */
export interface ImportSummary {
  fileName: string;
  created: number;
  changed: number;
  deactivated: number;
  /** Rows with errors the clerk chose to leave out. */
  skipped: number;
  /** The SHA-256 of the file's bytes (lowercase hex), as the audit log keeps it. */
  sha256: string;
}

const LAST_IMPORT = 'lastCostCenterImport';

/**
 * Writes every cost centre of an import and its outbox entry in ONE transaction: a row the
 * contract refuses, or any other failure, rolls back everything, so an import never half-lands.
 * New centres are pushed with If-None-Match, changed ones with If-Match on the stored ETag; an edit
 * already waiting for the same code is coalesced (the import's value wins, its base ETag stays).
 * What each row was is kept, so that the whole import can be undone until the sync pushes any of it.
 */
export const applyCostCenterImport = (
  db: InvoiceDeskDatabase,
  changes: readonly ImportChange[],
  summary: ImportSummary,
  now: () => Date,
): Promise<CostCenterImportRecord> =>
  db.transaction('rw', [db.costCenters, db.outbox, db.auditLog, db.importMemory, db.singletons], async () => {
    // Nothing is queued that could never be pushed.
    await requireCostCenterOption(db, changes[0]?.code ?? '');
    const at = now().toISOString();
    const entries: ImportedEntry[] = [];
    for (const change of changes) {
      const stored = await db.costCenters.get(change.code);
      const waitingBefore =
        (await db.outbox.where('[entity+key]').equals(['costCenter', change.code]).first()) ?? null;
      // A local-only centre has no ETag yet: the empty string marks "not at the operator".
      const row = CostCenterSchema.parse({
        ...change.after,
        code: change.code,
        etag: stored?.etag ?? '',
        updatedAt: at,
      });
      await db.costCenters.put(row);
      const enqueued = await enqueue(
        db,
        { entity: 'costCenter', op: 'put', key: change.code, payload: change.after },
        stored?.etag ? stored.etag : null,
      );
      if (enqueued === null) throw new Error(`The outbox dropped the import of ${change.code}`);
      entries.push({ code: change.code, before: stored ?? null, waitingBefore, ...enqueued });
    }
    const record: CostCenterImportRecord = { at, fileName: summary.fileName, summary, entries };
    await db.importMemory.put({ key: LAST_IMPORT, record });
    await appendAudit(db, { at, kind: 'costCenterImport', params: summary });
    return record;
  });

/** The last import while it can still be undone; null when there is none or it is gone. */
export const readLastImport = async (db: InvoiceDeskDatabase): Promise<CostCenterImportRecord | null> => {
  const row = await db.importMemory.get(LAST_IMPORT);
  return row?.key === 'lastCostCenterImport' ? row.record : null;
};

/**
 * Why an import can no longer be undone: the sync pushed (or the operator refused) one of its
 * entries, or a later edit changed one of its cost centres.
 */
export type UndoBlocker = 'pushed' | 'editedSince' | 'nothing';

/** Whether every outbox entry of the import still waits as the import left it. */
export const undoBlocker = async (
  db: InvoiceDeskDatabase,
  record: CostCenterImportRecord | null,
): Promise<UndoBlocker | null> => {
  if (record === null) return 'nothing';
  const waiting = await db.outbox.bulkGet(record.entries.map((entry) => entry.seq));
  for (const [index, entry] of record.entries.entries()) {
    const row = waiting[index];
    if (row?.state !== 'pending') return 'pushed';
    if (row.version !== entry.version) return 'editedSince';
  }
  return null;
};

/**
 * Undoes the whole last import in ONE transaction: restores every row as it was, removes the
 * import's outbox entries (or puts back the edit that was waiting before it), while all of them
 * still wait unpushed and unchanged. Otherwise changes nothing and says why.
 */
export const undoCostCenterImport = (
  db: InvoiceDeskDatabase,
  now: () => Date,
): Promise<{ ok: true; restored: number } | { ok: false; reason: UndoBlocker }> =>
  db.transaction('rw', [db.costCenters, db.outbox, db.auditLog, db.importMemory], async () => {
    const record = await readLastImport(db);
    const blocker = await undoBlocker(db, record);
    if (blocker !== null || record === null) return { ok: false, reason: blocker ?? 'nothing' } as const;
    for (const entry of [...record.entries].reverse()) {
      if (entry.before === null) await db.costCenters.delete(entry.code);
      else await db.costCenters.put(entry.before);
      if (entry.waitingBefore === null) await db.outbox.delete(entry.seq);
      // A newer version than any the sync may be pushing, so an answer for the import's value never acknowledges it.
      else await db.outbox.put({ ...entry.waitingBefore, seq: entry.seq, version: entry.version + 1 });
    }
    await db.importMemory.delete(LAST_IMPORT);
    await appendAudit(db, {
      at: now().toISOString(),
      kind: 'costCenterImportUndone',
      params: { fileName: record.fileName, restored: record.entries.length },
    });
    return { ok: true, restored: record.entries.length } as const;
  });
