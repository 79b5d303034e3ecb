/**
 * Busy time per named step, summed over a run. The sync records it so that `npm run bench` can say
 * where a run's time goes (network, parsing, validation, storage, hashing). Steps of concurrent
 * requests overlap in wall time, so the sums can exceed the run's duration: each is the time spent
 * in that step, not a slice of a timeline.
 */
export interface StepClock<Step extends string> {
  add(step: Step, ms: number): void;
  /** Runs synchronous work and adds its duration to the step. */
  time<T>(step: Step, work: () => T): T;
  /** Awaits the work and adds the time until it settles to the step. */
  timeAsync<T>(step: Step, work: () => Promise<T>): Promise<T>;
  /** The sums so far, rounded to a tenth of a millisecond; steps never timed are absent. */
  snapshot(): Partial<Record<Step, number>>;
}

export const createStepClock = <Step extends string>(
  elapsed: () => number = () => performance.now(),
): StepClock<Step> => {
  const sums = new Map<Step, number>();
  const add = (step: Step, ms: number) => {
    sums.set(step, (sums.get(step) ?? 0) + ms);
  };
  return {
    add,
    time: (step, work) => {
      const started = elapsed();
      try {
        return work();
      } finally {
        add(step, elapsed() - started);
      }
    },
    timeAsync: async (step, work) => {
      const started = elapsed();
      try {
        return await work();
      } finally {
        add(step, elapsed() - started);
      }
    },
    snapshot: () => {
      const out: Partial<Record<Step, number>> = {};
      for (const [step, ms] of sums) out[step] = Math.round(ms * 10) / 10;
      return out;
    },
  };
};

/** Times nothing: the default where no one asked for step times. */
export const noStepClock = <Step extends string>(): StepClock<Step> => ({
  add: () => undefined,
  time: (_step, work) => work(),
  timeAsync: (_step, work) => work(),
  snapshot: () => ({}),
});
