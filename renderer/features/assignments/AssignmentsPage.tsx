import { AssignmentImport } from './import/AssignmentImport';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostCenter } from '../../../shared/api/schemas';
import {
  buildCenterRows,
  latestCostMonth,
  buildKeyRows,
  emptyKeyFilter,
  filterKeyRows,
  keyKinds,
  lastTwelveMonths,
  notChargedBucket,
  planDrop,
  type BoardKey,
  type DropPlan,
  type KeyFilter,
  type KeyRow,
} from '../../../shared/allocation/board';
import { localIsoDay } from '../../../shared/core/periods';
import { newAssignmentId } from '../../db/assignmentEdits';
import { FilterField } from '../../ui/FilterField';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { useLanguage } from '../../ui/useLanguage';
import { useNames } from '../designations';
import { centreName, editFailureText } from './assignmentText';
import { AssignToDialog } from './AssignToDialog';
import './assignments.css';
import './board.css';
import { changeLabelText } from './boardText';
import { CenterPane } from './CenterPane';
import { ConfirmDropDialog } from './ConfirmDropDialog';
import { SplitDialog } from './SplitDialog';
import { useAssignmentEdits } from './edits';
import { KeyList, type Selection } from './KeyList';
import {
  useAllocatedMonths,
  useAssignments,
  useBoardRollups,
  useCostCenterOption,
  useCostCenters,
} from './queries';

type Dialog =
  | { kind: 'assignTo'; keys: BoardKey[] }
  | { kind: 'confirm'; plan: DropPlan; costCenterCode: string }
  | { kind: 'split'; key: BoardKey };

const emptySelection: Selection = { selected: new Set(), anchor: null, focused: null };

/** A drag from the pointer lands where the pointer is; one from the keyboard where the key's box is. */
const collisionDetection: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);

/**
 * The keyboard's drag jumps from one cost centre to the next (arrow down or right) or the one
 * before (up or left), in the order they are shown, instead of moving a few pixels per key press.
 */
const centreByCentre: KeyboardCoordinateGetter = (event, { context }) => {
  const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.code];
  const { collisionRect, droppableRects, over } = context;
  if (step === undefined || !collisionRect) return undefined;
  event.preventDefault();
  const targets = [...droppableRects.entries()].sort(([, a], [, b]) => a.top - b.top || a.left - b.left);
  if (targets.length === 0) return undefined;
  const current = over ? targets.findIndex(([id]) => id === over.id) : -1;
  const next =
    targets[
      current === -1
        ? step > 0
          ? 0
          : targets.length - 1
        : (current + step + targets.length) % targets.length
    ];
  if (!next) return undefined;
  const [, rect] = next;
  return {
    x: rect.left + rect.width / 2 - collisionRect.width / 2,
    y: rect.top + rect.height / 2 - collisionRect.height / 2,
  };
};

/**
 * The assignment board: the archive's keys on one side, the cost centres on the other. Keys are
 * dragged (pointer or keyboard) or assigned through "Assign to…" onto a centre; every drop is
 * confirmed with what it moves, written as one batch, and can be undone and redone.
 */
