import type { LineFilter } from '../../../shared/lines/lineIndex';
import { LineIndexError } from '../../ui/failures';
import type { IndexFacts, LineIndexRequest, LineIndexResponse } from './protocol';

type Kind = Extract<LineIndexResponse, { ok: true }>['type'];
type Answer<T extends Kind> = Extract<LineIndexResponse, { ok: true; type: T }>;
type Request = LineIndexRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The page's side of the line-index worker: one promise per request. */
export const createLineIndexClient = (worker: Worker, databaseName: string) => {
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (response: LineIndexResponse) => void; reject: (error: Error) => void }
  >();
  worker.addEventListener('message', (event: MessageEvent<LineIndexResponse>) => {
    const entry = waiting.get(event.data.id);
    if (!entry) return;
    waiting.delete(event.data.id);
    if (event.data.ok) entry.resolve(event.data);
    else entry.reject(new LineIndexError(event.data.code, event.data.message));
  });
  const ask = <T extends Kind>(request: Request & { type: T }): Promise<Answer<T>> =>
    new Promise((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      waiting.set(id, { resolve: (response) => resolve(response as Answer<T>), reject });
      worker.postMessage({ ...request, id });
    });
  // Messages are handled in order: every request after this one reads the profile's archive.
  void ask({ type: 'open', databaseName });
  return {
    refresh: async (): Promise<IndexFacts> => (await ask({ type: 'refresh' })).facts,
    query: (filter: LineFilter) => ask({ type: 'query', filter }),
    rows: async (resultId: number, start: number, count: number) =>
      (await ask({ type: 'rows', resultId, start, count })).rows,
    exportLines: async (request: Omit<Extract<LineIndexRequest, { type: 'export' }>, 'id' | 'type'>) =>
      (await ask({ type: 'export', ...request })).bytes,
    dispose: () => worker.terminate(),
  };
};

export type LineIndexClient = ReturnType<typeof createLineIndexClient>;
