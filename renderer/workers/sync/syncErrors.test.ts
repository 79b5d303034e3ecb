import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError, syncErrorKey } from './syncErrors';

describe('sync errors', () => {
  it('recognises a full disk however IndexedDB and Dexie wrap it', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota))).toBe(true);
    expect(isQuotaError(new Error('outer', { cause: quota }))).toBe(true);
    expect(isQuotaError(new Error('something else'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('maps failure codes to message keys', () => {
    expect(syncErrorKey('api.network')).toBe('network');
    expect(syncErrorKey('sync.quota')).toBe('quota');
    // The transport's bounds each have their own translated reason, never the raw message.
    expect(syncErrorKey('api.redirect')).toBe('redirect');
    expect(syncErrorKey('api.timeout')).toBe('timeout');
    expect(syncErrorKey('api.tooLarge')).toBe('tooLarge');
    expect(syncErrorKey('api.somethingNew')).toBe('other');
  });
});
