import type { UpdateErrorCode, UpdatePhase } from '../../../shared/update/policy';

const ERROR_KEYS = {
  offline: 'updates.errors.offline',
  feedUnreachable: 'updates.errors.feedUnreachable',
  feedInvalid: 'updates.errors.feedInvalid',
  checksum: 'updates.errors.checksum',
  signature: 'updates.errors.signature',
  noSpace: 'updates.errors.noSpace',
  noPermission: 'updates.errors.noPermission',
  failed: 'updates.errors.failed',
} as const satisfies Record<UpdateErrorCode, string>;

const DISABLED_KEYS = {
  development: 'updates.disabled.development',
  noFeed: 'updates.disabled.noFeed',
} as const;

type UpdateKey =
  | (typeof ERROR_KEYS)[UpdateErrorCode]
  | (typeof DISABLED_KEYS)[keyof typeof DISABLED_KEYS]
  | `updates.phases.${'idle' | 'checking' | 'upToDate' | 'available' | 'downloading' | 'downloaded'}`;

/** What the Settings section says about a phase: the i18n key, its values and its tone. */
export interface UpdateLine {
  readonly key: UpdateKey;
  readonly version?: string;
  /** 0..100, formatted by the page in the clerk's language. */
  readonly percent?: number;
  readonly tone: 'hint' | 'ok' | 'error';
}

export const describeUpdate = (phase: UpdatePhase): UpdateLine => {
  switch (phase.kind) {
    case 'disabled':
      return { key: DISABLED_KEYS[phase.reason], tone: 'hint' };
    case 'idle':
      return { key: 'updates.phases.idle', tone: 'hint' };
    case 'checking':
      return { key: 'updates.phases.checking', tone: 'hint' };
    case 'upToDate':
      return { key: 'updates.phases.upToDate', tone: 'ok' };
    case 'available':
      return { key: 'updates.phases.available', version: phase.version, tone: 'hint' };
    case 'downloading':
      return {
        key: 'updates.phases.downloading',
        version: phase.version,
        percent: phase.percent,
        tone: 'hint',
      };
    case 'downloaded':
      return { key: 'updates.phases.downloaded', version: phase.version, tone: 'ok' };
    case 'error':
      return { key: ERROR_KEYS[phase.code], tone: 'error' };
  }
};

/** Whether "Check now" may run: not while a check or download runs, nor once an update waits. */
export const canCheckNow = (phase: UpdatePhase): boolean =>
  phase.kind !== 'disabled' &&
  phase.kind !== 'checking' &&
  phase.kind !== 'downloading' &&
  phase.kind !== 'downloaded';
