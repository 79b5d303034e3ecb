import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Disposable } from '../../shared/core/disposable';
import { customerFixture } from '../../shared/testing/customerFixture';
import { watchTables, type Clock } from './coalescedQuery';
import { InvoiceDeskDatabase } from './database';

/** A clock the test moves by hand, with the timers it holds. */
const manualClock = () => {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextId = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle) => {
      if (typeof handle === 'number') timers.delete(handle);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.at > now) continue;
      timers.delete(id);
      timer.run();
    }
  };
  return { clock, advance, pending: () => timers.size };
};

const open: Array<Disposable & { close?: () => void }> = [];
afterEach(() => {
  for (const item of open.splice(0)) item.dispose();
});

const setup = async () => {
  const db = new InvoiceDeskDatabase(`coalesce-${Math.random()}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  // Opening writes the archive's first rows: the app watches only an open archive.
  await db.open();
  const time = manualClock();
  let calls = 0;
  open.push(
    watchTables(
      db,
      ['singletons'],
      () => {
        calls += 1;
      },
      1_000,
      time.clock,
    ),
  );
  const write = (n: number) =>
    db.singletons.put({ key: 'customer', value: customerFixture({ name: `Customer ${n}` }), etag: null });
  return { db, time, write, calls: () => calls };
};

describe('coalesced reads of the archive', () => {
  it('answers the first write at once and a burst of writes once more, after the interval', async () => {
    const { time, write, calls } = await setup();
    await write(1);
    expect(calls()).toBe(1);
    // A sync committing block after block: each commit is a change, none is answered alone.
    for (let n = 2; n <= 20; n += 1) {
      await write(n);
      time.advance(40);
    }
    expect(calls()).toBe(1);
    time.advance(1_000);
    expect(calls()).toBe(2);
    expect(time.pending()).toBe(0);
  });

  it('answers a write after a quiet spell at once', async () => {
    const { time, write, calls } = await setup();
    await write(1);
    time.advance(5_000);
    await write(2);
    expect(calls()).toBe(2);
  });

  it('ignores writes to tables it does not watch, and stops when disposed', async () => {
    const { db, time, write, calls } = await setup();
    await db.services.put({
      code: 'PP-PRI',
      names: { de: 'A-Post', fr: 'Courrier A', it: 'Posta A', en: 'A Mail' },
      category: 'letters',
      unit: 'piece',
    });
    expect(calls()).toBe(0);
    await write(1);
    await write(2);
    open.splice(0).forEach((item) => item.dispose());
    time.advance(5_000);
    expect(calls()).toBe(1);
  });
});
