import { describe, expect, it } from 'vitest';
import type { DesktopBridge, IpcResult } from '../../shared/ipc/contract';
import type { ApiResponseData, ForwardedApiRequest } from '../../shared/connection/apiRequest';
import { API_RESPONSE_MAX_BYTES } from '../../shared/connection/apiRequest';
import { createElectronPlatform } from './electron';
import { PlatformError } from './Platform';
import type { AppCommand } from '../../shared/ipc/appCommands';

/** A bridge whose apiRequest answers only when the test says so, recording what the page sent. */
const fakeBridge = (overrides: Partial<DesktopBridge> = {}) => {
  const sent: ForwardedApiRequest[] = [];
  const cancelled: string[] = [];
  const answers: Array<(result: IpcResult<ApiResponseData>) => void> = [];
  const refuse = () => Promise.reject(new Error('not used here'));
  const bridge: DesktopBridge = {
    getAppInfo: refuse,
    openExternal: refuse,
    getConnection: refuse,
    saveConnection: refuse,
    testConnection: refuse,
    notify: refuse,
    saveFile: refuse,
    saveStreamBegin: refuse,
    saveStreamChunk: refuse,
    saveStreamFinish: refuse,
    saveStreamAbort: refuse,
    openFile: refuse,
    archiveKeySign: refuse,
    archiveKeyPublic: refuse,
    requestTimestamp: refuse,
    reportSyncState: refuse,
    getDesktopSettings: refuse,
    saveDesktopSettings: refuse,
    setLanguage: refuse,
    onCommand: () => () => undefined,
    updateStatus: refuse,
    updateCheck: refuse,
    updateSetBusy: refuse,
    updateRestart: refuse,
    updateSaveFeed: refuse,
    apiRequest: (request) => {
      sent.push(request);
      return new Promise((resolve) => answers.push(resolve));
    },
    cancelApiRequest: ({ requestId }) => {
      cancelled.push(requestId);
      return Promise.resolve({ ok: true, value: undefined });
    },
    ...overrides,
  };
  let next = 0;
  const platform = createElectronPlatform(bridge, () => `id-${++next}`);
  return { platform, sent, cancelled, answers };
};

const ok = (body: Uint8Array<ArrayBuffer>): IpcResult<ApiResponseData> => ({
  ok: true,
  value: { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body },
});

