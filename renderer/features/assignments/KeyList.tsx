import { useDraggable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostCenter } from '../../../shared/api/schemas';
import { selectByClick, type KeyRow } from '../../../shared/allocation/board';
import { formatAmount } from '../../../shared/core/format';
import { useLanguage } from '../../ui/useLanguage';
import { keyAssignmentText } from './boardText';

const ROW_HEIGHT = 48;

export interface Selection {
  selected: ReadonlySet<string>;
  /** Where a Shift range starts. */
  anchor: string | null;
  /** The row that has (or last had) the keyboard focus. */
  focused: string | null;
}

interface KeyListProps {
  rows: readonly KeyRow[];
  selection: Selection;
  onSelection: (next: Selection) => void;
  centers: ReadonlyMap<string, CostCenter>;
  /** Keys (ids) to a cost centre chosen from a list: the "A" key. */
  onAssign: (ids: ReadonlySet<string>) => void;
  onSplit: (row: KeyRow) => void;
  /** Without the option nothing can be dragged, assigned or split. */
  editable: boolean;
  empty: string;
  instructionsId: string;
  /** While a key is dragged, the arrows and Enter belong to the drag (dnd-kit's keyboard sensor). */
  dragging: boolean;
}

/**
 * The keys as an ARIA grid of selectable rows: only the visible rows are rendered, so a real
 * archive's thousands of references scroll freely. One row at a time is a Tab stop (the focused
 * one); its "Split or edit…" button is the next. Each row is a dnd-kit draggable: the pointer drags
 * it after a few pixels, Enter picks it up from the keyboard.
 */
export const KeyList = ({
  rows,
  selection,
  onSelection,
  centers,
  onAssign,
  onSplit,
  editable,
  empty,
  instructionsId,
  dragging,
}: KeyListProps) => {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const id = useId();
  const ids = rows.map((row) => row.id);
  const focusedIndex = Math.max(0, selection.focused === null ? 0 : ids.indexOf(selection.focused));

  // TanStack's virtualizer is meant to re-render with every scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const rowElementId = (index: number) => `${id}-row-${index}`;
  const focusRow = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row may only be rendered after the scroll: focus it on the next frame.
    requestAnimationFrame(() => document.getElementById(rowElementId(index))?.focus());
  };

  const onRowClick = (event: MouseEvent, row: KeyRow) => {
    // Ctrl on Windows and Linux, Cmd on macOS.
    const toggle = event.ctrlKey || event.metaKey;
    const next = selectByClick(ids, selection.selected, selection.anchor, row.id, {
      toggle,
      range: event.shiftKey,
    });
    onSelection({ ...next, focused: row.id });
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    // Keys pressed on the row's button belong to the button.
    if (event.target !== event.currentTarget || dragging) return;
    const row = rows[index];
    if (!row) return;
    const moveTo = (target: number, extend: boolean) => {
      const clamped = Math.max(0, Math.min(rows.length - 1, target));
      const next = rows[clamped];
      if (!next) return;
      if (extend) {
        const anchor = selection.anchor ?? row.id;
        const range = selectByClick(ids, selection.selected, anchor, next.id, { toggle: false, range: true });
        onSelection({ selected: range.selected, anchor, focused: next.id });
      } else onSelection({ ...selection, focused: next.id });
      focusRow(clamped);
    };
    const page = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1,
    );
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target, event.shiftKey);
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      const next = selectByClick(ids, selection.selected, selection.anchor, row.id, {
        toggle: true,
        range: false,
      });
      onSelection({ ...next, focused: row.id });
      return;
    }
    if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      onSelection({ selected: new Set(ids), anchor: row.id, focused: row.id });
      return;
    }
    if (event.key === 'Escape' && selection.selected.size > 0) {
      event.preventDefault();
      onSelection({ selected: new Set(), anchor: null, focused: row.id });
      return;
    }
    if (editable && event.key.toLowerCase() === 'a' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      // "A" on a row outside the selection assigns that row alone.
      if (selection.selected.has(row.id)) onAssign(selection.selected);
      else {
        const alone = new Set([row.id]);
        onSelection({ selected: alone, anchor: row.id, focused: row.id });
        onAssign(alone);
      }
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scroller}
      className="board-keys"
      role="grid"
      aria-label={t('assignmentBoard.keysLabel')}
      aria-multiselectable="true"
      aria-rowcount={rows.length + 1}
      aria-colcount={3}
    >
      <div role="rowgroup" className="board-keys__head">
        <div role="row" aria-rowindex={1} className="board-keys__row">
          <div role="columnheader">{t('assignmentBoard.columns.key')}</div>
          <div role="columnheader" className="num">
            {t('assignmentBoard.columns.cost')}
          </div>
          <div role="columnheader">{t('assignmentBoard.columns.assignment')}</div>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="empty board-keys__empty">{empty}</p>
      ) : (
        <div role="rowgroup" className="board-keys__body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <KeyRowView
                key={row.id}
                elementId={rowElementId(item.index)}
                row={row}
                index={item.index}
                top={item.start}
                selected={selection.selected.has(row.id)}
                tabbable={item.index === focusedIndex}
                centers={centers}
                editable={editable}
                instructionsId={instructionsId}
                onClick={(event) => onRowClick(event, row)}
                onKeyDown={(event) => onRowKeyDown(event, item.index)}
                onFocus={() => {
                  if (selection.focused !== row.id) onSelection({ ...selection, focused: row.id });
                }}
                onSplit={() => onSplit(row)}
              />
            );
          })}
        </div>
      )}
    </div>
  );
};

