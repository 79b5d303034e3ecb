import { describe, expect, it } from 'vitest';
import { createPortFetch } from './portFetch';
import type { FromWorker } from './protocol';

describe('portFetch', () => {
  it('asks the page to cancel a fetch the worker aborts', async () => {
    const posted: FromWorker[] = [];
    const transport = createPortFetch((message) => posted.push(message));
    const controller = new AbortController();
    const pending = transport.fetch('/v1/customer', { method: 'GET', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(posted).toMatchObject([
      { type: 'fetch', id: 1 },
      { type: 'fetchCancel', id: 1 },
    ]);
  });

  it('sends no cancel for a fetch that already has its answer', async () => {
    const posted: FromWorker[] = [];
    const transport = createPortFetch((message) => posted.push(message));
    const controller = new AbortController();
    const pending = transport.fetch('/v1/customer', { method: 'GET', signal: controller.signal });
    transport.settle({
      type: 'fetchResult',
      id: 1,
      ok: true,
      response: { status: 200, statusText: 'OK', headers: {}, body: new Uint8Array(0) },
    });
    await pending;
    controller.abort();
    expect(posted.map((message) => message.type)).toEqual(['fetch']);
  });

  it("keeps a failure's API code across the port", async () => {
    const transport = createPortFetch(() => undefined);
    const pending = transport.fetch('/v1/customer', { method: 'GET' });
    transport.settle({
      type: 'fetchResult',
      id: 1,
      ok: false,
      message: 'no answer in time',
      error: { code: 'api.timeout', notSent: false },
    });
    await expect(pending).rejects.toMatchObject({ code: 'api.timeout', name: 'TimeoutError' });
  });
});
