import { useVirtualizer } from '@tanstack/react-virtual';
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import {
  EMPTY_LAYOUT,
  fitColumns,
  moveColumnTo,
  resizeColumn,
  type ColumnSpec,
} from '../../shared/tables/columnLayout';
import { ColumnChooser } from './ColumnChooser';
import type { ColumnLayoutState } from './useColumnLayout';
import { firstRows } from './firstRows';

export interface Column<Row> {
  id: string;
  header: string;
  /** Preferred width in pixels. Fixed per render, because every row is its own grid. */
  width: number;
  /** Narrowest the column may be squeezed to when the window is narrow; amounts: their widest figure. */
  minWidth?: number;
  /** 1 (the default): always shown. Larger: left out first when the window cannot hold the columns. */
  priority?: number;
  /** Share of the spare room of a wide window. */
  grow?: number;
  /** Offered in the column menu, shown only when the clerk asks for it. */
  hiddenByDefault?: boolean;
  /** Texts as wide as the widest content: the column is never narrower than they are in the table's font. */
  fit?: readonly string[];
  /** Room the content takes beside its text (a badge's border and padding). */
  fitExtra?: number;
  align?: 'start' | 'end';
  render: (row: Row) => ReactNode;
  /** Present: the header is a sort button. */
  sortable?: boolean;
}

/** `measured`: the least width the column's texts need, from measureColumns. */
export const columnSpec = <Row,>(column: Column<Row>, measured = 0): ColumnSpec => {
  const minWidth = Math.max(column.minWidth ?? column.width, measured);
  return {
    id: column.id,
    width: Math.max(column.width, minWidth),
    minWidth,
    priority: column.priority ?? 1,
    grow: column.grow,
    hiddenByDefault: column.hiddenByDefault,
  };
};

/** A cell's horizontal padding, and a little room for rounding and tabular figures. */
const CELL_ROOM = 16 + 4;
const SORT_MARK = 16;

/**
 * The least width each column needs: its widest sample, and its header's longest word (headers
 * wrap between words, never inside one), in the fonts of the table's cells and headers.
 */
const measureColumns = <Row,>(element: HTMLElement, columns: readonly Column<Row>[]): Map<string, number> => {
  const context = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  if (!context) return widths;
  const style = getComputedStyle(element);
  const widest = (texts: readonly string[], weight: number) => {
    context.font = `${weight} ${style.fontSize} ${style.fontFamily}`;
    return texts.reduce((most, text) => Math.max(most, context.measureText(text).width), 0);
  };
  for (const column of columns) {
    const content = widest(column.fit ?? [], 400) + (column.fitExtra ?? 0);
    const header = widest(column.header.split(/\s+/), 600) + (column.sortable ? SORT_MARK : 0);
    widths.set(column.id, Math.ceil(Math.max(content, header) + CELL_ROOM));
  }
  return widths;
};

export interface TableSort {
  columnId: string;
  direction: 'asc' | 'desc';
}

/** Rows held elsewhere (a worker): the table asks for the ones it shows. */
export interface RowSource<Row> {
  count: number;
  /** Undefined while the row is on its way. */
  get: (index: number) => Row | undefined;
  onVisibleRange?: (start: number, end: number) => void;
}

interface VirtualTableProps<Row> {
  label: string;
  /** Every column the table offers, in their default order; the layout picks, orders and sizes them. */
  columns: readonly Column<Row>[];
  rows: readonly Row[] | RowSource<Row>;
  rowKey: (row: Row, index: number) => string;
  onOpen?: (row: Row) => void;
  sort?: TableSort;
  onSort?: (columnId: string) => void;
  /** Shown instead of rows when there are none. */
  empty?: ReactNode;
  /** The clerk's column choices; with it the table offers a column menu and resizing by mouse. */
  layout?: ColumnLayoutState;
}

/** What a cell's content may ask of its table: take the focus back, as after an inline rename. */
export interface GridCell {
  focus: () => void;
}

