import { useMemo, useState } from 'react';
import type { LineFilter, LineGroup, LineRow, LineTotals } from '../../../shared/lines/lineIndex';
import type { LineView } from '../../../shared/lines/filterQuery';
import type { RowSource } from '../../ui/VirtualTable';
import { useAsyncEffect } from '../../ui/useAsyncEffect';
import { useLineIndexChange } from './queries';
import { createRowWindows, type RowWindows } from './rowWindows';
import { useLineIndexClient } from '../../workers/lineIndex/LineIndexContext';
import type { IndexFacts, LineQuery } from '../../workers/lineIndex/protocol';

export interface LineExplorerState {
  facts: IndexFacts | null;
  totals: LineTotals | null;
  /** The subtotals when the view is grouped. */
  groups: LineGroup[] | null;
  resultId: number | null;
  rows: RowSource<LineRow>;
  /** Why the worker could not answer (shown translated by the page); null while all is well. */
  failure: unknown;
}

/**
 * Keeps the worker's index in step with the archive (a sync that adds blocks, a new assignment),
 * runs the filter there, and fetches only the rows the table shows, a window at a time.
 */
export const useLineExplorer = (filter: LineFilter, view: LineView = {}): LineExplorerState => {
  const client = useLineIndexClient();
  const [facts, setFacts] = useState<IndexFacts | null>(null);
  const [result, setResult] = useState<{
    resultId: number;
    totals: LineTotals;
    groups: LineGroup[] | null;
    windows: RowWindows<LineRow>;
  } | null>(null);
  const [, setVersion] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  // One string for the effect's dependencies: a new object with the same filter must not query again.
  const queryKey = JSON.stringify({ filter, sort: view.sort, group: view.group } satisfies LineQuery);

  const change = useLineIndexChange();

  useAsyncEffect(
    () =>
      change === undefined
        ? null
        : {
            run: () => client.refresh(),
            onValue: (next) => {
              setFacts(next);
              setFailure(null);
            },
            onError: setFailure,
          },
    [client, change],
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
                windows: createRowWindows(
                  (start, count) => client.rows(answer.resultId, start, count),
                  () => setVersion((version) => version + 1),
                  setFailure,
                ),
              }),
            onError: setFailure,
          }
        : null,
    [client, facts, queryKey],
  );

  const resultId = result?.resultId ?? null;
  const count = result?.totals.count ?? 0;
  const windows = result?.windows;
  const rows = useMemo<RowSource<LineRow>>(
    () => ({
      count,
      get: (index) => windows?.get(index),
      onVisibleRange: (start, end) => windows?.show(start, end),
    }),
    [count, windows],
  );
  return { facts, totals: result?.totals ?? null, groups: result?.groups ?? null, resultId, rows, failure };
};
