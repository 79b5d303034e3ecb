import { describe, expect, it } from 'vitest';
import { TimestampError, verifyTimestamp } from '../../shared/archive/timestamp';
import type { DesktopBridge, InvoiceDeskBridge } from '../../shared/ipc/contract';
import type { RequestTimestampRequest } from '../../shared/ipc/timestamp';
import { createTestAuthority } from '../../simulator/routes/tsa';
import { createElectronPlatform } from './electron';

const DIGEST = new Uint8Array(32).fill(0x5a);
const NOW = Date.parse('2026-06-30T23:59:59Z');

/** A bridge that refuses everything but requestTimestamp, which the test answers. */
const bridgeWith = (requestTimestamp: InvoiceDeskBridge['requestTimestamp']): DesktopBridge => {
  const refuse = () => Promise.reject(new Error('not used here'));
  return {
    getAppInfo: refuse,
    openExternal: refuse,
    getConnection: refuse,
    saveConnection: refuse,
    testConnection: refuse,
    apiRequest: refuse,
    cancelApiRequest: refuse,
    notify: refuse,
    saveFile: refuse,
    saveStreamBegin: refuse,
    saveStreamChunk: refuse,
    saveStreamFinish: refuse,
    saveStreamAbort: refuse,
    openFile: refuse,
    archiveKeySign: refuse,
    archiveKeyPublic: refuse,
    reportSyncState: refuse,
    getDesktopSettings: refuse,
    saveDesktopSettings: refuse,
    updateStatus: refuse,
    updateCheck: refuse,
    updateSetBusy: refuse,
    updateRestart: refuse,
    updateSaveFeed: refuse,
    requestTimestamp,
    setLanguage: refuse,
    onCommand: () => () => undefined,
  };
};

describe('electron platform: requestTimestamp', () => {
  it('builds the query, lets main carry it and checks the reply itself', async () => {
    const authority = await createTestAuthority();
    const sent: RequestTimestampRequest[] = [];
    const platform = createElectronPlatform(
      bridgeWith(async (request) => {
        sent.push(request);
        return {
          ok: true,
          value: { ok: true, reply: new Uint8Array(await authority.answer(request.query, NOW)) },
        };
      }),
    );

    const token = await platform.requestTimestamp('https://tsa.example/tsr', DIGEST);

    expect(sent.map((request) => request.url)).toEqual(['https://tsa.example/tsr']);
    await expect(verifyTimestamp(token, DIGEST)).resolves.toMatchObject({
      valid: true,
      time: '2026-06-30T23:59:59.000Z',
    });
  });

  it('turns main’s typed reason into a TimestampError with the same code', async () => {
    const platform = createElectronPlatform(
      bridgeWith(() =>
        Promise.resolve({
          ok: true,
          value: { ok: false, code: 'tsa.timeout', detail: 'no reply within 15000 ms' },
        }),
      ),
    );

    const failure = await platform
      .requestTimestamp('https://tsa.example/tsr', DIGEST)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TimestampError);
    expect(failure).toMatchObject({ code: 'tsa.timeout' });
  });

  it('refuses a reply main carried that does not answer this query', async () => {
    const authority = await createTestAuthority();
    const other = new Uint8Array(32).fill(1);
    const platform = createElectronPlatform(
      bridgeWith(async () => {
        // A reply to another query: its nonce and imprint are not ours.
        const { buildTimestampQuery } = await import('../../shared/archive/timestamp');
        const query = buildTimestampQuery(other, new Uint8Array(8).fill(4));
        return {
          ok: true,
          value: { ok: true, reply: new Uint8Array(await authority.answer(query.der, NOW)) },
        };
      }),
    );

    await expect(platform.requestTimestamp('https://tsa.example/tsr', DIGEST)).rejects.toMatchObject({
      code: 'tsa.mismatch',
    });
  });
});