const GridCellContext = createContext<GridCell | null>(null);

/** The cell this component is rendered in; null outside a table. */
export const useGridCell = (): GridCell | null => useContext(GridCellContext);

/** Marks the control that edits a cell: F2, or Enter on the cell, presses it. */
export const CELL_EDIT_ATTRIBUTE = 'data-cell-edit';

const isRowSource = <Row,>(rows: readonly Row[] | RowSource<Row>): rows is RowSource<Row> =>
  !Array.isArray(rows);

const ROW_HEIGHT = 32;
/** Room for headers on two lines, so long German and French headers are not cut. */
const HEADER_HEIGHT = 44;

/** The active cell's row when it is the header (sortable grids only). */
const HEADER_ROW = -1;

interface ActiveCell {
  row: number;
  column: number;
}

/**
 * A virtualised ARIA grid: only the visible rows are in the DOM, so 100,000 rows scroll as fast as
 * 100. The grid is one Tab stop with an active cell (aria-activedescendant): arrows, Page Up/Down
 * and Home/End move it, Enter opens the row or edits an editable cell, F2 edits. Columns fit the
 * table's width, see shared/tables/columnLayout.ts.
 */
export const VirtualTable = <Row,>({
  label,
  columns,
  rows,
  rowKey,
  onOpen,
  sort,
  onSort,
  empty,
  layout,
}: VirtualTableProps<Row>) => {
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<ActiveCell>({ row: 0, column: 0 });
  const [available, setAvailable] = useState<number | null>(null);
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(new Map());
  const resizing = useRef(false);
  const source: RowSource<Row> = isRowSource(rows)
    ? rows
    : { count: rows.length, get: (index) => rows[index] };
  const rowCount = source.count;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setAvailable(element.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (scroller.current) setMeasured(measureColumns(scroller.current, columns));
  }, [columns]);

  const specs = useMemo(
    () => columns.map((column) => columnSpec(column, measured.get(column.id))),
    [columns, measured],
  );
  const chosenLayout = layout?.layout ?? EMPTY_LAYOUT;
  const shown = useMemo(() => {
    const byId = new Map(columns.map((column) => [column.id, column]));
    return fitColumns(specs, chosenLayout, available ?? Number.POSITIVE_INFINITY).flatMap(
      ({ id: columnId, width }) => {
        const column = byId.get(columnId);
        return column ? [{ column, width }] : [];
      },
    );
  }, [columns, specs, chosenLayout, available]);

  // TanStack's virtualizer is meant to re-render with every scroll; this component is not memoised anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header sits above the first row inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
  });
  const template = shown.map(({ width }) => `${width}px`).join(' ');
  const totalWidth = shown.reduce((sum, { width }) => sum + width, 0);
  // The header row is part of the grid's keyboard model when a column sorts: Arrow Up from the
  // first row reaches it and Enter sorts, so the sort buttons need not be Tab stops.
  const headerReachable = onSort !== undefined && shown.some(({ column }) => column.sortable);
  const activeIndex =
    active.row === HEADER_ROW && headerReachable
      ? HEADER_ROW
      : Math.min(Math.max(active.row, 0), Math.max(rowCount - 1, 0));
  const activeColumn = Math.min(active.column, Math.max(shown.length - 1, 0));
  const activeRow = source.get(activeIndex);
  const cellId = (row: number, column: number) =>
    row === HEADER_ROW ? `${id}-head-${column}` : `${id}-cell-${row}-${column}`;
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? -1;
  const showsRows = rowCount > 0 && source.get(first) !== undefined;
  useEffect(() => {
    if (showsRows) firstRows.mark();
  }, [showsRows]);
  const { onVisibleRange } = source;
  useEffect(() => {
    if (last >= first) onVisibleRange?.(first, last + 1);
  }, [onVisibleRange, first, last]);

  const move = (row: number, column: number) => {
    const next = {
      row: Math.max(headerReachable ? HEADER_ROW : 0, Math.min(rowCount - 1, row)),
      column: Math.max(0, Math.min(shown.length - 1, column)),
    };
    setActive(next);
    virtualizer.scrollToIndex(Math.max(next.row, 0), { align: 'auto' });
    // Bring a cell that is off to the side into view too, once it is rendered.
    requestAnimationFrame(() =>
      document
        .getElementById(cellId(next.row, next.column))
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    );
  };

  /** The active cell's edit control, else (F2 only) the row's first. */
  const editControl = (anyInRow: boolean): HTMLElement | null => {
    const selector = `[${CELL_EDIT_ATTRIBUTE}]`;
    const cell = document.getElementById(cellId(activeIndex, activeColumn));
    const own = cell?.querySelector<HTMLElement>(selector) ?? null;
    if (own || !anyInRow) return own;
    return document.getElementById(`${id}-row-${activeIndex}`)?.querySelector<HTMLElement>(selector) ?? null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into a field inside a cell (an inline rename) belong to that field.
    if (event.target !== event.currentTarget) return;
    const page = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1,
    );
    const moves: Record<string, ActiveCell> = {
      ArrowDown: { row: activeIndex + 1, column: activeColumn },
      ArrowUp: { row: activeIndex - 1, column: activeColumn },
      ArrowLeft: { row: activeIndex, column: activeColumn - 1 },
      ArrowRight: { row: activeIndex, column: activeColumn + 1 },
      PageDown: { row: activeIndex + page, column: activeColumn },
      PageUp: {
        row: activeIndex === HEADER_ROW ? HEADER_ROW : Math.max(0, activeIndex - page),
        column: activeColumn,
      },
      Home: { row: 0, column: activeColumn },
      End: { row: rowCount - 1, column: activeColumn },
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target.row, target.column);
      return;
    }
    if (activeIndex === HEADER_ROW) {
      const column = shown[activeColumn]?.column;
      if ((event.key === 'Enter' || event.key === ' ') && column?.sortable && onSort) {
        event.preventDefault();
        onSort(column.id);
      }
      return;
    }
    if (event.key === 'F2' || event.key === 'Enter') {
      const edit = editControl(event.key === 'F2');
      if (edit) {
        event.preventDefault();
        edit.click();
      } else if (event.key === 'Enter' && activeRow && onOpen) {
        event.preventDefault();
        onOpen(activeRow);
      }
    }
  };

  const startResize = (event: PointerEvent<HTMLSpanElement>, columnId: string, width: number) => {
    if (!layout) return;
    event.preventDefault();
    event.stopPropagation();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    resizing.current = true;
    const startX = event.clientX;
    const base = layout.layout;
    const onMove = (moved: globalThis.PointerEvent) =>
      layout.onChange(resizeColumn(base, columnId, width + moved.clientX - startX));
    const onUp = () => {
      resizing.current = false;
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };

  const DRAG_TYPE = 'application/x-invoice-desk-column';
  const onDragStart = (event: DragEvent<HTMLDivElement>, columnId: string) => {
    if (!layout || resizing.current) {
      event.preventDefault();
      return;
    }
    event.dataTransfer.setData(DRAG_TYPE, columnId);
    event.dataTransfer.effectAllowed = 'move';
  };
  const onDrop = (event: DragEvent<HTMLDivElement>, targetId: string) => {
    const dragged = event.dataTransfer.getData(DRAG_TYPE);
    if (!layout || dragged === '') return;
    event.preventDefault();
    layout.onChange(moveColumnTo(specs, layout.layout, dragged, targetId));
  };

  const activeDescendant =
    activeIndex === HEADER_ROW && shown.length > 0
      ? cellId(HEADER_ROW, activeColumn)
      : rowCount === 0
        ? undefined
        : activeRow === undefined || shown.length === 0
          ? `${id}-row-${activeIndex}`
          : cellId(activeIndex, activeColumn);

  const grid = (
    <div
      ref={scroller}
      className="vtable"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={shown.length}
      tabIndex={0}
      aria-activedescendant={activeDescendant}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="vtable__head">
        <div
          role="row"
          aria-rowindex={1}
          className="vtable__row"
          style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}
        >
          {shown.map(({ column, width }, index) => {
            const sorted = sort?.columnId === column.id ? sort.direction : undefined;
            return (
              <div
                key={column.id}
                id={cellId(HEADER_ROW, index)}
                role="columnheader"
                aria-colindex={index + 1}
                className={`vtable__cell vtable__header vtable__cell--${column.align ?? 'start'}${
                  activeIndex === HEADER_ROW && index === activeColumn ? ' vtable__cell--active' : ''
                }`}
                title={column.header}
                draggable={layout !== undefined}
                onDragStart={(event) => onDragStart(event, column.id)}
                onDragOver={(event) => {
                  if (layout && event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
                }}
                onDrop={(event) => onDrop(event, column.id)}
                aria-sort={
                  sorted === 'asc'
                    ? 'ascending'
                    : sorted === 'desc'
                      ? 'descending'
                      : column.sortable
                        ? 'none'
                        : undefined
                }
              >
                {column.sortable && onSort ? (
                  <button
                    type="button"
                    className="vtable__sort"
                    tabIndex={-1}
                    onClick={() => {
                      setActive({ row: HEADER_ROW, column: index });
                      onSort(column.id);
                    }}
                  >
                    <span className="vtable__header-text">{column.header}</span>
                    <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                  </button>
                ) : (
                  <span className="vtable__header-text">{column.header}</span>
                )}
                {layout && (
                  // The mouse's way; the column menu resizes from the keyboard.
                  <span
                    className="vtable__resize"
                    aria-hidden="true"
                    data-column={column.id}
                    onPointerDown={(event) => startResize(event, column.id, width)}
                    onClick={(event) => event.stopPropagation()}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div
        role="rowgroup"
        className="vtable__body"
        style={{ height: virtualizer.getTotalSize(), width: totalWidth }}
      >
        {rowCount === 0 && empty}
        {visible.map((item) => {
          const row = source.get(item.index);
          const top = item.start - HEADER_HEIGHT;
          if (row === undefined) {
            return (
              <div
                key={`pending-${item.index}`}
                id={`${id}-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-busy="true"
                className="vtable__row vtable__row--pending"
                style={{
                  gridTemplateColumns: template,
                  transform: `translateY(${top}px)`,
                  height: ROW_HEIGHT,
                }}
              />
            );
          }
          const isActiveRow = item.index === activeIndex;
          return (
            <div
              key={rowKey(row, item.index)}
              id={`${id}-row-${item.index}`}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isActiveRow}
              className="vtable__row"
              style={{ gridTemplateColumns: template, transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
              onDoubleClick={() => onOpen?.(row)}
            >
              {shown.map(({ column }, index) => (
                <div
                  key={column.id}
                  id={cellId(item.index, index)}
                  role="gridcell"
                  aria-colindex={index + 1}
                  className={`vtable__cell vtable__cell--${column.align ?? 'start'}${
                    isActiveRow && index === activeColumn ? ' vtable__cell--active' : ''
                  }`}
                  onClick={() => setActive({ row: item.index, column: index })}
                >
                  <GridCellContext.Provider
                    value={{
                      focus: () => {
                        setActive({ row: item.index, column: index });
                        scroller.current?.focus();
                      },
                    }}
                  >
                    {column.render(row)}
                  </GridCellContext.Provider>
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );

  if (!layout) return <div className="vtable-frame">{grid}</div>;
  return (
    <div className="vtable-frame">
      <div className="vtable-tools">
        <ColumnChooser
          tableLabel={label}
          columns={columns}
          specs={specs}
          layout={layout}
          shownWidths={new Map(shown.map(({ column, width }) => [column.id, width]))}
        />
      </div>
      {grid}
    </div>
  );
};
