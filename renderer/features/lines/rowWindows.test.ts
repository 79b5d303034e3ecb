import { describe, expect, it } from 'vitest';
import { createRowWindows, ROW_WINDOW } from './rowWindows';

/** A worker stand-in: every request waits until the test answers it. */
const fakeWorker = () => {
  const requests: Array<{ start: number; answer: () => void; fail: () => void }> = [];
  const fetchRows = (start: number, count: number) =>
    new Promise<number[]>((resolve, reject) => {
      requests.push({
        start,
        answer: () => resolve(Array.from({ length: count }, (_, offset) => start + offset)),
        fail: () => reject(new Error('expired')),
      });
    });
  return { requests, fetchRows };
};

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createRowWindows', () => {
  it('asks for the first window as soon as the result exists, before the table asks', () => {
    const worker = fakeWorker();
    createRowWindows(
      worker.fetchRows,
      () => undefined,
      () => undefined,
    );
    expect(worker.requests.map((request) => request.start)).toEqual([0]);
  });

  it('asks for each window once and hands out its rows when they arrive', async () => {
    const worker = fakeWorker();
    let arrivals = 0;
    const windows = createRowWindows(
      worker.fetchRows,
      () => (arrivals += 1),
      () => undefined,
    );
    windows.show(0, 40);
    windows.show(150, ROW_WINDOW + 10);
    expect(worker.requests.map((request) => request.start)).toEqual([0, ROW_WINDOW]);
    expect(windows.get(5)).toBeUndefined();
    for (const request of worker.requests) request.answer();
    await settled();
    expect(arrivals).toBe(2);
    expect(windows.get(5)).toBe(5);
    expect(windows.get(ROW_WINDOW + 3)).toBe(ROW_WINDOW + 3);
  });

  it('asks again for a window whose request failed, once it is shown again', async () => {
    const worker = fakeWorker();
    const failures: unknown[] = [];
    const windows = createRowWindows(
      worker.fetchRows,
      () => undefined,
      (error) => failures.push(error),
    );
    worker.requests[0]?.fail();
    await settled();
    expect(failures).toHaveLength(1);
    windows.show(0, 30);
    expect(worker.requests.map((request) => request.start)).toEqual([0, 0]);
  });
});
