import fs from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME } from '../../electron/appOrigin';
import {
  createFakeElectronModule,
  MissingFakeError,
  type FakeElectronModule,
} from '../../electron/testing/fakeElectronModule';
import { electronBundles } from '../../scripts/electronBundles';
import { ipcChannel, ipcMessages } from '../../shared/ipc/channels';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromHere = createRequire(import.meta.url);

// The bundle `npm run build:electron` writes (its own esbuild options), written to a folder of this
// test's so that a build or another test using dist/ cannot change what is loaded here.
let outDir = '';
let bundle = '';
beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-desk-main-bundle-'));
  bundle = path.join(outDir, 'electron', 'main.cjs');
  await build({ ...electronBundles.main, absWorkingDir: root, outfile: bundle, logLevel: 'silent' });
});
afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
});

const userDataDirs: string[] = [];
afterEach(() => {
  for (const dir of userDataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the bundle as Node runs a CommonJS file (the same wrapper, in this realm, so Buffer and
 * instanceof are the test's), with a `require` that answers `electron` with the fake and Node's
 * built-ins with themselves. Nothing global is patched, and every start runs the file afresh.
 */
const startBundle = (options: { lockGranted?: boolean } = {}): FakeElectronModule => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-desk-user-data-'));
  userDataDirs.push(userData);
  const fake = createFakeElectronModule({ userData, ...options });
  const required = (id: string): unknown => {
    if (id === 'electron') return fake.module;
    // Everything else is bundled: a package required at run time would be missing from the asar.
    if (!isBuiltin(id)) throw new Error(`the main bundle requires ${id} at run time`);
    return requireFromHere(id);
  };
  const module = { exports: {} };
  const run = vm.compileFunction(
    fs.readFileSync(bundle, 'utf8'),
    ['exports', 'require', 'module', '__filename', '__dirname'],
    { filename: bundle },
  );
  Reflect.apply(run, module.exports, [module.exports, required, module, bundle, path.dirname(bundle)]);
  return fake;
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the built main bundle under Node, with a fake electron module', () => {
  it('registers a handler for every IPC channel and loads the app into one window', async () => {
    const fake = startBundle();
    expect(fake.schemes).toMatchObject([
      { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
    ]);
    expect(fake.windows).toHaveLength(0);

    fake.makeReady();
    await settle();
    expect([...fake.ipc.handlers.keys()].sort()).toEqual(ipcMessages.map(ipcChannel).sort());
    expect(fake.handledSchemes).toEqual([APP_SCHEME]);
    expect(fake.session.requestHandler).not.toBeNull();
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    // The preload is looked for beside the bundle, where the build writes it.
    expect(window.options.webPreferences?.preload).toBe(path.join(outDir, 'electron', 'preload.cjs'));

    fake.app.emit('will-quit');
    expect(fake.ipc.handlers.size).toBe(0);
  });

  it('answers a handler from the bundle as the page would call it', async () => {
    const fake = startBundle();
    fake.makeReady();
    await settle();
    await expect(fake.ipc.invoke('getAppInfo', undefined)).resolves.toMatchObject({
      ok: true,
      value: { name: 'Invoice Desk', version: '0.1.0', locale: 'de-CH' },
    });
    fake.app.emit('will-quit');
  });

  it('quits without a window when another instance holds the lock', async () => {
    const fake = startBundle({ lockGranted: false });
    fake.makeReady();
    await settle();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipc.handlers.size).toBe(0);
  });

  it('names the missing part when main reaches for Electron the fake lacks', () => {
    const fake = createFakeElectronModule({ userData: os.tmpdir() });
    expect(() => {
      Reflect.get(fake.module, 'Menu');
    }).toThrow(MissingFakeError);
    expect(() => {
      Reflect.get(fake.module, 'Menu');
    }).toThrow(/electron\.Menu.*fakeElectronModule\.ts/);
    expect(() => {
      Reflect.get(fake.module.app, 'setLoginItemSettings');
    }).toThrow(/electron\.app\.setLoginItemSettings/);
    expect(() => {
      Reflect.get(fake.module.BrowserWindow, 'getFocusedWindow');
    }).toThrow(/electron\.BrowserWindow\.getFocusedWindow/);
    // What loaders and promises probe is simply absent.
    expect(Reflect.get(fake.module, 'then')).toBeUndefined();
    expect(Reflect.get(fake.module, '__esModule')).toBeUndefined();
  });
});