describe('electron platform: apiFetch', () => {
  it('forwards each request under its own id and answers its response', async () => {
    const { platform, sent, answers } = fakeBridge();
    const pending = platform.apiFetch('/v1/customer', { method: 'GET' });
    expect(sent).toMatchObject([{ path: '/v1/customer', requestId: 'id-1' }]);
    answers[0]?.(ok(new TextEncoder().encode('{"a":1}')));
    expect(await (await pending).json()).toEqual({ a: 1 });
  });

  it('an abort sends the cancel to main with the same id and rejects at once', async () => {
    const { platform, sent, cancelled } = fakeBridge();
    const controller = new AbortController();
    const pending = platform.apiFetch('/v1/customer', { method: 'GET', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(cancelled).toEqual([sent[0]?.requestId]);
  });

  it('keeps the API code of a transport failure in main', async () => {
    const { platform, answers } = fakeBridge();
    const pending = platform.apiFetch('/v1/customer', { method: 'GET' });
    answers[0]?.({
      ok: false,
      error: { code: 'ipc.failed', message: 'redirected', api: { code: 'api.redirect', notSent: false } },
    });
    await expect(pending).rejects.toMatchObject({ code: 'api.redirect' });
  });

  it('refuses an answer from main that is over the size bound', async () => {
    const { platform, answers } = fakeBridge();
    const pending = platform.apiFetch('/v1/invoices/i1/document', { method: 'GET' });
    // Zero-filled and never touched: the operating system does not commit these pages.
    answers[0]?.(ok(new Uint8Array(API_RESPONSE_MAX_BYTES + 1)));
    await expect(pending).rejects.toMatchObject({ code: 'api.invalidResponse' });
  });
});

describe('electron platform: typed refusals', () => {
  const refusing = (code: 'connection.secretRequired' | 'ipc.notAllowed') =>
    fakeBridge({
      saveConnection: () => Promise.resolve({ ok: false, error: { code, message: 'refused in main' } }),
    }).platform;
  const request = {
    settings: { mode: 'custom' as const, baseUrl: 'https://billing.example.ch', clientId: 'acme' },
  };

  it("passes main's secretRequired through as it came", async () => {
    const attempt = refusing('connection.secretRequired').connection.save(request);
    await expect(attempt).rejects.toBeInstanceOf(PlatformError);
    await expect(attempt).rejects.toMatchObject({ code: 'connection.secretRequired' });
  });

  it('no longer guesses a missing secret from a generic refusal', async () => {
    await expect(refusing('ipc.notAllowed').connection.save(request)).rejects.toMatchObject({
      code: 'ipc.notAllowed',
    });
  });
});

describe('electron platform: openFile', () => {
  it('asks main for the accepted types and answers the name and bytes it read', async () => {
    const asked: unknown[] = [];
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    const { platform } = fakeBridge({
      openFile: (request) => {
        asked.push(request);
        return Promise.resolve({ ok: true, value: { name: 'Kostenstellen.xlsx', bytes } });
      },
    });
    await expect(platform.openFile({ accept: ['xlsx', 'csv'] })).resolves.toEqual({
      name: 'Kostenstellen.xlsx',
      bytes,
    });
    expect(asked).toEqual([{ accept: ['xlsx', 'csv'] }]);
  });

  it("passes main's tooLarge refusal through as a typed failure", async () => {
    const { platform } = fakeBridge({
      openFile: () => Promise.resolve({ ok: false, error: { code: 'files.tooLarge', message: 'big' } }),
    });
    await expect(platform.openFile({ accept: ['xlsx'] })).rejects.toMatchObject({ code: 'files.tooLarge' });
  });
});

describe('electron platform: saveFileStream', () => {
  const xlsx = {
    suggestedName: 'export.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  } as const;
  const id = 'a'.repeat(32);

  it('opens a stream in main, sends each piece, finishes or aborts it; null when cancelled', async () => {
    const calls: string[] = [];
    let cancelled = false;
    const { platform } = fakeBridge({
      saveStreamBegin: () =>
        Promise.resolve({
          ok: true,
          value: cancelled ? { outcome: 'cancelled' } : { outcome: 'opened', id },
        }),
      saveStreamChunk: (request) => {
        calls.push(`chunk ${request.id} ${request.bytes.length}`);
        return Promise.resolve({ ok: true, value: undefined });
      },
      saveStreamFinish: (request) => {
        calls.push(`finish ${request.id}`);
        return Promise.resolve({ ok: true, value: 'saved' });
      },
      saveStreamAbort: (request) => {
        calls.push(`abort ${request.id}`);
        return Promise.resolve({ ok: true, value: undefined });
      },
    });
    const file = await platform.saveFileStream?.(xlsx);
    await file?.write(new Uint8Array(10));
    await file?.close();
    const other = await platform.saveFileStream?.(xlsx);
    await other?.abort();
    expect(calls).toEqual([`chunk ${id} 10`, `finish ${id}`, `abort ${id}`]);
    cancelled = true;
    await expect(platform.saveFileStream?.(xlsx)).resolves.toBeNull();
  });

  it('a refused piece rejects with main’s code', async () => {
    const { platform } = fakeBridge({
      saveStreamBegin: () => Promise.resolve({ ok: true, value: { outcome: 'opened', id } }),
      saveStreamChunk: () => Promise.resolve({ ok: false, error: { code: 'ipc.failed', message: 'ENOSPC' } }),
    });
    const file = await platform.saveFileStream?.(xlsx);
    await expect(file?.write(new Uint8Array(1))).rejects.toMatchObject({ code: 'ipc.failed' });
  });
});

describe('electron platform: commands from main', () => {
  it('hands the page only the commands that pass the schema, until it stops listening', () => {
    let deliver: (payload: unknown) => void = () => undefined;
    let listening = false;
    const { platform } = fakeBridge({
      onCommand: (listener) => {
        deliver = listener;
        listening = true;
        return () => {
          listening = false;
        };
      },
    });
    const received: AppCommand[] = [];
    const subscription = platform.onCommand((command) => received.push(command));
    expect(listening).toBe(true);
    deliver({ kind: 'navigate', route: 'https://evil.example/' });
    deliver({ kind: 'runScript', code: 'alert(1)' });
    deliver({ kind: 'importCostCenters', file: { name: 'a.xlsx', bytes: 'UEsDBA==' } });
    deliver({ kind: 'navigate', route: '/audit' });
    deliver({ kind: 'syncNow' });
    expect(received).toEqual([{ kind: 'navigate', route: '/audit' }, { kind: 'syncNow' }]);
    subscription.dispose();
    expect(listening).toBe(false);
  });

  it('tells main the language, and shrugs off a main that cannot take it', async () => {
    const told: unknown[] = [];
    const { platform } = fakeBridge({
      setLanguage: (request) => {
        told.push(request);
        return Promise.reject(new Error('no menu'));
      },
    });
    platform.reportLanguage('it');
    await Promise.resolve();
    expect(told).toEqual([{ language: 'it' }]);
  });
});