export const AssignmentsPage = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useNames();
  const [today] = useState(() => localIsoDay(new Date()));
  const months = useMemo(() => lastTwelveMonths(today), [today]);
  const option = useCostCenterOption();
  const assignments = useAssignments();
  const centers = useCostCenters();
  const rollups = useBoardRollups();
  const allocated = useAllocatedMonths(months.from, months.to);
  const shownMonth = useMemo(() => latestCostMonth(allocated?.rows ?? [], months.to), [allocated, months.to]);
  const edits = useAssignmentEdits();
  const [filter, setFilter] = useState<KeyFilter>(emptyKeyFilter);
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dragged, setDragged] = useState<BoardKey[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const instructionsId = useId();
  const editable = option === 'on';

  const centerByCode = useMemo(
    () => new Map<string, CostCenter>((centers?.rows ?? []).map((center) => [center.code, center])),
    [centers],
  );
  const keyRows = useMemo(
    () =>
      rollups && assignments
        ? buildKeyRows({
            rollups: rollups.rows,
            assignments: assignments.rows,
            today,
            designation: ({ kind, key }) =>
              names.designation(kind, key) ??
              (kind === 'service'
                ? names.service(key)
                : kind === 'invoiceReference'
                  ? names.referenceLabel(key)
                  : undefined),
          })
        : null,
    [rollups, assignments, today, names],
  );
  const shown = useMemo(() => (keyRows ? filterKeyRows(keyRows, filter) : []), [keyRows, filter]);
  const rowById = useMemo(() => new Map((keyRows ?? []).map((row) => [row.id, row])), [keyRows]);
  const centerRows = useMemo(
    () => buildCenterRows(centers?.rows ?? [], allocated?.rows ?? [], shownMonth),
    [centers, allocated, shownMonth],
  );
  const bucket = useMemo(
    () => (keyRows && allocated ? notChargedBucket(keyRows, allocated.rows, today) : null),
    [keyRows, allocated, today],
  );

  /** The selected keys in the order shown (those filtered out stay selected but are not dragged). */
  const selectedKeys = useCallback(
    (): BoardKey[] =>
      shown.filter((row) => selection.selected.has(row.id)).map(({ kind, key }) => ({ kind, key })),
    [shown, selection.selected],
  );

  const proposeDrop = useCallback(
    (keys: readonly BoardKey[], costCenterCode: string) => {
      const plan = planDrop(keys, assignments?.rows ?? [], costCenterCode, newAssignmentId);
      setFailure(null);
      setDialog({ kind: 'confirm', plan, costCenterCode });
    },
    [assignments],
  );

  const undoRedo = useCallback(
    (which: 'undo' | 'redo') => {
      setFailure(null);
      (which === 'undo' ? edits.undo() : edits.redo()).then(
        (label) => {
          if (label)
            setAnnouncement(
              t(which === 'undo' ? 'assignmentChanges.undone' : 'assignmentChanges.redone', {
                action: changeLabelText(t, label, centerByCode),
              }),
            );
        },
        (error: unknown) => setFailure(editFailureText(t, language, error, centerByCode)),
      );
    },
    [edits, t, language, centerByCode],
  );

  // Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS) anywhere on the page but in a text field, which has its own undo.
  useEffect(() => {
    if (!editable) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      undoRedo(event.shiftKey ? 'redo' : 'undo');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editable, undoRedo]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      // Space selects keys in the list: only Enter picks one up.
      keyboardCodes: { start: ['Enter'], cancel: ['Escape'], end: ['Enter', 'Space'] },
      coordinateGetter: centreByCentre,
    }),
  );

  const keysText = (keys: readonly BoardKey[]) => keys.map((key) => key.key).join(', ');
  /** A row of the selection drags the whole selection; any other row drags itself alone. */
  const keysDraggedBy = (id: string): BoardKey[] => {
    if (selection.selected.has(id)) return selectedKeys();
    const row = rowById.get(id);
    return row ? [{ kind: row.kind, key: row.key }] : [];
  };
  const overName = (id: UniqueIdentifier) => centreName(t, String(id), centerByCode);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const keys = keysDraggedBy(String(active.id));
      return t('assignmentBoard.drag.start', { count: keys.length, keys: keysText(keys) });
    },
    onDragOver: ({ over }) =>
      over
        ? t('assignmentBoard.drag.over', { centre: overName(over.id) })
        : t('assignmentBoard.drag.notOver'),
    onDragEnd: ({ over }) =>
      over
        ? t('assignmentBoard.drag.end', { centre: overName(over.id) })
        : t('assignmentBoard.drag.endNowhere'),
    onDragCancel: () => t('assignmentBoard.drag.cancel'),
  };

  const onDragStart = (event: DragStartEvent) => {
    const id = String(event.active.id);
    if (!selection.selected.has(id)) setSelection({ selected: new Set([id]), anchor: id, focused: id });
    setDragged(keysDraggedBy(id));
  };
  const onDragEnd = (event: DragEndEvent) => {
    const keys = dragged;
    setDragged(null);
    if (!keys || !event.over) return;
    proposeDrop(keys, String(event.over.id));
  };

  const confirmDrop = async (plan: DropPlan, costCenterCode: string) => {
    const label = { action: 'assign', count: plan.assigned.length, costCenterCode } as const;
    await edits.apply(plan.changes, label);
    setDialog(null);
    setSelection((current) => ({ ...current, selected: new Set(), anchor: null }));
    setAnnouncement(t('assignmentChanges.done', { action: changeLabelText(t, label, centerByCode) }));
  };

  const title = t('pages.assignments.title');
  if (!keyRows || !centers || option === undefined) return <PageHeader title={title} />;

  const selectedCount = selectedKeys().length;
  const undoLabel = edits.undoLabel && changeLabelText(t, edits.undoLabel, centerByCode);
  const redoLabel = edits.redoLabel && changeLabelText(t, edits.redoLabel, centerByCode);

  return (
    <section className="assignment-board">
      <div className="board-header">
        <PageHeader title={title} />
        {editable && (
          <div className="board-header__actions">
            <AssignmentImport />
            <button
              type="button"
              className="secondary"
              disabled={!undoLabel}
              aria-keyshortcuts="Control+Z Meta+Z"
              onClick={() => undoRedo('undo')}
            >
              {undoLabel
                ? t('assignmentChanges.undoAction', { action: undoLabel })
                : t('assignmentBoard.undoNothing')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!redoLabel}
              aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
              onClick={() => undoRedo('redo')}
            >
              {redoLabel
                ? t('assignmentChanges.redoAction', { action: redoLabel })
                : t('assignmentBoard.redoNothing')}
            </button>
          </div>
        )}
      </div>
      {option === 'off' ? (
        <div className="notice notice--warning" role="status">
          <h2>{t('costCenterPage.option.offTitle')}</h2>
          <p>{t('costCenterPage.option.offBody')}</p>
        </div>
      ) : option === 'unknown' ? (
        <p className="notice notice--warning">{t('costCenterPage.option.unknown')}</p>
      ) : (
        <details className="board-help">
          <summary>{t('assignmentBoard.intro')}</summary>
          <p>{t('assignmentBoard.help')}</p>
          <p>{t('assignmentBoard.keyboardHelp')}</p>
        </details>
      )}
      <SkippedRowsNotice kind="rows" skipped={assignments?.skipped} area="assignments" />
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="board-announcement">
        {announcement}
      </p>
      {failure !== null && (
        <p role="alert" className="notice notice--error">
          {failure}
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('assignmentBoard.drag.instructions') },
        }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
      >
        <div className={`board-panes${editable ? '' : ' board-panes--single'}`}>
          <section className="board-keys-pane" aria-labelledby="board-keys-title">
            <h2 id="board-keys-title" className="visually-hidden">
              {t('assignmentBoard.keysLabel')}
            </h2>
            <div className="filters" role="search" aria-label={t('assignmentBoard.filtersLabel')}>
              <FilterField label={t('assignmentBoard.search')}>
                {(id) => (
                  <input
                    id={id}
                    type="search"
                    maxLength={100}
                    placeholder={t('assignmentBoard.searchPlaceholder')}
                    value={filter.text}
                    onChange={(event) => setFilter({ ...filter, text: event.target.value })}
                  />
                )}
              </FilterField>
              <FilterField label={t('assignmentBoard.kind')}>
                {(id) => (
                  <select
                    id={id}
                    value={filter.kind}
                    onChange={(event) =>
                      setFilter({
                        ...filter,
                        kind: keyKinds.find((kind) => kind === event.target.value) ?? 'all',
                      })
                    }
                  >
                    <option value="all">{t('assignmentBoard.allKinds')}</option>
                    {keyKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`names.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FilterField>
              <label className="board-unassigned">
                <input
                  type="checkbox"
                  checked={filter.unassignedOnly}
                  onChange={(event) => setFilter({ ...filter, unassignedOnly: event.target.checked })}
                />{' '}
                {t('assignmentBoard.unassignedOnly')}
              </label>
            </div>
            <div className="board-selection">
              <span>{t('assignmentBoard.shown', { shown: shown.length, total: keyRows.length })}</span>
              {selectedCount > 0 && (
                <strong>{t('assignmentBoard.selected', { count: selectedCount })}</strong>
              )}
              {editable && (
                <button
                  type="button"
                  disabled={selectedCount === 0 || centerRows.length === 0}
                  aria-keyshortcuts="A"
                  onClick={() => setDialog({ kind: 'assignTo', keys: selectedKeys() })}
                >
                  {t('assignmentBoard.assignTo')}
                </button>
              )}
              {selectedCount > 0 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setSelection({ ...selection, selected: new Set(), anchor: null })}
                >
                  {t('assignmentBoard.clearSelection')}
                </button>
              )}
            </div>
            <p id={instructionsId} className="visually-hidden">
              {t('assignmentBoard.keyboardHelp')} {t('assignmentBoard.drag.instructions')}
            </p>
            <KeyList
              rows={shown}
              selection={selection}
              onSelection={setSelection}
              centers={centerByCode}
              editable={editable}
              instructionsId={instructionsId}
              dragging={dragged !== null}
              empty={keyRows.length === 0 ? t('assignmentBoard.empty') : t('assignmentBoard.noMatch')}
              onAssign={(ids) => {
                const keys = shown.filter((row) => ids.has(row.id)).map(({ kind, key }) => ({ kind, key }));
                if (keys.length > 0 && centerRows.length > 0) setDialog({ kind: 'assignTo', keys });
              }}
              onSplit={(row: KeyRow) => setDialog({ kind: 'split', key: { kind: row.kind, key: row.key } })}
            />
          </section>
          {/* Without the option there is nothing to drop onto: the keys are shown, read-only. */}
          {editable && <CenterPane centers={centerRows} bucket={bucket} month={shownMonth} />}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragged ? (
            <div className="board-drag">{t('assignmentBoard.drag.overlay', { count: dragged.length })}</div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {dialog?.kind === 'assignTo' && (
        <AssignToDialog
          count={dialog.keys.length}
          centers={centerRows}
          onChoose={(code) => proposeDrop(dialog.keys, code)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'confirm' && (
        <ConfirmDropDialog
          plan={dialog.plan}
          costCenterCode={dialog.costCenterCode}
          centers={centerByCode}
          onConfirm={() => confirmDrop(dialog.plan, dialog.costCenterCode)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'split' && <SplitDialog assignmentKey={dialog.key} onClose={() => setDialog(null)} />}
    </section>
  );
};
