import { describe, expect, it } from 'vitest';
import { checkResult, createManualClock, FakeAutoUpdater } from './testing/fakeAutoUpdater';
import { fakeInvokeEvent } from './testing/fakeElectron';
import { createTestHandlers } from './testing/testHandlers';
import { createUpdater } from './updater';

const setup = () => {
  const fake = new FakeAutoUpdater();
  const updater = createUpdater({
    autoUpdater: () => Promise.resolve(fake),
    isPackaged: true,
    currentVersion: '0.1.0',
    buildFeedUrl: 'https://updates.example.ch/',
    settings: { read: () => null, write: () => undefined },
    clock: createManualClock().clock,
    send: () => undefined,
  });
  const { ipc } = createTestHandlers({ updater });
  return { ipc, fake };
};

describe('update messages', () => {
  it('answers the status and validates what the page sends', async () => {
    const { ipc } = setup();
    await expect(ipc.invoke('updateStatus', undefined)).resolves.toMatchObject({
      ok: true,
      value: { phase: { kind: 'idle' }, currentVersion: '0.1.0', feedUrl: 'https://updates.example.ch/' },
    });
    await expect(ipc.invoke('updateSetBusy', { busy: 'yes' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
    await expect(ipc.invoke('updateSetBusy', { busy: true })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('refuses an untrusted frame', async () => {
    const { ipc } = setup();
    await expect(
      ipc.invoke('updateCheck', undefined, fakeInvokeEvent('https://evil.example/', { subframe: true })),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.forbiddenSender' } });
  });

  it('refuses a feed URL other than https (http on loopback), and a restart with nothing downloaded', async () => {
    const { ipc } = setup();
    await expect(
      ipc.invoke('updateSaveFeed', { feedUrl: 'http://updates.example.ch/' }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'update.badFeedUrl' },
    });
    await expect(ipc.invoke('updateSaveFeed', { feedUrl: 'https://it.example.ch/' })).resolves.toMatchObject({
      ok: true,
      value: { feedUrl: 'https://it.example.ch/', feedOverride: 'https://it.example.ch/' },
    });
    await expect(ipc.invoke('updateRestart', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'update.notReady' },
    });
  });

  it('checks on request and restarts only once the update is downloaded', async () => {
    const { ipc, fake } = setup();
    fake.nextCheck = () => {
      fake.emit('update-downloaded', { version: '0.2.0' });
      return Promise.resolve(checkResult('0.2.0', Promise.resolve(['/tmp/x'])));
    };
    await ipc.invoke('updateCheck', undefined);
    await Promise.resolve();
    expect(fake.checks).toBe(1);
    await expect(ipc.invoke('updateRestart', undefined)).resolves.toEqual({ ok: true, value: undefined });
    expect(fake.installs).toHaveLength(1);
  });
});
