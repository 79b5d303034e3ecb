import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../shared/ipc/update';
import { UPDATE_INTERVAL_MS, UPDATE_START_DELAY_MS } from '../shared/update/policy';
import { checkResult, createManualClock, FakeAutoUpdater } from './testing/fakeAutoUpdater';
import { createUpdater, type UpdaterDeps } from './updater';

const FEED = 'https://updates.example.ch/invoice-desk/';

const memoryFile = (initial: string | null = null) => {
  const file = {
    text: initial,
    read: () => file.text,
    write: (text: string) => {
      file.text = text;
    },
  };
  return file;
};

const setUp = (overrides: Partial<UpdaterDeps> = {}) => {
  const fake = new FakeAutoUpdater();
  const time = createManualClock();
  const sent: UpdateStatus[] = [];
  let made = 0;
  const settings = memoryFile();
  const updater = createUpdater({
    autoUpdater: () => {
      made += 1;
      return Promise.resolve(fake);
    },
    isPackaged: true,
    currentVersion: '0.1.0',
    buildFeedUrl: FEED,
    settings,
    clock: time.clock,
    send: (status) => sent.push(status),
    ...overrides,
  });
  return { fake, time, sent, updater, settings, made: () => made };
};

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

const offlineError = () =>
  Object.assign(new Error('getaddrinfo ENOTFOUND updates.example.ch'), { code: 'ENOTFOUND' });

