import type { AssignmentChange } from './changes';

/**
 * Undo and redo of assignment batches. Each entry holds the batch and its inverse as the writer
 * returned it; undoing applies the inverse through the same writer (so it is pushed, checked and
 * re-allocated like any edit), redoing applies the batch again. A new batch clears what could be
 * redone, as every editor does.
 */
export interface HistoryEntry<Label> {
  /** What the clerk did, for the buttons' names and the announcement ("Assign 3 keys to 2100"). */
  label: Label;
  changes: readonly AssignmentChange[];
  undo: readonly AssignmentChange[];
}

export interface ChangeHistory<Label> {
  readonly done: readonly HistoryEntry<Label>[];
  readonly undone: readonly HistoryEntry<Label>[];
}

/** At most this many batches are kept: enough for a working session, bounded in memory. */
export const HISTORY_LIMIT = 50;

export const emptyHistory = <Label>(): ChangeHistory<Label> => ({ done: [], undone: [] });

export const recordChange = <Label>(
  history: ChangeHistory<Label>,
  entry: HistoryEntry<Label>,
): ChangeHistory<Label> => ({ done: [...history.done, entry].slice(-HISTORY_LIMIT), undone: [] });

/** The entry to undo (apply its `undo`), and the history once it is undone; null when none. */
export const nextUndo = <Label>(
  history: ChangeHistory<Label>,
): {
  entry: HistoryEntry<Label>;
  after: (undo: readonly AssignmentChange[]) => ChangeHistory<Label>;
} | null => {
  const entry = history.done.at(-1);
  if (!entry) return null;
  return {
    entry,
    // Undoing writes anew: its own inverse (returned by the writer) is what redo then applies.
    after: (redo) => ({
      done: history.done.slice(0, -1),
      undone: [...history.undone, { label: entry.label, changes: entry.undo, undo: redo }],
    }),
  };
};

/** The entry to redo (apply its `undo`, which holds the original batch), and the history after. */
export const nextRedo = <Label>(
  history: ChangeHistory<Label>,
): {
  entry: HistoryEntry<Label>;
  after: (undo: readonly AssignmentChange[]) => ChangeHistory<Label>;
} | null => {
  const entry = history.undone.at(-1);
  if (!entry) return null;
  return {
    entry,
    after: (undo) => ({
      done: [...history.done, { label: entry.label, changes: entry.undo, undo }],
      undone: history.undone.slice(0, -1),
    }),
  };
};
