/**
 * The simulator's own cost per kind of request: time to build the answer (the route) and to encode
 * it (serialise, compress), bytes before and after compression. `npm run bench` reads it before and
 * after a sync (GET /__sim/cost), so that the client is not blamed for the server's time, nor the
 * other way round, on a machine both share.
 */
export type RequestKind = 'feed' | 'lines' | 'document' | 'other';

export interface KindCost {
  requests: number;
  handlerMs: number;
  encodeMs: number;
  bodyBytes: number;
  sentBytes: number;
}

export type CostSnapshot = Record<RequestKind, KindCost>;

export interface CostMeter {
  record(kind: RequestKind, cost: Omit<KindCost, 'requests'>): void;
  snapshot(): CostSnapshot;
}

export const requestKind = (path: string): RequestKind =>
  /^\/v1\/invoices\/[^/]+\/lines$/.test(path)
    ? 'lines'
    : /^\/v1\/invoices\/[^/]+\/document$/.test(path)
      ? 'document'
      : path === '/v1/invoices'
        ? 'feed'
        : 'other';

const empty = (): KindCost => ({ requests: 0, handlerMs: 0, encodeMs: 0, bodyBytes: 0, sentBytes: 0 });

export const createCostMeter = (): CostMeter => {
  const kinds: CostSnapshot = { feed: empty(), lines: empty(), document: empty(), other: empty() };
  return {
    record: (kind, cost) => {
      const entry = kinds[kind];
      entry.requests += 1;
      entry.handlerMs += cost.handlerMs;
      entry.encodeMs += cost.encodeMs;
      entry.bodyBytes += cost.bodyBytes;
      entry.sentBytes += cost.sentBytes;
    },
    snapshot: () => {
      const copy = (entry: KindCost): KindCost => ({
        ...entry,
        handlerMs: Math.round(entry.handlerMs * 10) / 10,
        encodeMs: Math.round(entry.encodeMs * 10) / 10,
      });
      return {
        feed: copy(kinds.feed),
        lines: copy(kinds.lines),
        document: copy(kinds.document),
        other: copy(kinds.other),
      };
    },
  };
};
