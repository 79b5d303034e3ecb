import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../../shared/connection/apiRequest';
import { createRpc, RpcFailure } from '../rpc';
import { createPortFetch } from './portFetch';
import type { FetchTiming, SyncPageSide, SyncWorkerSide } from './protocol';

// The worker's fetch against a page side over a real MessageChannel; the page's answer is scripted.
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

const connect = (answer: (request: ApiRequest, signal: AbortSignal) => Promise<unknown>) => {
  const channel = new MessageChannel();
  channels.push(channel);
  const seen: { request: ApiRequest; signal: AbortSignal }[] = [];
  createRpc<SyncPageSide, SyncWorkerSide>(channel.port1, {
    fetch: async (request, { signal }) => {
      seen.push({ request, signal });
      await answer(request, signal);
      return {
        status: 200,
        statusText: 'OK',
        headers: {},
        body: new TextEncoder().encode('{}'),
        timing: { waitMs: 12, bodyMs: 3 },
      };
    },
  });
  const worker = createRpc<SyncWorkerSide, SyncPageSide>(channel.port2, {});
  const timings: FetchTiming[] = [];
  return { fetch: createPortFetch(worker, (timing) => timings.push(timing)), seen, timings };
};

describe('portFetch', () => {
  it("answers with the page's response, and passes on how long the page waited for it", async () => {
    const { fetch, seen, timings } = connect(() => Promise.resolve());
    const response = await fetch('/v1/customer', { method: 'GET' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{}');
    expect(seen[0]?.request).toMatchObject({ path: '/v1/customer', method: 'GET' });
    expect(timings).toEqual([{ waitMs: 12, bodyMs: 3 }]);
  });

  it('aborts the page’s request when the worker aborts its fetch', async () => {
    let released!: () => void;
    const pageAborted = new Promise<void>((resolve) => (released = resolve));
    const { fetch } = connect(
      (_request, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            released();
            reject(new Error('aborted'));
          });
        }),
    );
    const controller = new AbortController();
    const pending = fetch('/v1/customer', { method: 'GET', signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await pageAborted;
  });

  it("keeps a failure's API code across the port, and makes any other failure a network TypeError", async () => {
    const coded = connect(() =>
      Promise.reject(new RpcFailure('no answer in time', { code: 'api.timeout', notSent: false })),
    );
    await expect(coded.fetch('/v1/customer', { method: 'GET' })).rejects.toMatchObject({
      code: 'api.timeout',
      name: 'TimeoutError',
    });
    const plain = connect(() => Promise.reject(new Error('socket hang up')));
    await expect(plain.fetch('/v1/customer', { method: 'GET' })).rejects.toBeInstanceOf(TypeError);
  });
});
