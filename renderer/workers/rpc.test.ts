import { afterEach, describe, expect, it } from 'vitest';
import { createRpc, RpcError, RpcFailure, transfer, type RpcPort } from './rpc';

// Both ends of a real MessageChannel: what crosses it is structured-cloned (and transferred) as between
// the page and a worker.
interface PageSide {
  methods: { ask: { params: string; result: string } };
  events: { hello: { from: string } };
}
interface WorkerSide {
  methods: {
    double: { params: number; result: number };
    bytes: { params: number; result: Uint8Array<ArrayBuffer> };
    wait: { params: undefined; result: 'done' };
    fail: { params: undefined; result: never };
  };
  events: { progress: number };
}

const channels: MessageChannel[] = [];
const pair = (onWaitAborted: () => void = () => undefined) => {
  const channel = new MessageChannel();
  channels.push(channel);
  const worker = createRpc<WorkerSide, PageSide>(channel.port2 satisfies RpcPort, {
    double: (value) => value * 2,
    bytes: (size) => {
      const data = new Uint8Array(size);
      return transfer(data, [data.buffer]);
    },
    wait: (_params, { signal }) =>
      new Promise<'done'>((resolve) => {
        signal.addEventListener('abort', onWaitAborted);
        setTimeout(() => resolve('done'), 60_000).unref();
      }),
    fail: () => {
      throw new RpcFailure('the result has expired', { code: 'expired' });
    },
  });
  const page = createRpc<PageSide, WorkerSide>(channel.port1, { ask: (question) => `${question}!` });
  return { page, worker };
};

afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('worker RPC', () => {
  it('answers calls both ways and delivers events', async () => {
    const { page, worker } = pair();
    expect(await page.call('double', 21)).toBe(42);
    expect(await worker.call('ask', 'why')).toBe('why!');
    const heard = new Promise<number>((resolve) => page.on('progress', resolve));
    worker.emit('progress', 7);
    expect(await heard).toBe(7);
  });

  it('moves a transferred result instead of copying it', async () => {
    const { page } = pair();
    const bytes = await page.call('bytes', 1024);
    expect(bytes.byteLength).toBe(1024);
    const data = new Uint8Array(16);
    // A caller's transfer list moves its buffers too: the sender's copy is detached.
    await page.call('double', 1, { transfer: [data.buffer] });
    expect(data.byteLength).toBe(0);
  });

  it("carries a handler's typed failure to the caller", async () => {
    const { page } = pair();
    const error = await page.call('fail', undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: 'rpc.remote', data: { code: 'expired' } });
  });

  it("aborts the handler when the caller's signal aborts", async () => {
    let aborted!: () => void;
    const handlerAborted = new Promise<void>((resolve) => (aborted = resolve));
    const { page } = pair(() => aborted());
    const controller = new AbortController();
    const pending = page.call('wait', undefined, { signal: controller.signal });
    // Let the request reach the other side before cancelling it.
    await page.call('double', 0);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await handlerAborted;
  });

  it('rejects what is pending when disposed, and every later call', async () => {
    const { page } = pair();
    const pending = page.call('wait', undefined);
    page.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'rpc.disposed' });
    await expect(page.call('double', 1)).rejects.toMatchObject({ code: 'rpc.disposed' });
  });
});
