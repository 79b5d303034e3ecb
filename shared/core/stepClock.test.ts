import { describe, expect, it } from 'vitest';
import { createStepClock, noStepClock } from './stepClock';

describe('step clock', () => {
  it('sums each step’s time, synchronous and awaited, and keeps it when the work throws', async () => {
    let now = 0;
    const clock = createStepClock<'parse' | 'store'>(() => now);
    expect(
      clock.time('parse', () => {
        now += 2.5;
        return 'parsed';
      }),
    ).toBe('parsed');
    await clock.timeAsync('store', async () => {
      now += 10;
      await Promise.resolve();
    });
    expect(() =>
      clock.time('parse', () => {
        now += 1.25;
        throw new Error('bad page');
      }),
    ).toThrow('bad page');
    clock.add('store', 0.04);
    expect(clock.snapshot()).toEqual({ parse: 3.8, store: 10 });
  });

  it('the idle clock runs the work and records nothing', async () => {
    const clock = noStepClock<'parse'>();
    expect(clock.time('parse', () => 1)).toBe(1);
    expect(await clock.timeAsync('parse', () => Promise.resolve(2))).toBe(2);
    expect(clock.snapshot()).toEqual({});
  });
});
