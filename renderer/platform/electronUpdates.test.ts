import { describe, expect, it } from 'vitest';
import type { DesktopBridge, IpcResult, UpdateStatus } from '../../shared/ipc/contract';
import { isBusyWorking } from './busyWork';
import { createElectronPlatform } from './electron';

const status: UpdateStatus = {
  phase: { kind: 'downloaded', version: '0.2.0' },
  offerRestart: true,
  currentVersion: '0.1.0',
  feedUrl: 'https://updates.example.ch/',
  buildFeedUrl: 'https://updates.example.ch/',
  feedOverride: null,
};

/** A bridge with the update messages, the save stream and the push the test drives; the rest refuses. */
const bridgeFor = () => {
  const refuse = () => Promise.reject(new Error('not used here'));
  const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });
  const busy: boolean[] = [];
  let push: (status: unknown) => void = () => undefined;
  const bridge: DesktopBridge = {
    getAppInfo: refuse,
    reportSyncState: refuse,
    getDesktopSettings: refuse,
    saveDesktopSettings: refuse,
    setLanguage: refuse,
    onCommand: () => () => undefined,
    openExternal: refuse,
    getConnection: refuse,
    saveConnection: refuse,
    testConnection: refuse,
    apiRequest: refuse,
    cancelApiRequest: refuse,
    notify: refuse,
    saveFile: refuse,
    saveStreamBegin: () => ok({ outcome: 'opened' as const, id: '0123456789abcdef0123456789abcdef' }),
    saveStreamChunk: () => ok(undefined),
    saveStreamFinish: () => ok('saved' as const),
    saveStreamAbort: () => ok(undefined),
    openFile: refuse,
    archiveKeySign: refuse,
    archiveKeyPublic: refuse,
    requestTimestamp: refuse,
    updateStatus: () => ok(status),
    updateCheck: () => ok(status),
    updateSetBusy: ({ busy: value }) => {
      busy.push(value);
      return ok(undefined);
    },
    updateRestart: () => Promise.resolve({ ok: false, error: { code: 'update.notReady', message: 'none' } }),
    updateSaveFeed: () =>
      Promise.resolve({ ok: false, error: { code: 'update.badFeedUrl', message: 'http' } }),
    onUpdateStatus: (listener) => {
      push = listener;
      return () => {
        push = () => undefined;
      };
    },
  };
  return { bridge, busy, push: (value: unknown) => push(value) };
};

describe('electron platform: updates', () => {
  it('passes checked pushes on and drops malformed ones', () => {
    const { bridge, push } = bridgeFor();
    const heard: UpdateStatus[] = [];
    const stop = createElectronPlatform(bridge).updates?.subscribe((next) => heard.push(next));
    push(status);
    push({ ...status, phase: { kind: 'downloading', version: '0.2.0', percent: 140 } });
    push('<img onerror>');
    stop?.();
    push(status);
    expect(heard).toEqual([status]);
  });

  it("turns main's refusals into typed platform errors", async () => {
    const updates = createElectronPlatform(bridgeFor().bridge).updates;
    await expect(updates?.restart()).rejects.toMatchObject({ code: 'update.notReady' });
    await expect(updates?.saveFeedUrl('http://x.example/')).rejects.toMatchObject({
      code: 'update.badFeedUrl',
    });
  });

  it('counts a file being written as busy work until it is closed or aborted', async () => {
    const platform = createElectronPlatform(bridgeFor().bridge);
    const first = await platform.saveFileStream?.({ suggestedName: 'a.zip', mimeType: 'application/zip' });
    expect(isBusyWorking()).toBe(true);
    await first?.close();
    expect(isBusyWorking()).toBe(false);
    const second = await platform.saveFileStream?.({ suggestedName: 'b.zip', mimeType: 'application/zip' });
    expect(isBusyWorking()).toBe(true);
    await second?.abort();
    expect(isBusyWorking()).toBe(false);
  });
});
