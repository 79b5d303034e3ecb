import { describe, expect, it } from 'vitest';
import {
  classifyUpdateError,
  initialUpdateModel,
  mayCheck,
  nextCheckDelay,
  reduceUpdate,
  shouldOfferRestart,
  UPDATE_INTERVAL_MS,
  UPDATE_START_DELAY_MS,
  updatesDisabledReason,
  wholePercent,
  type UpdateEvent,
  type UpdateModel,
} from './policy';

const run = (model: UpdateModel, ...events: UpdateEvent[]): UpdateModel => events.reduce(reduceUpdate, model);
const idle = initialUpdateModel(null);

describe('updatesDisabledReason', () => {
  it('is off in development and without a feed, on otherwise', () => {
    expect(updatesDisabledReason({ isPackaged: false, feedUrl: 'https://u.example.ch/' })).toBe(
      'development',
    );
    expect(updatesDisabledReason({ isPackaged: false, feedUrl: null })).toBe('development');
    expect(updatesDisabledReason({ isPackaged: true, feedUrl: null })).toBe('noFeed');
    expect(updatesDisabledReason({ isPackaged: true, feedUrl: 'https://u.example.ch/' })).toBeNull();
  });

  it('keeps a disabled model disabled whatever happens', () => {
    const off = initialUpdateModel('noFeed');
    expect(off.phase).toEqual({ kind: 'disabled', reason: 'noFeed' });
    expect(run(off, { type: 'checkStarted', manual: true }, { type: 'available', version: '0.2.0' })).toBe(
      off,
    );
    expect(mayCheck(off)).toBe(false);
  });
});

describe('nextCheckDelay', () => {
  const startedAt = 1_000_000;
  it('waits the start delay before the first check', () => {
    expect(nextCheckDelay({ now: startedAt, startedAt, lastCheckAt: null })).toBe(UPDATE_START_DELAY_MS);
    expect(nextCheckDelay({ now: startedAt + 10_000, startedAt, lastCheckAt: null })).toBe(
      UPDATE_START_DELAY_MS - 10_000,
    );
  });
  it('then checks a day after the last check, at once when that is past', () => {
    const last = startedAt + 5_000;
    expect(nextCheckDelay({ now: last, startedAt, lastCheckAt: last })).toBe(UPDATE_INTERVAL_MS);
    expect(nextCheckDelay({ now: last + UPDATE_INTERVAL_MS - 1, startedAt, lastCheckAt: last })).toBe(1);
    // A machine that slept through the day checks on waking, never with a negative delay.
    expect(nextCheckDelay({ now: last + 3 * UPDATE_INTERVAL_MS, startedAt, lastCheckAt: last })).toBe(0);
  });
});

describe('reduceUpdate', () => {
  it('follows a check through download to ready', () => {
    const steps: UpdateEvent[] = [
      { type: 'checkStarted', manual: false },
      { type: 'available', version: '0.2.0' },
      { type: 'progress', percent: 12.7 },
      { type: 'progress', percent: 99.99 },
      { type: 'downloaded', version: '0.2.0' },
    ];
    const phases = steps.reduce<UpdateModel[]>(
      (seen, event) => [...seen, reduceUpdate(seen.at(-1) ?? idle, event)],
      [],
    );
    expect(phases.map((model) => model.phase)).toEqual([
      { kind: 'checking' },
      { kind: 'available', version: '0.2.0' },
      { kind: 'downloading', version: '0.2.0', percent: 12 },
      { kind: 'downloading', version: '0.2.0', percent: 99 },
      { kind: 'downloaded', version: '0.2.0' },
    ]);
  });

  it('says "up to date" when the feed has nothing newer', () => {
    expect(run(idle, { type: 'checkStarted', manual: true }, { type: 'notAvailable' }).phase).toEqual({
      kind: 'upToDate',
    });
  });

  it('ignores progress before it knows which version downloads', () => {
    const checking = run(idle, { type: 'checkStarted', manual: false });
    expect(reduceUpdate(checking, { type: 'progress', percent: 50 })).toBe(checking);
  });

  it('shows the failure of a check the clerk asked for', () => {
    expect(
      run(idle, { type: 'checkStarted', manual: true }, { type: 'failed', code: 'offline' }).phase,
    ).toEqual({ kind: 'error', code: 'offline' });
    expect(
      run(
        idle,
        { type: 'checkStarted', manual: true },
        { type: 'available', version: '0.2.0' },
        { type: 'progress', percent: 40 },
        { type: 'failed', code: 'checksum' },
      ).phase,
    ).toEqual({ kind: 'error', code: 'checksum' });
  });

  it('keeps a failed background check quiet: the screen shows what it showed before', () => {
    const upToDate = run(idle, { type: 'checkStarted', manual: true }, { type: 'notAvailable' });
    expect(
      run(upToDate, { type: 'checkStarted', manual: false }, { type: 'failed', code: 'offline' }).phase,
    ).toEqual({
      kind: 'upToDate',
    });
    // A download that fails half-way in the background does not leave a frozen percentage behind.
    expect(
      run(
        idle,
        { type: 'checkStarted', manual: false },
        { type: 'available', version: '0.2.0' },
        { type: 'progress', percent: 40 },
        { type: 'failed', code: 'checksum' },
      ).phase,
    ).toEqual({ kind: 'idle' });
  });

  it('forgets an old failure once a new check starts', () => {
    const failed = run(
      idle,
      { type: 'checkStarted', manual: true },
      { type: 'failed', code: 'feedUnreachable' },
    );
    expect(
      run(failed, { type: 'checkStarted', manual: false }, { type: 'failed', code: 'offline' }).phase,
    ).toEqual({
      kind: 'idle',
    });
  });

  it('keeps a downloaded update ready whatever a later event says', () => {
    const ready = run(
      idle,
      { type: 'checkStarted', manual: false },
      { type: 'downloaded', version: '0.2.0' },
    );
    for (const event of [
      { type: 'checkStarted', manual: true },
      { type: 'notAvailable' },
      { type: 'failed', code: 'offline' },
      { type: 'progress', percent: 3 },
      { type: 'available', version: '0.3.0' },
    ] satisfies UpdateEvent[]) {
      expect(reduceUpdate(ready, event)).toBe(ready);
    }
    expect(reduceUpdate(ready, { type: 'downloaded', version: '0.3.0' }).phase).toEqual({
      kind: 'downloaded',
      version: '0.3.0',
    });
  });
});

