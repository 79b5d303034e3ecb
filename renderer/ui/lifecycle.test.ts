import { describe, expect, it } from 'vitest';
import { DisposableStore, toDisposable } from './lifecycle';

describe('DisposableStore', () => {
  it('disposes everything once, the last added first, and at once what comes after', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('first')));
    store.add(toDisposable(() => order.push('second')));
    store.dispose();
    store.dispose();
    expect(order).toEqual(['second', 'first']);
    store.add(toDisposable(() => order.push('late')));
    expect(order).toEqual(['second', 'first', 'late']);
    expect(store.isDisposed).toBe(true);
  });

  it('disposes the rest when one disposal throws, then reports it', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('kept')));
    store.add(
      toDisposable(() => {
        throw new Error('boom');
      }),
    );
    expect(() => store.dispose()).toThrow(AggregateError);
    expect(order).toEqual(['kept']);
  });
});
