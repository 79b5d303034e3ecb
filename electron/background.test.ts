import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createDesktopSettingsStore, createWindowKeeper, defaultDesktopSettings } from './background';
import { FakeBrowserWindow } from './testing/fakeElectron';

const memoryFile = (initial: string | null = null) => {
  let text = initial;
  return {
    read: () => text,
    write: (value: string) => {
      text = value;
    },
    current: () => text,
  };
};

const fakeApp = () =>
  Object.assign(new EventEmitter(), {
    quitCalls: 0,
    quit(this: EventEmitter & { quitCalls: number }) {
      this.quitCalls += 1;
      // Electron's order: before-quit first, then every window is asked to close.
      this.emit('before-quit');
    },
  });

const setup = (keepSyncing: { value: boolean }) => {
  const app = fakeApp();
  const opened: FakeBrowserWindow[] = [];
  const keeper = createWindowKeeper({
    app,
    keepSyncing: () => keepSyncing.value,
    openWindow: () => {
      const window = new FakeBrowserWindow({});
      window.shown = true;
      opened.push(window);
      return window;
    },
  });
  return { app, opened, keeper };
};

describe('desktop settings in userData', () => {
  it('is off by default, stores a change and reads it back at the next start', () => {
    const file = memoryFile();
    expect(createDesktopSettingsStore(file).get()).toEqual({ keepSyncingInBackground: false });
    createDesktopSettingsStore(file).save({ keepSyncingInBackground: true });
    expect(JSON.parse(file.current() ?? '')).toEqual({ keepSyncingInBackground: true });
    expect(createDesktopSettingsStore(file).get()).toEqual({ keepSyncingInBackground: true });
  });

  it('takes the default for a damaged or foreign file, never failing the start', () => {
    expect(createDesktopSettingsStore(memoryFile('{not json')).get()).toEqual(defaultDesktopSettings());
    expect(createDesktopSettingsStore(memoryFile('{"keepSyncingInBackground":"yes"}')).get()).toEqual(
      defaultDesktopSettings(),
    );
    const unreadable = {
      read: () => {
        throw new Error('EACCES');
      },
      write: () => undefined,
    };
    expect(createDesktopSettingsStore(unreadable).get()).toEqual(defaultDesktopSettings());
  });
});

describe('closing the window', () => {
  it('closes it as before when background sync is off', () => {
    const { keeper } = setup({ value: false });
    const { window } = keeper.show();
    expect(window.attemptClose()).toBe(true);
    expect(keeper.current()).toBeNull();
  });

  it('hides it, keeping the page alive, when background sync is on', () => {
    const { keeper, opened } = setup({ value: true });
    const { window } = keeper.show();
    expect(window.attemptClose()).toBe(false);
    expect(window.shown).toBe(false);
    expect(window.destroyed).toBe(false);
    expect(keeper.current()).toBe(window);

    // The tray's Open (or a click on a notification) shows the same window, not a new one.
    expect(keeper.show()).toEqual({ window, opened: false });
    expect(window.shown).toBe(true);
    expect(window.focused).toBe(true);
    expect(opened).toHaveLength(1);
  });

  it('reads the setting at each close: turning it off lets the next close close', () => {
    const keepSyncing = { value: true };
    const { keeper } = setup(keepSyncing);
    const { window } = keeper.show();
    expect(window.attemptClose()).toBe(false);
    keepSyncing.value = false;
    expect(window.attemptClose()).toBe(true);
  });

  it('quits for real from the tray even with background sync on', () => {
    const { keeper, app } = setup({ value: true });
    const { window } = keeper.show();
    keeper.quit();
    expect(app.quitCalls).toBe(1);
    expect(window.attemptClose()).toBe(true);
  });

  it('lets the OS quit (Cmd+Q, log-off) close the window: before-quit comes first', () => {
    const { keeper, app } = setup({ value: true });
    const { window } = keeper.show();
    app.emit('before-quit');
    expect(window.attemptClose()).toBe(true);
  });

  it('restores a minimised window and opens a new one when none is left', () => {
    const { keeper, opened } = setup({ value: false });
    const { window } = keeper.show();
    window.minimized = true;
    keeper.show();
    expect(window.minimized).toBe(false);
    window.attemptClose();
    const again = keeper.show();
    expect(again.opened).toBe(true);
    expect(opened).toHaveLength(2);
  });
});
