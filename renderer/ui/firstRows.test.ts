import { describe, expect, it } from 'vitest';
import { createFirstRows } from './firstRows';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('first rows', () => {
  it('holds deferred work until a table shows rows', async () => {
    const timers: Array<() => void> = [];
    const signal = createFirstRows((run) => timers.push(run));
    const waiting = signal.after(1000);
    expect(await settled(waiting)).toBe(false);
    signal.mark();
    expect(await settled(waiting)).toBe(true);
    // Asked after the rows came: at once.
    expect(await settled(signal.after(1000))).toBe(true);
  });

  it('lets it go after the fallback when no rows come', async () => {
    const timers: Array<() => void> = [];
    const signal = createFirstRows((run) => timers.push(run));
    const waiting = signal.after(1000);
    expect(await settled(waiting)).toBe(false);
    for (const run of timers) run();
    expect(await settled(waiting)).toBe(true);
  });
});
