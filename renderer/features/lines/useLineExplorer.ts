import { useMemo, useState } from 'react';
import type { LineFilter, LineGroup, LineRow, LineTotals } from '../../../shared/lines/lineIndex';
import type { LineView } from '../../../shared/lines/filterQuery';
import type { RowSource } from '../../ui/VirtualTable';
import { useAsyncEffect } from '../../ui/useAsyncEffect';
import { useFirstLinesReader, useLineIndexChange } from './queries';
import { createRowWindows, ROW_WINDOW, type RowWindows } from './rowWindows';
import { useLineIndexClient } from '../../workers/lineIndex/LineIndexContext';
import type { IndexFacts, LineQuery } from '../../workers/lineIndex/protocol';

export interface LineExplorerState {
  facts: IndexFacts | null;
  totals: LineTotals | null;
  /** The subtotals when the view is grouped. */
  groups: LineGroup[] | null;
  resultId: number | null;
  rows: RowSource<LineRow>;
  /**
   * The rows shown are the first ones of the answer, read from the newest blocks while the worker
   * still builds its index: the count and the totals are not known yet.
   */
  previewing: boolean;
  /** Why the worker could not answer (shown translated by the page); null while all is well. */
  failure: unknown;
}

/**
 * Keeps the worker's index in step with the archive (a sync that adds blocks, a new assignment),
 * runs the filter there, and fetches only the rows the table shows, a window at a time.
 */
export const useLineExplorer = (filter: LineFilter, view: LineView = {}): LineExplorerState => {
  const client = useLineIndexClient();
  const readFirstLines = useFirstLinesReader();
  const [facts, setFacts] = useState<IndexFacts | null>(null);
  const [result, setResult] = useState<{
    resultId: number;
    totals: LineTotals;
    groups: LineGroup[] | null;
    queryKey: string;
    windows: RowWindows<LineRow>;
  } | null>(null);
  const [, setVersion] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  // One string for the effect's dependencies: a new object with the same filter must not query again.
  const queryKey = JSON.stringify({ filter, sort: view.sort, group: view.group } satisfies LineQuery);

  const change = useLineIndexChange();

  // Before the index is built (seconds at a million lines), the first rows of an unsorted view come
  // from the newest blocks at once; the whole answer replaces them, its first rows the same.
  const [preview, setPreview] = useState<{ queryKey: string; rows: LineRow[] } | null>(null);
  const [previewSettled, setPreviewSettled] = useState(false);
  const indexed = facts !== null;
  const previewable = view.sort === undefined && view.group === undefined;
  // The worker is asked for its index once the early rows are in: its read of every block would
  // otherwise queue ahead of the preview's few reads in IndexedDB (bench: first rows about 6-10 %
  // sooner, the count no later).
  const mayIndex = indexed || !previewable || previewSettled;
  useAsyncEffect(
    () =>
      indexed || !previewable
        ? null
        : {
            run: (signal) => readFirstLines((JSON.parse(queryKey) as LineQuery).filter, ROW_WINDOW, signal),
            onValue: (answer) => {
              setPreview({ queryKey, rows: answer.rows });
              setPreviewSettled(true);
            },
            // Nothing to show early: the whole answer follows, and reports what went wrong.
            onError: () => setPreviewSettled(true),
          },
    [readFirstLines, indexed, previewable, queryKey],
  );

  useAsyncEffect(
    () =>
      change === undefined || !mayIndex
        ? null
        : {
            run: () => client.refresh(),
            onValue: (next) => {
              setFacts(next);
              setFailure(null);
            },
            onError: setFailure,
          },
    [client, change, mayIndex],
  );

  useAsyncEffect(
    () =>
      facts
        ? {
            run: () => client.query(JSON.parse(queryKey) as LineQuery),
            onValue: (answer) =>
              setResult({
                resultId: answer.resultId,
                totals: answer.totals,
                groups: answer.groups,
                queryKey,
                windows: createRowWindows(
                  (start, count) => client.rows(answer.resultId, start, count),
                  () => {
                    setVersion((version) => version + 1);
                    // The whole answer's own rows are here: the early ones are not needed again.
                    setPreview(null);
                  },
                  setFailure,
                ),
              }),
            onError: setFailure,
          }
        : null,
    [client, facts, queryKey],
  );

  const resultId = result?.resultId ?? null;
  const windows = result?.windows;
  const early = result === null && preview?.queryKey === queryKey ? preview.rows : null;
  // Between the whole answer and its first window, the same first rows rather than placeholders.
  const bridge = result !== null && preview?.queryKey === result.queryKey ? preview.rows : null;
  const count = result?.totals.count ?? early?.length ?? 0;
  const rows = useMemo<RowSource<LineRow>>(
    () =>
      early
        ? { count, get: (index) => early[index], onVisibleRange: () => undefined }
        : {
            count,
            get: (index) => windows?.get(index) ?? bridge?.[index],
            onVisibleRange: (start, end) => windows?.show(start, end),
          },
    [count, windows, early, bridge],
  );
  return {
    facts,
    totals: result?.totals ?? null,
    groups: result?.groups ?? null,
    resultId,
    rows,
    previewing: early !== null && early.length > 0,
    failure,
  };
};
