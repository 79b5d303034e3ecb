import {
  ipcChannel,
  ipcContract,
  ipcMessages,
  type IpcFailureCode,
  type IpcMessage,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../shared/ipc/contract';
import { toForwardedError } from '../shared/connection/apiRequest';
import type { Disposable } from '../shared/core/disposable';
import { isAppUrl } from './appOrigin';

/** A typed handler map: exactly one handler per message of the contract. */
export type IpcHandlers = {
  [M in IpcMessage]: (request: IpcRequest<M>) => Promise<IpcResponse<M>>;
};

/** What main needs to know of a message's origin; Electron's IpcMainInvokeEvent satisfies it. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The slice of ipcMain used here; Electron's ipcMain satisfies it. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: SenderEvent, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** An error a handler throws on purpose, to answer a failure code other than 'ipc.failed'. */
export class IpcRefusal extends Error {
  constructor(
    readonly code: IpcFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcRefusal';
  }
}

/**
 * Like VS Code's ipcMain wrapper: a message counts only when it comes from our own top frame at our
 * own origin. A compromised or navigated frame gets a refusal, not an answer.
 */
export const isTrustedSender = (event: SenderEvent): boolean => {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
};

const fail = (code: IpcFailureCode, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

export const dispatchIpc = async <M extends IpcMessage>(
  message: M,
  handlers: IpcHandlers,
  event: SenderEvent,
  payload: unknown,
): Promise<IpcResult<IpcResponse<M>>> => {
  if (!isTrustedSender(event))
    return fail('ipc.forbiddenSender', `Message ${message} from an untrusted frame`);
  const parsed = ipcContract[message].request.safeParse(payload);
  if (!parsed.success) {
    return fail(
      'ipc.invalidPayload',
      `Invalid payload for ${message}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; ')}`,
    );
  }
  try {
    // The handler map is keyed by message, so this lookup keeps request and response paired.
    const handler = handlers[message] as (request: unknown) => Promise<IpcResponse<M>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof IpcRefusal) return fail(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    // A transport failure keeps its API code, so the page can tell a redirect from a lost connection.
    const api = toForwardedError(error);
    return api === undefined
      ? fail('ipc.failed', message)
      : { ok: false, error: { code: 'ipc.failed', message, api } };
  }
};

/** Registers one handler per message; disposing removes them all (once: a second dispose does nothing). */
export const registerIpcHandlers = (ipc: IpcRegistrar, handlers: IpcHandlers): Disposable => {
  for (const message of ipcMessages) {
    ipc.handle(ipcChannel(message), (event, payload) => dispatchIpc(message, handlers, event, payload));
  }
  let disposed = false;
  return {
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const message of ipcMessages) ipc.removeHandler(ipcChannel(message));
    },
  };
};
