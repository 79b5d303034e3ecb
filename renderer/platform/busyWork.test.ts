import { describe, expect, it } from 'vitest';
import { beginBusyWork, isBusyWorking, subscribeBusyWork } from './busyWork';

describe('busyWork', () => {
  it('is busy while any work runs and tells each change once', () => {
    const heard: boolean[] = [];
    const stop = subscribeBusyWork((busy) => heard.push(busy));
    expect(isBusyWorking()).toBe(false);
    const endExport = beginBusyWork();
    const endImport = beginBusyWork();
    expect(isBusyWorking()).toBe(true);
    endExport();
    endExport();
    expect(isBusyWorking()).toBe(true);
    endImport();
    expect(isBusyWorking()).toBe(false);
    expect(heard).toEqual([true, false]);
    stop();
    beginBusyWork()();
    expect(heard).toEqual([true, false]);
  });
});
