import type { Fetch } from '../../../shared/api/client';
import {
  ForwardedErrorSchema,
  fromApiResponse,
  fromForwardedError,
  toApiRequest,
} from '../../../shared/connection/apiRequest';
import { RpcError, type Rpc } from '../rpc';
import type { FetchTiming, SyncPageSide, SyncWorkerSide } from './protocol';

/**
 * A Fetch for the worker that asks the page to send the request (the page reaches the platform:
 * IPC to the main process in Electron, the network in the browser) and resolves with its answer.
 * An abort cancels the page's request too.
 */
export const createPortFetch =
  (
    rpc: Pick<Rpc<SyncWorkerSide, SyncPageSide>, 'call'>,
    onTiming: (timing: FetchTiming) => void = () => undefined,
  ): Fetch =>
  async (path, init) => {
    try {
      const response = await rpc.call('fetch', toApiRequest(path, init), {
        ...(init.signal ? { signal: init.signal } : {}),
      });
      if (response.timing) onTiming(response.timing);
      return fromApiResponse(response);
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      // Like fetch, a transport failure is a TypeError; the API client treats it as a network error.
      const forwarded = ForwardedErrorSchema.safeParse(error.data);
      throw forwarded.success
        ? fromForwardedError(forwarded.data, error.message)
        : new TypeError(error.message);
    }
  };
