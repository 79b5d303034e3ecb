import type { ApiClient } from '../api/client';
import { ApiError, PreconditionFailedError } from '../api/errors';
import type { AssignmentInput, CostCenterInputDraft, KeyKind, Preferences } from '../api/schemas';

/**
 * Local edits wait in an outbox until the operator has them. Each is pushed with the ETag it was
 * based on (If-Match), or If-None-Match "*" for a creation. A 412 means someone else changed the
 * resource first: the edit becomes a conflict the clerk resolves; nothing typed is ever dropped.
 */

export type OutboxChange =
  | { entity: 'designation'; op: 'put'; key: string; payload: { kind: KeyKind; key: string; text: string } }
  | { entity: 'designation'; op: 'delete'; key: string; payload: { kind: KeyKind; key: string } }
  | { entity: 'costCenter'; op: 'put'; key: string; payload: CostCenterInputDraft }
  | { entity: 'costCenter'; op: 'delete'; key: string; payload: null }
  | { entity: 'assignment'; op: 'put'; key: string; payload: AssignmentInput }
  | { entity: 'assignment'; op: 'delete'; key: string; payload: null }
  | { entity: 'preferences'; op: 'put'; key: 'preferences'; payload: Preferences };

export type OutboxItem = OutboxChange & {
  seq: number;
  /** The ETag the edit was based on; null for a creation. */
  baseEtag: string | null;
  /** Bumped by every edit of the same entity while it waits, so a push never acknowledges a newer edit. */
  version: number;
};

/** The server's representation after a write (null after a delete), with its ETag. */
export interface Acknowledged {
  value: unknown;
  etag: string | null;
}

export interface OutboxPort {
  pendingOutbox: () => Promise<OutboxItem[]>;
  /**
   * The operator has the edit. `alreadyApplied`: it answered 412 with the edit's own result (the
   * write happened before an interruption), a conflict settled without the clerk, which is logged.
   */
  acknowledge: (item: OutboxItem, result: Acknowledged | null, how?: 'alreadyApplied') => Promise<void>;
  /** 412: keep the edit, remember what the server has now. */
  markConflict: (item: OutboxItem, current: Acknowledged | null) => Promise<void>;
  /** 400/404/409: the operator refuses the edit as such; kept with the reason for the clerk. */
  markRejected: (item: OutboxItem, reason: { code: string; message: string }) => Promise<void>;
}

export interface OutboxPushResult {
  pushed: number;
  conflicts: number;
  rejected: number;
}

type Writes = Pick<
  ApiClient,
  | 'putDesignation'
  | 'deleteDesignation'
  | 'putCostCenter'
  | 'deleteCostCenter'
  | 'putAssignment'
  | 'deleteAssignment'
  | 'putPreferences'
>;

const precondition = (item: OutboxItem) =>
  item.baseEtag === null ? ({ ifNoneMatch: '*' } as const) : ({ ifMatch: item.baseEtag } as const);

const requireEtag = (item: OutboxItem): string => {
  if (item.baseEtag === null)
    throw new Error(
      `${item.entity} ${item.key}: a deletion or preferences change needs the ETag it was based on`,
    );
  return item.baseEtag;
};

const send = async (api: Writes, item: OutboxItem, signal?: AbortSignal): Promise<Acknowledged | null> => {
  const options = { signal };
  switch (item.entity) {
    case 'designation':
      if (item.op === 'delete') {
        await api.deleteDesignation(item.payload.kind, item.payload.key, requireEtag(item), options);
        return null;
      }
      return api.putDesignation(
        item.payload.kind,
        item.payload.key,
        item.payload.text,
        precondition(item),
        options,
      );
    case 'costCenter':
      if (item.op === 'delete') {
        await api.deleteCostCenter(item.key, requireEtag(item), options);
        return null;
      }
      return api.putCostCenter(item.key, item.payload, precondition(item), options);
    case 'assignment':
      if (item.op === 'delete') {
        await api.deleteAssignment(item.key, requireEtag(item), options);
        return null;
      }
      return api.putAssignment(item.key, item.payload, precondition(item), options);
    case 'preferences':
      return api.putPreferences(item.payload, requireEtag(item), options);
  }
};

/** Structural equality over JSON values: key order does not matter, arrays keep their order. */
const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = fieldsOf(a);
  const right = fieldsOf(b);
  const keys = new Set([...left.keys(), ...right.keys()]);
  return [...keys].every((key) => sameJson(left.get(key) ?? null, right.get(key) ?? null));
};

const fieldsOf = (value: object): Map<string, unknown> => new Map(Object.entries(value));

/**
 * The write already happened: the app was killed (or the connection cut) after the operator applied
 * it and before the answer was read, so the resend meets its own result. True when every field the
 * edit sets has that value on the server; the clerk is not asked to settle a conflict with themself.
 */
export const alreadyApplied = (item: OutboxItem, current: unknown): boolean => {
  if (item.op === 'delete' || typeof current !== 'object' || current === null) return false;
  const server = fieldsOf(current);
  return Object.entries(item.payload).every(
    ([field, value]) => value === undefined || sameJson(value, server.get(field) ?? null),
  );
};

const REJECTIONS = new Set([
  'api.badRequest',
  'api.conflict',
  'api.notFound',
  'api.forbidden',
  'api.preconditionRequired',
]);

export const pushOutbox = async (
  api: Writes,
  port: OutboxPort,
  signal?: AbortSignal,
): Promise<OutboxPushResult> => {
  const result: OutboxPushResult = { pushed: 0, conflicts: 0, rejected: 0 };
  // In order: a creation must reach the operator before the change that follows it.
  for (const item of await port.pendingOutbox()) {
    signal?.throwIfAborted();
    try {
      const written = await send(api, item, signal);
      await port.acknowledge(item, written ? { value: written.value, etag: written.etag } : null);
      result.pushed += 1;
    } catch (error) {
      if (error instanceof PreconditionFailedError && alreadyApplied(item, error.current)) {
        await port.acknowledge(
          item,
          { value: error.current, etag: error.currentEtag ?? null },
          'alreadyApplied',
        );
        result.pushed += 1;
      } else if (error instanceof ApiError && error.code === 'api.notFound' && item.op === 'delete') {
        // Deleting what is already gone: what the clerk asked for is the case, whoever did it.
        await port.acknowledge(item, null);
        result.pushed += 1;
      } else if (error instanceof PreconditionFailedError) {
        await port.markConflict(
          item,
          error.current === undefined ? null : { value: error.current, etag: error.currentEtag ?? null },
        );
        result.conflicts += 1;
      } else if (error instanceof ApiError && REJECTIONS.has(error.code)) {
        await port.markRejected(item, { code: error.code, message: error.message });
        result.rejected += 1;
      } else {
        // Network, outage, auth: everything stays queued for the next run.
        throw error;
      }
    }
  }
  return result;
};
