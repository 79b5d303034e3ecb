import type { ProgressInfo, UpdateCheckResult, UpdateDownloadedEvent, UpdateInfo } from 'electron-updater';
import { z } from 'zod';
import type { SettingsPort } from '../shared/connection/service';
import type { UpdateStatus } from '../shared/ipc/update';
import { checkFeedUrl, effectiveFeedUrl } from '../shared/update/feedUrl';
import {
  classifyUpdateError,
  initialUpdateModel,
  mayCheck,
  nextCheckDelay,
  reduceUpdate,
  shouldOfferRestart,
  updatesDisabledReason,
  type UpdateEvent,
  type UpdateModel,
} from '../shared/update/policy';

/** The events listened to, as electron-updater's AppUpdaterEvents types them. */
export interface UpdaterPortEvents {
  'update-available': (info: UpdateInfo) => void;
  'update-not-available': (info: UpdateInfo) => void;
  'download-progress': (progress: ProgressInfo) => void;
  'update-downloaded': (event: UpdateDownloadedEvent) => void;
  error: (error: Error, message?: string) => void;
}

/** The slice of electron-updater's AppUpdater driven here; its `autoUpdater` satisfies it, and so does the fake. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<UpdateCheckResult | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on<E extends keyof UpdaterPortEvents>(event: E, listener: UpdaterPortEvents[E]): unknown;
}

/** Time through a port, so tests move it by hand. */
export interface UpdateClock {
  now(): number;
  /** Runs `run` in `ms`; the answer cancels it. */
  schedule(run: () => void, ms: number): () => void;
}

export interface UpdaterDeps {
  /**
   * Called once, and only when a check is due: main loads electron-updater then (its module graph
   * costs a few hundred ms to evaluate, which a start without updates should not pay).
   */
  autoUpdater: () => Promise<UpdaterPort>;
  isPackaged: boolean;
  currentVersion: string;
  /** `INVOICE_DESK_UPDATE_URL` as the build fixed it; empty for none. */
  buildFeedUrl: string;
  /** `update-settings.json` in userData: the IT department's feed override. */
  settings: SettingsPort;
  clock: UpdateClock;
  /** Pushes a status to the page (whenever it changes). */
  send: (status: UpdateStatus) => void;
}

export interface Updater {
  /** Schedules the first background check. */
  start(): void;
  status(): UpdateStatus;
  /** The clerk's "Check now": its failure is shown. */
  checkNow(): Promise<UpdateStatus>;
  /** The page is (or is no longer) in the middle of an import, an export or an archive. */
  setBusy(busy: boolean): void;
  /** "Restart and update": installs a downloaded update while the clerk is not busy; false otherwise. */
  restart(): boolean;
  /** Saves the feed override (empty = the build's feed); null when the URL is refused. */
  saveFeedUrl(text: string): UpdateStatus | null;
  dispose(): void;
}

const StoredSettingsSchema = z.object({ feedUrl: z.string().nullable() });

const readOverride = (settings: SettingsPort): string | null => {
  let text: string | null;
  try {
    text = settings.read();
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const parsed = StoredSettingsSchema.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.feedUrl === null) return null;
    // A file edited by hand is held to the same rule as the form.
    const checked = checkFeedUrl(parsed.data.feedUrl);
    return checked.ok ? checked.url : null;
  } catch {
    return null;
  }
};

