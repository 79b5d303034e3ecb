/**
 * When the desktop app looks for an update, when it offers the restart and what a failure shows.
 * Pure: main (electron/updater.ts) feeds it the updater's events, the clock and the page's busy
 * flag, and sends the resulting status to the page.
 */

/** The first check waits for the app to settle (windows, the first sync) before it uses the network. */
export const UPDATE_START_DELAY_MS = 60_000;
/** Then once a day, counted from the last check (a "check now" counts too). */
export const UPDATE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Every way an update can fail, closed; the page words each one (updates.errors.*). */
export const updateErrorCodes = [
  'offline',
  'feedUnreachable',
  'feedInvalid',
  'checksum',
  'signature',
  'noSpace',
  'noPermission',
  'failed',
] as const;
export type UpdateErrorCode = (typeof updateErrorCodes)[number];

export type UpdateDisabledReason = 'development' | 'noFeed';

/** What the page shows; main sends a new one on every change. */
export type UpdatePhase =
  | { readonly kind: 'disabled'; readonly reason: UpdateDisabledReason }
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'upToDate' }
  | { readonly kind: 'available'; readonly version: string }
  | { readonly kind: 'downloading'; readonly version: string; readonly percent: number }
  | { readonly kind: 'downloaded'; readonly version: string }
  | { readonly kind: 'error'; readonly code: UpdateErrorCode };

export interface UpdateModel {
  readonly phase: UpdatePhase;
  /** Whether the clerk asked for the check under way: only then is its failure shown. */
  readonly manual: boolean;
  /** What showed before the current check, so a background check that fails changes nothing on screen. */
  readonly settled: UpdatePhase;
}

export type UpdateEvent =
  | { readonly type: 'checkStarted'; readonly manual: boolean }
  | { readonly type: 'available'; readonly version: string }
  | { readonly type: 'notAvailable' }
  | { readonly type: 'progress'; readonly percent: number }
  | { readonly type: 'downloaded'; readonly version: string }
  | { readonly type: 'failed'; readonly code: UpdateErrorCode };

export const initialUpdateModel = (disabled: UpdateDisabledReason | null): UpdateModel => {
  const phase: UpdatePhase = disabled === null ? { kind: 'idle' } : { kind: 'disabled', reason: disabled };
  return { phase, manual: false, settled: phase };
};

/** Whether updates run at all: never unpackaged (development), never without a feed. */
export const updatesDisabledReason = (input: {
  readonly isPackaged: boolean;
  readonly feedUrl: string | null;
}): UpdateDisabledReason | null => {
  if (!input.isPackaged) return 'development';
  if (input.feedUrl === null) return 'noFeed';
  return null;
};

/** A whole percent within 0..100; electron-updater reports fractions and, on retries, may overshoot. */
export const wholePercent = (percent: number): number =>
  Number.isFinite(percent) ? Math.min(100, Math.max(0, Math.floor(percent))) : 0;

const versionOf = (phase: UpdatePhase): string | null =>
  phase.kind === 'available' || phase.kind === 'downloading' || phase.kind === 'downloaded'
    ? phase.version
    : null;

export const reduceUpdate = (model: UpdateModel, event: UpdateEvent): UpdateModel => {
  if (model.phase.kind === 'disabled') return model;
  // A downloaded update stays ready (it installs on quit) whatever a later check says.
  if (model.phase.kind === 'downloaded' && event.type !== 'downloaded') return model;
  const show = (phase: UpdatePhase): UpdateModel => ({ ...model, phase });
  switch (event.type) {
    case 'checkStarted': {
      const before = model.phase.kind === 'checking' ? model.settled : model.phase;
      // An old failure is not what the screen falls back to: that check is over.
      return {
        phase: { kind: 'checking' },
        manual: event.manual,
        settled: before.kind === 'error' ? { kind: 'idle' } : before,
      };
    }
    case 'available':
      return show({ kind: 'available', version: event.version });
    case 'notAvailable':
      return show({ kind: 'upToDate' });
    case 'progress': {
      const version = versionOf(model.phase);
      // Progress without a known version cannot be shown against anything.
      if (version === null) return model;
      return show({ kind: 'downloading', version, percent: wholePercent(event.percent) });
    }
    case 'downloaded':
      return show({ kind: 'downloaded', version: event.version });
    case 'failed':
      // A background check that fails is quiet: the screen goes back to what it showed before the
      // check, and the next check retries.
      if (!model.manual) return show(model.settled);
      return show({ kind: 'error', code: event.code });
  }
};

/** When the next background check is due, in ms from now: a short delay after start, then daily. */
export const nextCheckDelay = (input: {
  readonly now: number;
  readonly startedAt: number;
  readonly lastCheckAt: number | null;
}): number => {
  const due =
    input.lastCheckAt === null
      ? input.startedAt + UPDATE_START_DELAY_MS
      : input.lastCheckAt + UPDATE_INTERVAL_MS;
  return Math.max(0, due - input.now);
};

/** Whether a check may start: not while one runs, and never once an update waits for the restart. */
export const mayCheck = (model: UpdateModel): boolean =>
  model.phase.kind !== 'disabled' &&
  model.phase.kind !== 'checking' &&
  model.phase.kind !== 'downloading' &&
  model.phase.kind !== 'downloaded';

/**
 * The restart is offered only for a downloaded update and only while the clerk is not in the middle
 * of an import, an export or an archive; otherwise it waits and is offered once that work ends.
 */
export const shouldOfferRestart = (model: UpdateModel, busy: boolean): boolean =>
  model.phase.kind === 'downloaded' && !busy;

/**
 * Maps what electron-updater (builder-util-runtime, node, Chromium's net) rejects with to the closed
 * set. It reads only `code`, `statusCode` and the message, so any value is safe to pass.
 */
export const classifyUpdateError = (error: unknown): UpdateErrorCode => {
  if (typeof error !== 'object' || error === null) return 'failed';
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const statusCode = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : null;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  switch (code) {
    case 'ERR_CHECKSUM_MISMATCH':
    case 'ERR_UPDATER_NO_CHECKSUM':
      return 'checksum';
    case 'ERR_UPDATER_INVALID_SIGNATURE':
      return 'signature';
    case 'ENOSPC':
      return 'noSpace';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'noPermission';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return 'offline';
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND':
    case 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND':
      return 'feedUnreachable';
    case 'ERR_UPDATER_INVALID_UPDATE_INFO':
    case 'ERR_UPDATER_NO_FILES_PROVIDED':
    case 'ERR_UPDATER_INVALID_VERSION':
    case 'ERR_UPDATER_ASSET_NOT_FOUND':
    case 'ERR_UPDATER_INVALID_RELEASE_FEED':
    case 'ERR_UPDATER_INVALID_PROVIDER_CONFIGURATION':
      return 'feedInvalid';
  }
  // Chromium's net module names its failures in the message only.
  if (
    /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NETWORK_CHANGED|NAME_RESOLUTION_FAILED)/.test(message)
  )
    return 'offline';
  if (/net::ERR_(CONNECTION_|TIMED_OUT|ADDRESS_UNREACHABLE|SSL_|CERT_)/.test(message))
    return 'feedUnreachable';
  if (statusCode !== null) return 'feedUnreachable';
  return 'failed';
};
