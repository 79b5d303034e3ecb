import { describe, expect, it } from 'vitest';
import type { Assignment } from '../api/schemas';
import { assignmentFixture } from '../testing/assignmentFixture';
import { assignmentsAfter, inverseChanges, type AssignmentChange } from './changes';
import { emptyHistory, HISTORY_LIMIT, nextRedo, nextUndo, recordChange, type ChangeHistory } from './history';

/** The writer's contract in memory: apply a batch, answer its inverse. */
const archive = (initial: Assignment[]) => {
  let rows = initial;
  return {
    rows: () =>
      rows.map((row) => `${row.id}:${row.splits.map((split) => split.costCenterCode).join('+')}`).sort(),
    apply: (changes: readonly AssignmentChange[]) => {
      const undo = inverseChanges(rows, changes);
      rows = assignmentsAfter(rows, changes, '2026-11-20T10:00:00Z');
      return undo;
    },
  };
};

const to = (code: string, id = 'a-1'): AssignmentChange => ({
  op: 'put',
  id,
  input: { kind: 'service', key: 'PP-PRI', splits: [{ costCenterCode: code, percent: 100 }] },
});

describe('undo and redo of assignment batches', () => {
  it('undo, undo, redo, redo walk the states back and forth; a new batch clears redo', () => {
    const store = archive([assignmentFixture({ id: 'a-1' })]);
    let history: ChangeHistory<string> = emptyHistory();
    const act = (change: AssignmentChange, label: string) => {
      history = recordChange(history, { label, changes: [change], undo: store.apply([change]) });
    };
    const undo = () => {
      const step = nextUndo(history);
      if (!step) return null;
      history = step.after(store.apply(step.entry.undo));
      return step.entry.label;
    };
    const redo = () => {
      const step = nextRedo(history);
      if (!step) return null;
      history = step.after(store.apply(step.entry.undo));
      return step.entry.label;
    };
    act(to('3100'), 'first');
    act(to('4100', 'a-2'), 'second');
    expect(store.rows()).toEqual(['a-1:3100', 'a-2:4100']);
    expect(undo()).toBe('second');
    expect(store.rows()).toEqual(['a-1:3100']);
    expect(undo()).toBe('first');
    expect(store.rows()).toEqual(['a-1:2100']);
    expect(undo()).toBeNull();
    expect(redo()).toBe('first');
    expect(store.rows()).toEqual(['a-1:3100']);
    expect(redo()).toBe('second');
    expect(store.rows()).toEqual(['a-1:3100', 'a-2:4100']);
    expect(redo()).toBeNull();
    expect(undo()).toBe('second');
    act(to('5100'), 'third');
    expect(nextRedo(history)).toBeNull();
    expect(undo()).toBe('third');
    expect(store.rows()).toEqual(['a-1:3100']);
  });

  it('keeps the last batches only', () => {
    let history: ChangeHistory<number> = emptyHistory();
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1)
      history = recordChange(history, { label: i, changes: [], undo: [] });
    expect(history.done).toHaveLength(HISTORY_LIMIT);
    expect(history.done[0]?.label).toBe(5);
  });
});
