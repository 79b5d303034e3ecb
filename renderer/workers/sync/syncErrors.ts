/** Maps a sync failure code to its message key under sync.errors. */
const keys = {
  'api.network': 'network',
  'api.unauthorized': 'unauthorized',
  'api.forbidden': 'forbidden',
  'api.invalidResponse': 'invalidResponse',
  'api.rateLimited': 'rateLimited',
  'api.unavailable': 'unavailable',
  'api.notFound': 'notFound',
  'api.redirect': 'redirect',
  'api.timeout': 'timeout',
  'api.tooLarge': 'tooLarge',
  'api.credentialsMissing': 'credentialsMissing',
  'sync.quota': 'quota',
  'sync.noProgress': 'noProgress',
  'sync.workerUnavailable': 'workerUnavailable',
} as const;

export type SyncErrorKey = (typeof keys)[keyof typeof keys] | 'other';

export const syncErrorKey = (code: string): SyncErrorKey =>
  code in keys ? keys[code as keyof typeof keys] : 'other';

/** IndexedDB reports a full disk as QuotaExceededError, wrapped by Dexie in `inner`. */
export const isQuotaError = (error: unknown): boolean => {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
    if (current.name === 'QuotaExceededError') return true;
    current = 'inner' in current ? current.inner : current.cause;
  }
  return false;
};