export const createUpdater = (deps: UpdaterDeps): Updater => {
  const startedAt = deps.clock.now();
  let override = readOverride(deps.settings);
  let feedUrl = effectiveFeedUrl(override, deps.buildFeedUrl);
  let model: UpdateModel = initialUpdateModel(
    updatesDisabledReason({ isPackaged: deps.isPackaged, feedUrl }),
  );
  let busy = false;
  let lastCheckAt: number | null = null;
  let cancelTimer: (() => void) | null = null;
  let disposed = false;
  let updater: UpdaterPort | null = null;
  let configuredUrl: string | null = null;

  const status = (): UpdateStatus => ({
    phase: model.phase,
    offerRestart: shouldOfferRestart(model, busy),
    currentVersion: deps.currentVersion,
    feedUrl,
    buildFeedUrl: effectiveFeedUrl(null, deps.buildFeedUrl),
    feedOverride: override,
  });

  const publish = () => {
    if (!disposed) deps.send(status());
  };

  const apply = (event: UpdateEvent) => {
    const next = reduceUpdate(model, event);
    if (next === model) return;
    model = next;
    publish();
  };

  /** The real updater, made on first use and pointed at the feed in use. */
  const ready = async (url: string): Promise<UpdaterPort> => {
    if (updater === null) {
      const made = await deps.autoUpdater();
      made.autoDownload = true;
      made.autoInstallOnAppQuit = true;
      made.on('update-available', (info) => apply({ type: 'available', version: info.version }));
      made.on('update-not-available', () => apply({ type: 'notAvailable' }));
      made.on('download-progress', (progress) => apply({ type: 'progress', percent: progress.percent }));
      made.on('update-downloaded', (info) => apply({ type: 'downloaded', version: info.version }));
      made.on('error', (error) => apply({ type: 'failed', code: classifyUpdateError(error) }));
      updater = made;
    }
    if (configuredUrl !== url) {
      updater.setFeedURL({ provider: 'generic', url });
      configuredUrl = url;
    }
    return updater;
  };

  const schedule = () => {
    cancelTimer?.();
    cancelTimer = null;
    if (disposed || model.phase.kind === 'disabled') return;
    const delay = nextCheckDelay({ now: deps.clock.now(), startedAt, lastCheckAt });
    cancelTimer = deps.clock.schedule(() => {
      cancelTimer = null;
      void check(false).finally(schedule);
    }, delay);
  };

  const check = async (manual: boolean): Promise<void> => {
    if (feedUrl === null || !mayCheck(model)) return;
    lastCheckAt = deps.clock.now();
    apply({ type: 'checkStarted', manual });
    try {
      const target = await ready(feedUrl);
      const result = await target.checkForUpdates();
      // Null only when electron-updater thinks the app unpackaged, which the policy has ruled out.
      if (result === null) {
        apply({ type: 'failed', code: 'failed' });
        return;
      }
      // The download runs on; its end arrives as 'update-downloaded' or 'error'.
      await result.downloadPromise;
    } catch (error) {
      // electron-updater emits 'error' as well; the reducer takes the first and ignores a repeat.
      apply({ type: 'failed', code: classifyUpdateError(error) });
    }
  };

  return {
    start: schedule,
    status,
    checkNow: () => {
      const running = check(true);
      // The page gets the status at once ("checking"); the rest arrives pushed.
      void running.finally(schedule);
      return Promise.resolve(status());
    },
    setBusy: (next) => {
      if (busy === next) return;
      const offered = shouldOfferRestart(model, busy);
      busy = next;
      if (shouldOfferRestart(model, busy) !== offered) publish();
    },
    restart: () => {
      // Never in the middle of an import, an export or an archive: quitting would cut it short.
      if (!shouldOfferRestart(model, busy) || updater === null) return false;
      // Not silent: the installer shows its progress; the app starts again when it is done.
      updater.quitAndInstall(false, true);
      return true;
    },
    saveFeedUrl: (text) => {
      const checked = checkFeedUrl(text);
      if (!checked.ok) return null;
      deps.settings.write(JSON.stringify({ feedUrl: checked.url }));
      override = checked.url;
      feedUrl = effectiveFeedUrl(override, deps.buildFeedUrl);
      const reason = updatesDisabledReason({ isPackaged: deps.isPackaged, feedUrl });
      // A new feed starts afresh (a downloaded update stays: it installs on quit whatever the feed).
      if (model.phase.kind !== 'downloaded') model = initialUpdateModel(reason);
      publish();
      schedule();
      return status();
    },
    dispose: () => {
      disposed = true;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
};

/** Updates off, as in development: for handler suites about other messages and hosts without a feed. */
export const disabledUpdater = (currentVersion: string): Updater => {
  const status = (): UpdateStatus => ({
    phase: { kind: 'disabled', reason: 'development' },
    offerRestart: false,
    currentVersion,
    feedUrl: null,
    buildFeedUrl: null,
    feedOverride: null,
  });
  return {
    start: () => undefined,
    status,
    checkNow: () => Promise.resolve(status()),
    setBusy: () => undefined,
    restart: () => false,
    saveFeedUrl: () => null,
    dispose: () => undefined,
  };
};