describe('createUpdater', () => {
  it('never runs unpackaged (development) and never makes electron-updater', async () => {
    const { updater, time, made } = setUp({ isPackaged: false });
    updater.start();
    time.advance(10 * UPDATE_INTERVAL_MS);
    await updater.checkNow();
    expect(made()).toBe(0);
    expect(updater.status().phase).toEqual({ kind: 'disabled', reason: 'development' });
    expect(time.pending()).toEqual([]);
  });

  it('never runs without a feed', () => {
    const { updater, time, made } = setUp({ buildFeedUrl: '' });
    updater.start();
    time.advance(UPDATE_INTERVAL_MS);
    expect(made()).toBe(0);
    expect(updater.status()).toMatchObject({ phase: { kind: 'disabled', reason: 'noFeed' }, feedUrl: null });
  });

  it('checks a short while after start, then daily, against the generic feed, downloading in the background', async () => {
    const { updater, time, fake } = setUp();
    fake.nextCheck = () => {
      fake.emit('update-not-available', { version: '0.1.0' });
      return Promise.resolve(checkResult('0.1.0'));
    };
    updater.start();
    time.advance(UPDATE_START_DELAY_MS - 1);
    expect(fake.checks).toBe(0);
    time.advance(1);
    await flush();
    expect(fake.checks).toBe(1);
    expect(fake.feeds).toEqual([{ provider: 'generic', url: FEED }]);
    expect(fake.autoDownload).toBe(true);
    expect(fake.autoInstallOnAppQuit).toBe(true);
    time.advance(UPDATE_INTERVAL_MS - 1);
    await flush();
    expect(fake.checks).toBe(1);
    time.advance(1);
    await flush();
    expect(fake.checks).toBe(2);
    // The feed is set once, not on every check.
    expect(fake.feeds).toHaveLength(1);
  });

  it('sends each step to the page and offers the restart once downloaded', async () => {
    const { updater, fake, sent } = setUp();
    let finish: () => void = () => undefined;
    fake.nextCheck = () => {
      fake.emit('update-available', { version: '0.2.0' });
      fake.emit('download-progress', { percent: 41.6 });
      return Promise.resolve(
        checkResult(
          '0.2.0',
          new Promise<string[]>((resolve) => {
            finish = () => {
              fake.emit('update-downloaded', { version: '0.2.0', downloadedFile: '/tmp/x' });
              resolve(['/tmp/x']);
            };
          }),
        ),
      );
    };
    expect((await updater.checkNow()).phase).toEqual({ kind: 'checking' });
    await flush();
    expect(updater.restart()).toBe(false);
    finish();
    await flush();
    expect(sent.map((status) => status.phase)).toEqual([
      { kind: 'checking' },
      { kind: 'available', version: '0.2.0' },
      { kind: 'downloading', version: '0.2.0', percent: 41 },
      { kind: 'downloaded', version: '0.2.0' },
    ]);
    expect(sent.at(-1)).toMatchObject({ offerRestart: true, currentVersion: '0.1.0', feedUrl: FEED });
    expect(fake.installs).toEqual([]);
    expect(updater.restart()).toBe(true);
    expect(fake.installs).toEqual([{ isSilent: false, isForceRunAfter: true }]);
  });

  it('holds the offer back while the clerk is busy and makes it once the work ends', async () => {
    const { updater, fake, sent } = setUp();
    fake.nextCheck = () => {
      fake.emit('update-downloaded', { version: '0.2.0' });
      return Promise.resolve(checkResult('0.2.0', Promise.resolve(['/tmp/x'])));
    };
    updater.setBusy(true);
    await updater.checkNow();
    await flush();
    expect(updater.status()).toMatchObject({ phase: { kind: 'downloaded' }, offerRestart: false });
    const before = sent.length;
    updater.setBusy(true);
    expect(sent).toHaveLength(before);
    updater.setBusy(false);
    expect(sent.at(-1)).toMatchObject({
      phase: { kind: 'downloaded', version: '0.2.0' },
      offerRestart: true,
    });
    updater.setBusy(true);
    expect(sent.at(-1)?.offerRestart).toBe(false);
    // A click that raced the work's start does not cut the work short.
    expect(updater.restart()).toBe(false);
    expect(fake.installs).toEqual([]);
    updater.setBusy(false);
    expect(updater.restart()).toBe(true);
    expect(fake.installs).toHaveLength(1);
  });

  it('shows the failure of "check now" as a typed code', async () => {
    const { updater, fake } = setUp();
    fake.nextCheck = () => {
      const error = offlineError();
      fake.emit('error', error);
      return Promise.reject(error);
    };
    await updater.checkNow();
    await flush();
    expect(updater.status().phase).toEqual({ kind: 'error', code: 'offline' });
  });

  it('keeps a failed background check quiet', async () => {
    const { updater, fake, time } = setUp();
    fake.nextCheck = () => {
      fake.emit('update-not-available', {});
      return Promise.resolve(checkResult('0.1.0'));
    };
    await updater.checkNow();
    await flush();
    expect(updater.status().phase).toEqual({ kind: 'upToDate' });
    fake.nextCheck = () => {
      const error = Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' });
      fake.emit('update-available', { version: '0.2.0' });
      fake.emit('error', error);
      return Promise.reject(error);
    };
    updater.start();
    time.advance(UPDATE_INTERVAL_MS);
    await flush();
    expect(fake.checks).toBe(2);
    expect(updater.status().phase).toEqual({ kind: 'upToDate' });
  });

  it("saves a checked feed override, uses it, and goes back to the build's feed when cleared", async () => {
    const { updater, fake, settings } = setUp();
    fake.nextCheck = () => Promise.resolve(checkResult('0.1.0'));
    expect(updater.saveFeedUrl('http://updates.example.ch/')).toBeNull();
    expect(updater.saveFeedUrl('ftp://x')).toBeNull();
    expect(settings.text).toBeNull();

    expect(updater.saveFeedUrl(' https://it.example.ch/feed/ ')).toMatchObject({
      feedUrl: 'https://it.example.ch/feed/',
      feedOverride: 'https://it.example.ch/feed/',
    });
    expect(JSON.parse(settings.text ?? '')).toEqual({ feedUrl: 'https://it.example.ch/feed/' });
    await updater.checkNow();
    expect(fake.feeds.at(-1)).toEqual({ provider: 'generic', url: 'https://it.example.ch/feed/' });

    expect(updater.saveFeedUrl('')).toMatchObject({ feedUrl: FEED, feedOverride: null });
    await flush();
    await updater.checkNow();
    expect(fake.feeds.at(-1)).toEqual({ provider: 'generic', url: FEED });
  });

  it('turns updates on when a feed is set on a build without one, and reads the override at start', () => {
    const { updater } = setUp({ buildFeedUrl: '' });
    expect(updater.status().phase.kind).toBe('disabled');
    expect(updater.saveFeedUrl('http://127.0.0.1:8123/')?.phase).toEqual({ kind: 'idle' });

    const stored = setUp({ settings: memoryFile(JSON.stringify({ feedUrl: 'https://it.example.ch/' })) });
    expect(stored.updater.status()).toMatchObject({
      feedUrl: 'https://it.example.ch/',
      feedOverride: 'https://it.example.ch/',
    });
  });

  it('ignores a stored override it would refuse from the form', () => {
    for (const text of ['{"feedUrl":"http://evil.example/"}', 'not json', '{"feedUrl":3}']) {
      const { updater } = setUp({ settings: memoryFile(text) });
      expect(updater.status()).toMatchObject({ feedUrl: FEED, feedOverride: null });
    }
  });

  it('stops its schedule when disposed', () => {
    const { updater, time, fake } = setUp();
    updater.start();
    updater.dispose();
    time.advance(UPDATE_INTERVAL_MS);
    expect(fake.checks).toBe(0);
    expect(time.pending()).toEqual([]);
  });
});
