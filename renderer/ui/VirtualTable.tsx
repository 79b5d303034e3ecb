import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Column<Row> {
  id: string;
  header: string;
  /** Pixels. Fixed, because every row is its own grid: flexible tracks would size per row and misalign. */
  width: number;
  align?: 'start' | 'end';
  render: (row: Row) => ReactNode;
  /** Present: the header is a sort button. */
  sortable?: boolean;
}

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
  columns: readonly Column<Row>[];
  rows: readonly Row[] | RowSource<Row>;
  rowKey: (row: Row, index: number) => string;
  onOpen?: (row: Row) => void;
  sort?: TableSort;
  onSort?: (columnId: string) => void;
  /** Shown instead of rows when there are none. */
  empty?: ReactNode;
  height?: string;
}

const isRowSource = <Row,>(rows: readonly Row[] | RowSource<Row>): rows is RowSource<Row> =>
  !Array.isArray(rows);

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 34;

/**
 * A virtualised ARIA grid: only the visible rows are in the DOM, so 100,000 rows scroll as fast as
 * 100. Arrow keys, Page Up/Down, Home/End move the active row; Enter opens it.
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
  height = 'calc(100vh - 300px)',
}: VirtualTableProps<Row>) => {
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const source: RowSource<Row> = isRowSource(rows)
    ? rows
    : { count: rows.length, get: (index) => rows[index] };
  const rowCount = source.count;
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
  const template = columns.map((column) => `${column.width}px`).join(' ');
  const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
  const activeIndex = Math.min(active, Math.max(rowCount - 1, 0));
  const activeRow = source.get(activeIndex);
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? -1;
  const { onVisibleRange } = source;
  useEffect(() => {
    if (last >= first) onVisibleRange?.(first, last + 1);
  }, [onVisibleRange, first, last]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(rowCount - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into a field inside a cell (an inline rename) belong to that field.
    if (event.target !== event.currentTarget) return;
    const page = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1,
    );
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: rowCount - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
    } else if (event.key === 'Enter' && activeRow && onOpen) {
      event.preventDefault();
      onOpen(activeRow);
    }
  };

  return (
    <div
      ref={scroller}
      className="vtable"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      style={{ height }}
      tabIndex={0}
      aria-activedescendant={rowCount > 0 ? `${id}-row-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="vtable__head">
        <div
          role="row"
          aria-rowindex={1}
          className="vtable__row"
          style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}
        >
          {columns.map((column) => {
            const sorted = sort?.columnId === column.id ? sort.direction : undefined;
            return (
              <div
                key={column.id}
                role="columnheader"
                className={`vtable__cell vtable__cell--${column.align ?? 'start'}`}
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
                  <button type="button" className="vtable__sort" onClick={() => onSort(column.id)}>
                    {column.header}
                    <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                  </button>
                ) : (
                  column.header
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
          return (
            <div
              key={rowKey(row, item.index)}
              id={`${id}-row-${item.index}`}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={item.index === activeIndex}
              className="vtable__row"
              style={{ gridTemplateColumns: template, transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
              onClick={() => setActive(item.index)}
              onDoubleClick={() => onOpen?.(row)}
            >
              {columns.map((column) => (
                <div
                  key={column.id}
                  role="gridcell"
                  className={`vtable__cell vtable__cell--${column.align ?? 'start'}`}
                >
                  {column.render(row)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
};
