import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './appOrigin';
import { FakeBrowserWindow, createFakeShell } from './testing/fakeElectron';
import { createMainWindow } from './window';
import { DEFAULT_WINDOW_STATE, restoreWindowState, type WindowStateFiles } from './windowState';

const memoryFiles = (initial: string | null = null) => {
  let text = initial;
  const files: WindowStateFiles = {
    read: () => text,
    write: (value) => {
      text = value;
    },
  };
  return { files, current: () => text };
};

describe('createMainWindow', () => {
  it('creates a hardened, hidden-until-ready window on the app origin', async () => {
    const shell = createFakeShell();
    const { files } = memoryFiles();
    const window = createMainWindow({
      createWindow: (options) => new FakeBrowserWindow(options),
      shell,
      externalHosts: () => ['help.invoice-desk.example'],
      preloadPath: '/app/dist/electron/preload.cjs',
      state: DEFAULT_WINDOW_STATE,
      stateFiles: files,
    });
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window.webContents.attemptNavigation('https://evil.example/')).toBe(false);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://x.example/' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler?.({ url: 'https://help.invoice-desk.example/' })).toEqual({
      action: 'deny',
    });
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    await Promise.resolve();
    // Only the allowed link went to the OS browser; the window itself never opened anything.
    expect(shell.opened).toEqual(['https://help.invoice-desk.example/']);
  });

  it('remembers its bounds and maximised state across restarts', () => {
    const { files, current } = memoryFiles();
    const first = createMainWindow({
      createWindow: (options) => new FakeBrowserWindow(options),
      shell: createFakeShell(),
      externalHosts: () => [],
      preloadPath: 'p',
      state: DEFAULT_WINDOW_STATE,
      stateFiles: files,
    });
    first.bounds = { x: 100, y: 50, width: 1400, height: 900 };
    first.maximized = true;
    first.emit('close');
    expect(current()).not.toBeNull();

    const restored = restoreWindowState(files, [{ x: 0, y: 0, width: 1920, height: 1080 }]);
    const second = createMainWindow({
      createWindow: (options) => new FakeBrowserWindow(options),
      shell: createFakeShell(),
      externalHosts: () => [],
      preloadPath: 'p',
      state: restored,
      stateFiles: files,
    });
    expect(second.options).toMatchObject({ x: 100, y: 50, width: 1400, height: 900 });
    expect(second.maximized).toBe(true);
  });
});

describe('restoreWindowState', () => {
  it('drops a position that no display shows any more, keeping the size', () => {
    const { files } = memoryFiles(
      JSON.stringify({ x: 3000, y: 0, width: 1000, height: 700, maximized: false }),
    );
    expect(restoreWindowState(files, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
  it('falls back to defaults on a corrupt or implausible file', () => {
    expect(restoreWindowState(memoryFiles('{not json').files, [])).toEqual(DEFAULT_WINDOW_STATE);
    expect(
      restoreWindowState(memoryFiles(JSON.stringify({ width: 5, height: 5, maximized: false })).files, []),
    ).toEqual(DEFAULT_WINDOW_STATE);
  });
});
