import { InvalidResponseError } from '../../shared/api/errors';
import {
  ApiResponseDataSchema,
  fromApiResponse,
  fromForwardedError,
  toApiRequest,
} from '../../shared/connection/apiRequest';
import { toDisposable } from '../../shared/core/disposable';
import { parseAppCommand } from '../../shared/ipc/appCommands';
import type { DesktopBridge, InvoiceDeskBridge, IpcResult } from '../../shared/ipc/contract';
import { SAVE_STREAM_MAX_CHUNK_BYTES } from '../../shared/ipc/saveStream';
import { UpdateStatusSchema } from '../../shared/ipc/update';
import { beginBusyWork } from './busyWork';
import { PlatformError, type Platform } from './Platform';

const unwrap = <T>(result: IpcResult<T>): T => {
  if (result.ok) return result.value;
  throw new PlatformError(result.error.code, result.error.message);
};

const abortReason = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');

/**
 * Forwards one request to main under a fresh id; an abort of the caller's signal sends the cancel
 * that makes main abort its net.fetch, and rejects at once like fetch does.
 */
const forwardApiRequest =
  (bridge: InvoiceDeskBridge, newId: () => string): Platform['apiFetch'] =>
  async (path, init) => {
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    const requestId = newId();
    const answer = bridge.apiRequest({ ...toApiRequest(path, init), requestId });
    // Once aborted, nobody waits for the answer any more.
    answer.catch(() => undefined);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => {
        void bridge.cancelApiRequest({ requestId });
        reject(abortReason(signal ?? AbortSignal.abort()));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    let result: Awaited<typeof answer>;
    try {
      result = await Promise.race([answer, aborted]);
    } finally {
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    }
    // Like fetch, a transport failure rejects with a TypeError; the API client treats it as a network error.
    if (!result.ok) {
      if (result.error.api !== undefined) throw fromForwardedError(result.error.api, result.error.message);
      throw new TypeError(result.error.message);
    }
    // Main caps what it sends; the page checks it again rather than trusting the other side of IPC.
    const parsed = ApiResponseDataSchema.safeParse(result.value);
    if (!parsed.success) {
      throw new InvalidResponseError('The forwarded answer is outside its bounds', {
        status: result.value.status,
        reason: 'schema',
      });
    }
    return fromApiResponse(parsed.data);
  };

/** The query is built and the reply checked here; main only carries them (electron/timestamp.ts). */
const requestTimestampThroughMain =
  (bridge: InvoiceDeskBridge): Platform['requestTimestamp'] =>
  async (url, sha256, signal) => {
    // pkijs is loaded on the first stamp, never at start.
    const { requesterOver, TimestampError } = await import('../../shared/archive/timestamp');
    return requesterOver(async (query, exchangeSignal) => {
      exchangeSignal?.throwIfAborted();
      const answer = unwrap(await bridge.requestTimestamp({ url, query: new Uint8Array(query) }));
      // Main's own timeout bounds the exchange; a cancel here only stops waiting for it.
      if (exchangeSignal?.aborted === true) throw new TimestampError('tsa.cancelled', 'cancelled');
      if (!answer.ok) throw new TimestampError(answer.code, answer.detail);
      return answer.reply;
    })(sha256, signal);
  };

export const createElectronPlatform = (
  bridge: DesktopBridge,
  newId: () => string = () => crypto.randomUUID(),
): Platform => ({
  kind: 'electron',
  getAppInfo: async () => unwrap(await bridge.getAppInfo(undefined)),
  openExternal: async (url) => {
    const result = await bridge.openExternal({ url });
    return result.ok;
  },
  connection: {
    get: async () => unwrap(await bridge.getConnection(undefined)),
    save: async (request) => unwrap(await bridge.saveConnection(request)),
    test: async (request) => unwrap(await bridge.testConnection(request)),
  },
  saveFile: async (file) => unwrap(await bridge.saveFile(file)),
  requestTimestamp: requestTimestampThroughMain(bridge),
  saveFileStream: async (file) => {
    const opened = unwrap(await bridge.saveStreamBegin(file));
    if (opened.outcome === 'cancelled') return null;
    const { id } = opened;
    // A file being written (an export, an archive) holds back the offer to restart for an update.
    const endBusy = beginBusyWork();
    return {
      // Pieces above the IPC bound are sent in parts; the export's pieces are smaller already.
      write: async (chunk) => {
        for (let offset = 0; offset < chunk.length; offset += SAVE_STREAM_MAX_CHUNK_BYTES) {
          const part =
            offset === 0 && chunk.length <= SAVE_STREAM_MAX_CHUNK_BYTES
              ? chunk
              : chunk.slice(offset, offset + SAVE_STREAM_MAX_CHUNK_BYTES);
          unwrap(await bridge.saveStreamChunk({ id, bytes: part }));
        }
      },
      close: async () => {
        try {
          unwrap(await bridge.saveStreamFinish({ id }));
        } finally {
          endBusy();
        }
      },
      abort: async () => {
        try {
          unwrap(await bridge.saveStreamAbort({ id }));
        } finally {
          endBusy();
        }
      },
    };
  },
  openFile: async (request) => unwrap(await bridge.openFile(request)),
  notify: async (title, body, kind) =>
    (await bridge.notify(kind === undefined ? { title, body } : { title, body, kind })).ok,
  reportSyncState: async (state) => {
    unwrap(await bridge.reportSyncState(state));
  },
  desktopSettings: {
    get: async () => unwrap(await bridge.getDesktopSettings(undefined)),
    save: async (settings) => unwrap(await bridge.saveDesktopSettings(settings)),
  },
  archiveKey: {
    sign: async (bytes) => unwrap(await bridge.archiveKeySign({ bytes })),
    publicKeyPem: async () => unwrap(await bridge.archiveKeyPublic(undefined)),
  },
  // Main is ours, but what crossed IPC is checked like everything else; the rest is dropped.
  onCommand: (listener) =>
    toDisposable(
      bridge.onCommand((payload) => {
        const command = parseAppCommand(payload);
        if (command !== null) listener(command);
      }),
    ),
  reportLanguage: (language) => {
    // A menu in the previous language is no failure the clerk should hear about.
    void bridge.setLanguage({ language }).catch(() => undefined);
  },
  updates: {
    status: async () => unwrap(await bridge.updateStatus(undefined)),
    check: async () => unwrap(await bridge.updateCheck(undefined)),
    setBusy: async (busy) => {
      unwrap(await bridge.updateSetBusy({ busy }));
    },
    restart: async () => {
      unwrap(await bridge.updateRestart(undefined));
    },
    saveFeedUrl: async (feedUrl) => unwrap(await bridge.updateSaveFeed({ feedUrl })),
    subscribe: (listener) =>
      bridge.onUpdateStatus?.((status) => {
        // Checked as any answer from main is: a malformed push is dropped, never shown.
        const parsed = UpdateStatusSchema.safeParse(status);
        if (parsed.success) listener(parsed.data);
      }) ?? (() => undefined),
  },
  apiFetch: forwardApiRequest(bridge, newId),
});
