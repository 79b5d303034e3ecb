import { EventEmitter } from 'node:events';
import type { UpdateCheckResult } from 'electron-updater';
import type { UpdateClock, UpdaterPort } from '../updater';

/**
 * electron-updater's autoUpdater as electron/updater.ts drives it: records what it was told and
 * lets the test emit the events the real one would. `checkForUpdates` answers `nextCheck`.
 */
export class FakeAutoUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feeds: unknown[] = [];
  checks = 0;
  installs: { isSilent: boolean | undefined; isForceRunAfter: boolean | undefined }[] = [];
  nextCheck: () => Promise<UpdateCheckResult | null> = () => Promise.resolve(null);

  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<UpdateCheckResult | null> {
    this.checks += 1;
    return this.nextCheck();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push({ isSilent, isForceRunAfter });
  }
}

/** A clock that moves only when the test says so; timers fire in order of their due time. */
export const createManualClock = (start = 1_700_000_000_000) => {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { due: number; run: () => void }>();
  const clock: UpdateClock = {
    now: () => now,
    schedule: (run, ms) => {
      const id = nextId++;
      timers.set(id, { due: now + ms, run });
      return () => {
        timers.delete(id);
      };
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = [...timers.entries()].sort((a, b) => a[1].due - b[1].due)[0];
      if (next === undefined || next[1].due > until) break;
      timers.delete(next[0]);
      now = next[1].due;
      next[1].run();
    }
    now = until;
  };
  return { clock, advance, pending: () => [...timers.values()].map((timer) => timer.due - now) };
};

/** What electron-updater's checkForUpdates resolves to; a download promise when an update was found. */
export const checkResult = (version: string, downloadPromise?: Promise<string[]>): UpdateCheckResult => {
  const info = { version, files: [], path: '', sha512: '', releaseDate: '2026-11-30T00:00:00.000Z' };
  // electron-updater still fills the deprecated `versionInfo`, and its type still requires it.
  const base = { isUpdateAvailable: false, versionInfo: info, updateInfo: info };
  return downloadPromise === undefined ? base : { ...base, isUpdateAvailable: true, downloadPromise };
};
