/** Rows are fetched from the worker a window at a time. */
export const ROW_WINDOW = 200;

export interface RowWindows<Row> {
  /** The row at `index`, if its window has arrived. */
  get: (index: number) => Row | undefined;
  /** Asks for the windows of rows `start` to `end` (exclusive) not yet here or on their way. */
  show: (start: number, end: number) => void;
}

/**
 * The rows of one result of the worker. The first window is asked for at once: a new result is
 * shown from its top, and waiting for the table to ask would add a render and a paint before the
 * request on the way to the first rows.
 */
export const createRowWindows = <Row>(
  fetchRows: (start: number, count: number) => Promise<readonly Row[]>,
  onRows: () => void,
  onError: (error: unknown) => void,
): RowWindows<Row> => {
  const cache = new Map<number, Row>();
  const asked = new Set<number>();
  const show = (start: number, end: number) => {
    for (let window = Math.floor(start / ROW_WINDOW) * ROW_WINDOW; window < end; window += ROW_WINDOW) {
      if (asked.has(window)) continue;
      asked.add(window);
      fetchRows(window, ROW_WINDOW).then(
        (rows) => {
          rows.forEach((row, offset) => cache.set(window + offset, row));
          onRows();
        },
        (error: unknown) => {
          // Asked again when the window scrolls back into view.
          asked.delete(window);
          onError(error);
        },
      );
    }
  };
  show(0, 1);
  return { get: (index) => cache.get(index), show };
};
