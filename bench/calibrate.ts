import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { median } from './stats';

/**
 * A fixed CPU workload in Node, timed before the bench starts: the same code on the same data in
 * every run, so a difference says how fast the machine was that day, not how fast the app is.
 * Two runs of `npm run bench` compare only when their calibrations are alike (a shared machine's
 * speed has been seen to vary by more than two times between sessions).
 */
export interface Calibration {
  /** Median of the runs, milliseconds. */
  medianMs: number;
  runs: number[];
  /** The 1-minute load average when it began. */
  loadAverage: number;
}

const workload = (): void => {
  const items = Array.from({ length: 100_000 }, (_, at) => ({
    id: `line-${at}`,
    quantity: at % 97,
    amount: ((at * 7919) % 1_000_000).toString(),
  }));
  const text = JSON.stringify(items);
  const parsed = JSON.parse(text) as typeof items;
  const hash = createHash('sha256');
  for (let round = 0; round < 8; round += 1) hash.update(text);
  if (parsed.length !== items.length || hash.digest('hex').length !== 64) throw new Error('calibration');
};

export const calibrate = (runs = 5): Calibration => {
  const loadAverage = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  workload();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    workload();
    times.push(Math.round((performance.now() - started) * 10) / 10);
  }
  return { medianMs: median(times), runs: times, loadAverage };
};
