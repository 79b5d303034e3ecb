import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { KeyKind } from '../../../shared/api/schemas';
import type { AssignmentChange } from '../../../shared/allocation/changes';
import {
  emptyHistory,
  nextRedo,
  nextUndo,
  recordChange,
  type ChangeHistory,
} from '../../../shared/allocation/history';
import {
  applyAssignmentChanges,
  type AppliedAssignments,
  type AssignmentAuditOrigin,
} from '../../db/assignmentEdits';
import { useDatabase } from '../../db/DatabaseContext';
import type { InvoiceDeskDatabase } from '../../db/database';

// Every write the assignments feature makes: one batch of changes per clerk action, through
// db/assignmentEdits.ts (rows, outbox and re-allocation in one transaction), remembered for undo.

/** What a batch did, in words the buttons and the announcements translate (`assignmentChanges.labels`). */
export type ChangeLabel =
  | { action: 'assign'; count: number; costCenterCode: string }
  | { action: 'split'; kind: KeyKind; key: string }
  | { action: 'remove'; count: number }
  | { action: 'import'; fileName: string; sha256: string };

type History = ChangeHistory<ChangeLabel>;

/**
 * One history per archive for the app's lifetime: it survives leaving the page and coming back,
 * and another profile's archive never sees it.
 */
interface HistoryStore {
  get: () => History;
  set: (next: History) => void;
  subscribe: (listener: () => void) => () => void;
}

const stores = new WeakMap<InvoiceDeskDatabase, HistoryStore>();

const storeFor = (db: InvoiceDeskDatabase): HistoryStore => {
  let store = stores.get(db);
  if (!store) {
    let history: History = emptyHistory();
    const listeners = new Set<() => void>();
    store = {
      get: () => history,
      set: (next) => {
        history = next;
        for (const listener of listeners) listener();
      },
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    stores.set(db, store);
  }
  return store;
};

export interface AssignmentEdits {
  /** Writes a batch; throws an AssignmentEditError (nothing written) when it is refused. */
  apply: (changes: readonly AssignmentChange[], label: ChangeLabel) => Promise<AppliedAssignments>;
  /** Undoes the last batch; resolves to its label, or null when there was nothing to undo. */
  undo: () => Promise<ChangeLabel | null>;
  redo: () => Promise<ChangeLabel | null>;
  /** What undo and redo would do now; null when they cannot. */
  undoLabel: ChangeLabel | null;
  redoLabel: ChangeLabel | null;
}

const now = () => new Date();

export const useAssignmentEdits = (): AssignmentEdits => {
  const db = useDatabase();
  const store = storeFor(db);
  const history = useSyncExternalStore(store.subscribe, store.get);

  const apply = useCallback(
    async (changes: readonly AssignmentChange[], label: ChangeLabel) => {
      const audit: AssignmentAuditOrigin =
        label.action === 'import'
          ? { origin: 'import', fileName: label.fileName, sha256: label.sha256 }
          : { origin: 'edit' };
      const applied = await applyAssignmentChanges(db, changes, { now, audit });
      store.set(recordChange(store.get(), { label, changes, undo: applied.undo }));
      return applied;
    },
    [db, store],
  );

  const step = useCallback(
    async (pick: typeof nextUndo<ChangeLabel>) => {
      const next = pick(store.get());
      if (!next) return null;
      // A refusal (someone else's assignment now overlaps) leaves the history as it was.
      const applied = await applyAssignmentChanges(db, next.entry.undo, {
        now,
        audit: { origin: pick === nextUndo ? 'undo' : 'redo' },
      });
      store.set(next.after(applied.undo));
      return next.entry.label;
    },
    [db, store],
  );

  return useMemo(
    () => ({
      apply,
      undo: () => step(nextUndo),
      redo: () => step(nextRedo),
      undoLabel: history.done.at(-1)?.label ?? null,
      redoLabel: history.undone.at(-1)?.label ?? null,
    }),
    [apply, step, history],
  );
};
