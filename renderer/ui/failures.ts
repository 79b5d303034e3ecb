import { PlatformError, type PlatformErrorCode } from '../platform/Platform';
import { ApiError } from '../../shared/api/errors';
import { isQuotaError, syncErrorKey, type SyncErrorKey } from '../workers/sync/syncErrors';

/**
 * Why an action failed, as an i18n key: the closed set of codes the UI knows, and one generic key
 * for everything else. Raw error messages never reach the screen; they go to "Copy details".
 */
export type FailureKey =
  | 'ipc.forbiddenSender'
  | 'ipc.invalidPayload'
  | 'ipc.failed'
  | 'ipc.notAllowed'
  | 'connection.secretRequired'
  | 'files.refused'
  | 'files.tooLarge'
  | 'files.unreadable'
  | 'archive.keyUnavailable'
  | 'updates.failures.badFeedUrl'
  | 'updates.failures.notReady'
  | 'problems.action.quota'
  | 'problems.action.expired'
  | 'problems.action.unexpected'
  | `sync.errors.${Exclude<SyncErrorKey, 'other'>}`;

const platformKeys = {
  'ipc.forbiddenSender': 'ipc.forbiddenSender',
  'ipc.invalidPayload': 'ipc.invalidPayload',
  'ipc.failed': 'ipc.failed',
  'ipc.notAllowed': 'ipc.notAllowed',
  'connection.secretRequired': 'connection.secretRequired',
  'files.refused': 'files.refused',
  'files.tooLarge': 'files.tooLarge',
  'files.unreadable': 'files.unreadable',
  'archive.keyUnavailable': 'archive.keyUnavailable',
  'update.badFeedUrl': 'updates.failures.badFeedUrl',
  'update.notReady': 'updates.failures.notReady',
} as const satisfies Record<PlatformErrorCode, FailureKey>;

/** A typed failure the line-index worker reports (see workers/lineIndex/protocol.ts). */
export class LineIndexError extends Error {
  override readonly name = 'LineIndexError';
  constructor(
    readonly code: 'expired' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

export interface Failure {
  key: FailureKey;
  /** False for the generic key: the UI then offers "Copy details". */
  known: boolean;
}

export const failureOf = (error: unknown): Failure => {
  if (error instanceof PlatformError) return { key: platformKeys[error.code], known: true };
  if (isQuotaError(error)) return { key: 'problems.action.quota', known: true };
  if (error instanceof ApiError) {
    // An action that talked to the operator (opening an archive, testing a connection) fails for
    // the same reasons a sync does, in the same words; never as its code ("api.unauthorized").
    const key = syncErrorKey(error.code);
    if (key !== 'other') return { key: `sync.errors.${key}`, known: true };
  }
  if (error instanceof LineIndexError && error.code === 'expired')
    return { key: 'problems.action.expired', known: true };
  return { key: 'problems.action.unexpected', known: false };
};