interface KeyRowViewProps {
  elementId: string;
  row: KeyRow;
  index: number;
  top: number;
  selected: boolean;
  tabbable: boolean;
  centers: ReadonlyMap<string, CostCenter>;
  editable: boolean;
  instructionsId: string;
  onClick: (event: MouseEvent) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: () => void;
  onSplit: () => void;
}

const KeyRowView = ({
  elementId,
  row,
  index,
  top,
  selected,
  tabbable,
  centers,
  editable,
  instructionsId,
  onClick,
  onKeyDown,
  onFocus,
  onSplit,
}: KeyRowViewProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: row.id, disabled: !editable });
  const kind = t(`names.kinds.${row.kind}`);
  const assignment = keyAssignmentText(t, language, row, centers);
  return (
    <div
      ref={setNodeRef}
      id={elementId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-describedby={editable ? instructionsId : undefined}
      tabIndex={tabbable ? 0 : -1}
      className={`board-keys__row board-keys__item${isDragging ? ' board-keys__item--dragging' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onPointerDown={(event) => {
        listeners?.onPointerDown?.(event);
      }}
      onClick={onClick}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
      onKeyDown={(event) => {
        onKeyDown(event);
        // Enter picks the row up (dnd-kit's keyboard sensor), once the list has had its keys.
        if (!event.defaultPrevented) {
          listeners?.onKeyDown?.(event);
        }
      }}
    >
      <div role="gridcell" className="board-keys__key">
        <span className="board-keys__code">{row.key}</span>
        <span className="board-keys__sub">
          {kind}
          {row.designation ? ` · ${row.designation}` : ''}
        </span>
      </div>
      <div role="gridcell" className="num">
        {formatAmount(row.netCentimes, language)}
      </div>
      <div role="gridcell" className="board-keys__assignment">
        <span className={row.current ? '' : 'muted'} title={assignment}>
          {assignment}
        </span>
        {editable && (
          <button
            type="button"
            className="secondary board-keys__split"
            tabIndex={tabbable ? 0 : -1}
            aria-label={t('assignmentBoard.splitOrEditKey', { key: row.key })}
            title={t('assignmentBoard.splitOrEdit')}
            onClick={(event) => {
              event.stopPropagation();
              onSplit();
            }}
            onPointerDown={(event) => event.stopPropagation()}
          >
            <span className="board-keys__split-text">{t('assignmentBoard.splitOrEdit')}</span>
            <span className="board-keys__split-icon" aria-hidden="true">
              ✎
            </span>
          </button>
        )}
      </div>
    </div>
  );
};
