import { toDisposable, type Disposable } from '../ui/lifecycle';

/**
 * One typed request/response and event channel over a worker's message port, used by every worker
 * of the renderer (sync, line index). Each side of a protocol declares the methods it serves and the
 * events it emits; `createRpc<Local, Remote>` then types what this side may call, emit and hear.
 * Requests carry an id; a caller's abort signal cancels the handler on the other side; results and
 * events may transfer their buffers instead of copying them.
 */

export interface MethodSpec {
  params: unknown;
  result: unknown;
}

/** A side that serves no method, or emits no event. */
export type Nothing = Record<string, never>;

export interface RpcSide {
  methods: Record<string, MethodSpec>;
  events: Record<string, unknown>;
}

/** What travels when a handler fails: its message and, for failures the caller can act on, typed data. */
export interface WireFailure {
  message: string;
  data?: unknown;
}

type Wire =
  | { rpc: 'request'; id: number; method: string; params: unknown }
  | { rpc: 'cancel'; id: number }
  | { rpc: 'result'; id: number; value: unknown }
  | { rpc: 'failure'; id: number; failure: WireFailure }
  | { rpc: 'event'; name: string; payload: unknown };

/** Thrown by a handler to send typed data with its failure (the caller finds it in RpcError.data). */
export class RpcFailure extends Error {
  override readonly name = 'RpcFailure';
  constructor(
    message: string,
    readonly data: unknown,
  ) {
    super(message);
  }
}

export type RpcErrorCode = 'rpc.remote' | 'rpc.disposed';

/** A call that failed: on the other side (`rpc.remote`, with the handler's data) or because this side was disposed. */
export class RpcError extends Error {
  override readonly name = 'RpcError';
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** A result or event payload whose buffers move to the other side instead of being copied. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly list: Transferable[],
  ) {}
}

export const transfer = <T>(value: T, list: Transferable[]): Transfer<T> => new Transfer(value, list);

export interface CallContext {
  /** Aborted when the caller cancels (or the channel is disposed). */
  signal: AbortSignal;
}

type Outcome<T> = T | Transfer<T>;

export type Handlers<Side extends RpcSide> = {
  [K in keyof Side['methods']]: (
    params: Side['methods'][K]['params'],
    context: CallContext,
  ) => Outcome<Side['methods'][K]['result']> | Promise<Outcome<Side['methods'][K]['result']>>;
};

/** A Worker, a worker's global scope or a MessagePort. */
export interface RpcPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?: () => void;
}

export interface Rpc<Local extends RpcSide, Remote extends RpcSide> extends Disposable {
  call<K extends keyof Remote['methods'] & string>(
    method: K,
    params: Remote['methods'][K]['params'],
    options?: { signal?: AbortSignal; transfer?: Transferable[] },
  ): Promise<Remote['methods'][K]['result']>;
  emit<K extends keyof Local['events'] & string>(
    name: K,
    payload: Local['events'][K],
    transferList?: Transferable[],
  ): void;
  on<K extends keyof Remote['events'] & string>(
    name: K,
    listener: (payload: Remote['events'][K]) => void,
  ): Disposable;
}

const isWire = (data: unknown): data is Wire =>
  typeof data === 'object' && data !== null && 'rpc' in data && typeof data.rpc === 'string';

const abortReason = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');

type AnyHandler = (params: never, context: CallContext) => unknown;

export const createRpc = <Local extends RpcSide, Remote extends RpcSide>(
  port: RpcPort,
  handlers: Handlers<Local>,
): Rpc<Local, Remote> => {
  const served: Partial<Record<string, AnyHandler>> = handlers;
  let nextId = 1;
  let disposed = false;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Handlers running for the other side, so that its cancel (or our dispose) aborts them. */
  const running = new Map<number, AbortController>();
  const listeners = new Map<string, Set<(payload: never) => void>>();

  const post = (message: Wire, transferList: Transferable[] = []) => {
    if (!disposed) port.postMessage(message, transferList);
  };

  const serve = async (id: number, method: string, params: unknown) => {
    const handler = Object.hasOwn(served, method) ? served[method] : undefined;
    if (!handler) {
      post({ rpc: 'failure', id, failure: { message: `No method ${method}` } });
      return;
    }
    const abort = new AbortController();
    running.set(id, abort);
    try {
      // The structured clone of a message the other side typed with the same protocol.
      const outcome: unknown = await handler(params as never, { signal: abort.signal });
      if (abort.signal.aborted) return;
      if (outcome instanceof Transfer) post({ rpc: 'result', id, value: outcome.value }, outcome.list);
      else post({ rpc: 'result', id, value: outcome });
    } catch (error) {
      // The caller cancelled it and no longer waits for an answer.
      if (abort.signal.aborted) return;
      post({
        rpc: 'failure',
        id,
        failure: {
          message: error instanceof Error ? error.message : String(error),
          ...(error instanceof RpcFailure ? { data: error.data } : {}),
        },
      });
    } finally {
      running.delete(id);
    }
  };

  const onMessage = (event: MessageEvent) => {
    const message: unknown = event.data;
    if (!isWire(message)) return;
    switch (message.rpc) {
      case 'request':
        void serve(message.id, message.method, message.params);
        break;
      case 'cancel':
        running.get(message.id)?.abort();
        break;
      case 'result':
        waiting.get(message.id)?.resolve(message.value);
        waiting.delete(message.id);
        break;
      case 'failure':
        waiting
          .get(message.id)
          ?.reject(new RpcError('rpc.remote', message.failure.message, message.failure.data));
        waiting.delete(message.id);
        break;
      case 'event':
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload as never);
        break;
    }
  };
  port.addEventListener('message', onMessage);
  port.start?.();

  return {
    call: (method, params, options = {}) =>
      new Promise((resolve, reject) => {
        const { signal } = options;
        if (disposed) {
          reject(new RpcError('rpc.disposed', `The channel was closed before ${method}`));
          return;
        }
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        const id = nextId;
        nextId += 1;
        const onAbort = () => {
          if (!waiting.delete(id)) return;
          // The other side stops the work too instead of letting it run on.
          post({ rpc: 'cancel', id });
          reject(signal ? abortReason(signal) : new DOMException('Aborted', 'AbortError'));
        };
        waiting.set(id, {
          // The answer to a request typed by the same protocol on both sides.
          resolve: (value) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(value);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        post({ rpc: 'request', id, method, params }, options.transfer);
      }),
    emit: (name, payload, transferList) => post({ rpc: 'event', name, payload }, transferList),
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const entry: (payload: never) => void = listener;
      set.add(entry);
      return toDisposable(() => set.delete(entry));
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      port.removeEventListener('message', onMessage);
      for (const abort of running.values()) abort.abort();
      running.clear();
      for (const entry of waiting.values())
        entry.reject(new RpcError('rpc.disposed', 'The channel was closed'));
      waiting.clear();
      listeners.clear();
    },
  };
};