describe('mayCheck', () => {
  it('allows a check only when none runs and nothing waits for the restart', () => {
    expect(mayCheck(idle)).toBe(true);
    expect(mayCheck(run(idle, { type: 'checkStarted', manual: false }))).toBe(false);
    expect(mayCheck(run(idle, { type: 'checkStarted', manual: false }, { type: 'notAvailable' }))).toBe(true);
    expect(
      mayCheck(
        run(
          idle,
          { type: 'checkStarted', manual: false },
          { type: 'available', version: '1.0.0' },
          { type: 'progress', percent: 1 },
        ),
      ),
    ).toBe(false);
    expect(
      mayCheck(run(idle, { type: 'checkStarted', manual: false }, { type: 'downloaded', version: '1.0.0' })),
    ).toBe(false);
    expect(
      mayCheck(run(idle, { type: 'checkStarted', manual: true }, { type: 'failed', code: 'failed' })),
    ).toBe(true);
  });
});

describe('shouldOfferRestart', () => {
  const ready = run(idle, { type: 'checkStarted', manual: false }, { type: 'downloaded', version: '0.2.0' });
  it('offers a downloaded update only while the clerk is not busy', () => {
    expect(shouldOfferRestart(ready, false)).toBe(true);
    expect(shouldOfferRestart(ready, true)).toBe(false);
  });
  it('offers nothing before the download is complete', () => {
    expect(shouldOfferRestart(idle, false)).toBe(false);
    expect(
      shouldOfferRestart(
        run(idle, { type: 'checkStarted', manual: false }, { type: 'available', version: '1.0.0' }),
        false,
      ),
    ).toBe(false);
  });
});

describe('wholePercent', () => {
  it.each([
    [0, 0],
    [0.4, 0],
    [57.9, 57],
    [100, 100],
    [100.3, 100],
    [-1, 0],
    [Number.NaN, 0],
  ])('%s -> %s', (input, expected) => {
    expect(wholePercent(input)).toBe(expected);
  });
});

describe('classifyUpdateError', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    [coded('ERR_CHECKSUM_MISMATCH', 'sha512 checksum mismatch'), 'checksum'],
    [coded('ERR_UPDATER_NO_CHECKSUM'), 'checksum'],
    [coded('ERR_UPDATER_INVALID_SIGNATURE'), 'signature'],
    [coded('ENOSPC'), 'noSpace'],
    [coded('EACCES'), 'noPermission'],
    [coded('EPERM'), 'noPermission'],
    [coded('ENOTFOUND'), 'offline'],
    [coded('EAI_AGAIN'), 'offline'],
    [new Error('net::ERR_INTERNET_DISCONNECTED'), 'offline'],
    [new Error('net::ERR_NAME_NOT_RESOLVED'), 'offline'],
    [coded('ECONNREFUSED'), 'feedUnreachable'],
    [coded('ETIMEDOUT'), 'feedUnreachable'],
    [new Error('net::ERR_CONNECTION_REFUSED'), 'feedUnreachable'],
    [new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'feedUnreachable'],
    [coded('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'), 'feedUnreachable'],
    [Object.assign(new Error('HttpError: 503'), { statusCode: 503 }), 'feedUnreachable'],
    [coded('ERR_UPDATER_INVALID_UPDATE_INFO'), 'feedInvalid'],
    [coded('ERR_UPDATER_NO_FILES_PROVIDED'), 'feedInvalid'],
    [coded('ERR_UPDATER_INVALID_VERSION'), 'feedInvalid'],
    [new Error('something else'), 'failed'],
    ['a string', 'failed'],
    [null, 'failed'],
    [{ code: 42 }, 'failed'],
  ])('%s -> %s', (error, expected) => {
    expect(classifyUpdateError(error)).toBe(expected);
  });
});
