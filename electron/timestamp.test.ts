import { sha256 } from '@noble/hashes/sha2.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimestampQuery, readTimestampReply, verifyTimestamp } from '../shared/archive/timestamp';
import { RequestTimestampResponseSchema } from '../shared/ipc/timestamp';
import { startSimulator, type RunningSimulator } from '../simulator/standalone';
import { fakeInvokeEvent } from './testing/fakeElectron';
import { createTestHandlers } from './testing/testHandlers';
import { createTimestampForwarder } from './timestamp';

const NOW = '2026-05-04T08:00:00Z';
const DIGEST = sha256(new TextEncoder().encode('manifest'));

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  await simulator.close();
});

/** main's handlers over the fake ipcMain, the forwarder over node's fetch, counting what it posts. */
const setup = () => {
  const posted: string[] = [];
  const { invoke } = createTestHandlers({
    forwardTimestamp: createTimestampForwarder({
      fetch: (url, init) => {
        posted.push(url);
        return fetch(url, init);
      },
    }),
  });
  return { invoke, posted };
};

describe('requestTimestamp over IPC', () => {
  it('posts the page’s query to the TSA and answers the reply, which the page then checks', async () => {
    const { invoke } = setup();
    const query = buildTimestampQuery(DIGEST, new Uint8Array(8).fill(3));

    const answer = await invoke('requestTimestamp', { url: `${simulator.url}/tsa`, query: query.der });

    expect(answer).toMatchObject({ ok: true, value: { ok: true } });
    if (typeof answer !== 'object' || answer === null || !('value' in answer)) throw new Error('no answer');
    const value = RequestTimestampResponseSchema.parse(answer.value);
    if (!value.ok) throw new Error(value.detail);
    const token = await readTimestampReply(value.reply, { sha256: DIGEST, nonce: query.nonce });
    await expect(verifyTimestamp(token, DIGEST)).resolves.toMatchObject({
      valid: true,
      time: '2026-05-04T08:00:00.000Z',
    });
  });

  it('answers a typed reason, not a throw, for a URL it will not post to', async () => {
    const { invoke, posted } = setup();
    const query = buildTimestampQuery(DIGEST, new Uint8Array(8).fill(3));

    await expect(
      invoke('requestTimestamp', { url: 'http://tsa.example/tsr', query: query.der }),
    ).resolves.toMatchObject({ ok: true, value: { ok: false, code: 'tsa.badUrl' } });
    expect(posted).toEqual([]);
  });

  it('refuses a sender other than the app’s own page, and posts nothing', async () => {
    const { invoke, posted } = setup();
    const query = buildTimestampQuery(DIGEST, new Uint8Array(8).fill(3));

    await expect(
      invoke(
        'requestTimestamp',
        { url: `${simulator.url}/tsa`, query: query.der },
        fakeInvokeEvent('https://evil.example/'),
      ),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.forbiddenSender' } });
    expect(posted).toEqual([]);
  });

  it.each([
    ['an oversized query', { url: 'https://tsa.example/', query: new Uint8Array(2048) }],
    ['an empty query', { url: 'https://tsa.example/', query: new Uint8Array(0) }],
    ['a query as text', { url: 'https://tsa.example/', query: 'MIIB' }],
    ['an overlong URL', { url: `https://tsa.example/${'a'.repeat(3000)}`, query: new Uint8Array(10) }],
  ])('refuses %s before posting anything', async (_label, payload) => {
    const { invoke, posted } = setup();
    await expect(invoke('requestTimestamp', payload)).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
    expect(posted).toEqual([]);
  });
});
