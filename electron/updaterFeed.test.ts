/**
 * The whole update flow against a real feed: the real electron-updater (NsisUpdater, the updater
 * Windows clerks run) over HTTP from a generic feed served on 127.0.0.1, driven by electron/updater.ts.
 *
 * Only the `electron` module is a fake. electron-updater reaches it with CommonJS `require("electron")`
 * from inside node_modules, which vi.mock cannot intercept (vitest externalises dependencies), so the
 * fake is put into Node's module cache under the path `require.resolve('electron')` names. It is
 * what electron-updater touches: `app` (version, name, isPackaged, userData for its staging id, ready),
 * `session.fromPartition` and `net.request`, answered by node's http.request (the same ClientRequest
 * events: 'response', 'error', end). NsisUpdater rather than AppImageUpdater: its download and sha512
 * check run on any OS (it only needs a `.exe` in the feed; nothing is installed), while
 * AppImageUpdater refuses to run without an APPIMAGE. The cache goes to a temporary XDG_CACHE_HOME
 * (LOCALAPPDATA on Windows), which electron-updater's getAppCacheDir honours; app-update.yml (what
 * electron-builder writes into the installed app's resources) comes from `updateConfigPath`.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../shared/ipc/update';
import { createManualClock } from './testing/fakeAutoUpdater';
import { createUpdater } from './updater';

const require = createRequire(import.meta.url);
const ARTEFACT = 'Invoice-Desk-Setup-0.2.0.exe';

// Deterministic bytes: a few hundred kilobytes, so the download reports progress in several steps.
const artefact = Buffer.alloc(384 * 1024);
for (let i = 0; i < artefact.length; i += 1) artefact[i] = (i * 31 + (i >> 8)) & 0xff;
const sha512 = createHash('sha512').update(artefact).digest('base64');

const latestYml = [
  'version: 0.2.0',
  'files:',
  `  - url: ${ARTEFACT}`,
  `    sha512: ${sha512}`,
  `    size: ${artefact.length}`,
  `path: ${ARTEFACT}`,
  `sha512: ${sha512}`,
  "releaseDate: '2026-11-30T12:00:00.000Z'",
  '',
].join('\n');

const feed = { served: artefact, requests: [] as string[] };
let server: http.Server;
let feedUrl = '';
let temp = '';

/** The `electron` module as electron-updater uses it; net.request is node's http.request. */
const fakeElectron = () => {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    getVersion: () => '0.1.0',
    getName: () => 'Invoice Desk',
    getPath: (name: string) => path.join(temp, name),
    getAppPath: () => path.join(temp, 'app'),
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    relaunch: () => undefined,
  });
  return {
    app,
    session: { fromPartition: () => ({}) },
    net: {
      request: ({
        session: _session,
        redirect: _redirect,
        ...options
      }: http.RequestOptions & Record<string, unknown>) => http.request(options),
    },
    autoUpdater: new EventEmitter(),
  };
};

const installElectronFake = () => {
  const resolved = require.resolve('electron');
  const fake = new Module(resolved);
  fake.filename = resolved;
  fake.loaded = true;
  fake.exports = fakeElectron();
  require.cache[resolved] = fake;
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the cache is keyed by path
    delete require.cache[resolved];
  };
};

const newUpdater = async () => {
  const { NsisUpdater } = await import('electron-updater');
  const nsis = new NsisUpdater();
  nsis.logger = null;
  nsis.updateConfigPath = path.join(temp, 'app-update.yml');
  const sent: UpdateStatus[] = [];
  const settled = new Promise<UpdateStatus>((resolve) => {
    const updater = createUpdater({
      autoUpdater: () => Promise.resolve(nsis),
      isPackaged: true,
      currentVersion: '0.1.0',
      buildFeedUrl: feedUrl,
      settings: { read: () => null, write: () => undefined },
      clock: createManualClock().clock,
      send: (status) => {
        sent.push(status);
        if (status.phase.kind === 'downloaded' || status.phase.kind === 'error') resolve(status);
      },
    });
    void updater.checkNow();
  });
  return { sent, settled, nsis };
};

let removeFake: () => void = () => undefined;

beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-desk-update-'));
  fs.writeFileSync(
    path.join(temp, 'app-update.yml'),
    `provider: generic\nurl: http://127.0.0.1:1/unused\nupdaterCacheDirName: invoice-desk-updater\n`,
  );
  server = http.createServer((request, response) => {
    // electron-updater adds `?noCache=…` to the channel file's URL.
    const url = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    feed.requests.push(url);
    // The channel file's name depends on the OS the test runs on (latest.yml on Windows).
    if (/^\/latest(-[a-z0-9-]+)?\.yml$/.test(url)) {
      response.writeHead(200, { 'content-type': 'text/yaml' }).end(latestYml);
    } else if (url === `/${ARTEFACT}`) {
      response.writeHead(200, { 'content-length': feed.served.length }).end(feed.served);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  removeFake = installElectronFake();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  removeFake();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(temp, { recursive: true, force: true });
});

const cacheHome = (name: string) => {
  const dir = path.join(temp, name);
  vi.stubEnv('XDG_CACHE_HOME', dir);
  vi.stubEnv('LOCALAPPDATA', dir);
  return dir;
};

describe('update from a local generic feed', () => {
  it('finds 0.2.0, downloads it and keeps it only with the published sha512', async () => {
    const cache = cacheHome('cache-good');
    feed.served = artefact;
    const { sent, settled } = await newUpdater();
    const final = await settled;
    expect(final).toMatchObject({ phase: { kind: 'downloaded', version: '0.2.0' }, offerRestart: true });
    expect(sent.map((status) => status.phase.kind)).toContain('available');
    const downloaded = path.join(cache, 'invoice-desk-updater', 'pending', ARTEFACT);
    expect(fs.existsSync(downloaded)).toBe(true);
    expect(createHash('sha512').update(fs.readFileSync(downloaded)).digest('base64')).toBe(sha512);
    expect(feed.requests).toContain(`/${ARTEFACT}`);
  });

  it('refuses a tampered artefact with the checksum code and keeps nothing', async () => {
    const cache = cacheHome('cache-tampered');
    const tampered = Buffer.from(artefact);
    tampered[1000] = (tampered[1000] ?? 0) ^ 0xff;
    feed.served = tampered;
    const { settled } = await newUpdater();
    const final = await settled;
    expect(final).toMatchObject({ phase: { kind: 'error', code: 'checksum' }, offerRestart: false });
    expect(fs.existsSync(path.join(cache, 'invoice-desk-updater', 'pending', ARTEFACT))).toBe(false);
  });
});
