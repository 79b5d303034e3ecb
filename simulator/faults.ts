/**
 * Fault injection for client tests: rate limits, outages, latency, connections reset mid-body or
 * dropped before any answer, bodies cut short, one-shot failures and schema-invalid items. Random
 * faults draw from the simulator's seed, so a test that replays the same requests sees the same
 * faults.
 */
import { z } from 'zod';
import { createRng, hash32 } from './data/prng';
import { NO_FAULT_CONFIG } from './noFaults';

export const FaultKindSchema = z.enum(['429', '503', 'reset', 'truncate', 'drop']);
export type FaultKind = z.infer<typeof FaultKindSchema>;

export const InvalidItemKindSchema = z.enum(['invoices', 'lines']);
export type InvalidItemKind = z.infer<typeof InvalidItemKindSchema>;

const rate = z.number().min(0).max(1);

/** Body of POST /__sim/faults; members left out keep their current value. */
export const FaultUpdateSchema = z.strictObject({
  rate429: rate.optional(),
  rate503: rate.optional(),
  retryAfterSeconds: z.int().min(0).max(3600).optional(),
  latencyMs: z.int().min(0).max(60_000).optional(),
  resetRate: rate.optional(),
  /** The connection is closed before any answer and the request is not handled: the operator unreachable. */
  dropRate: rate.optional(),
  truncateRate: rate.optional(),
  pathPrefix: z.string().startsWith('/').nullable().optional(),
  failNext: z
    .strictObject({
      kind: FaultKindSchema,
      count: z.int().min(0).max(10_000),
      pathPrefix: z.string().startsWith('/').nullable().optional(),
    })
    .nullable()
    .optional(),
  invalidItemNext: InvalidItemKindSchema.nullable().optional(),
});
export type FaultUpdate = z.infer<typeof FaultUpdateSchema>;

export interface FaultConfig {
  readonly rate429: number;
  readonly rate503: number;
  readonly retryAfterSeconds: number;
  readonly latencyMs: number;
  readonly resetRate: number;
  readonly dropRate: number;
  readonly truncateRate: number;
  readonly pathPrefix: string | null;
  readonly failNext: {
    readonly kind: FaultKind;
    readonly count: number;
    readonly pathPrefix: string | null;
  } | null;
  readonly invalidItemNext: InvalidItemKind | null;
}

export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault: FaultKind | null;
}

export interface Faults {
  config(): FaultConfig;
  update(change: FaultUpdate): FaultConfig;
  clear(): FaultConfig;
  /** what happens to the next request on this path (consumes one failNext) */
  decide(path: string): FaultDecision;
  /** true once when the next page of this kind should carry one invalid item */
  takeInvalidItem(kind: InvalidItemKind): boolean;
}

export const createFaults = (seed: number): Faults => {
  let config = NO_FAULT_CONFIG;
  const rng = createRng(hash32(seed, 0xfa17));

  return {
    config: () => config,
    update: (change) => {
      const failNext =
        change.failNext === undefined
          ? config.failNext
          : change.failNext === null || change.failNext.count === 0
            ? null
            : {
                kind: change.failNext.kind,
                count: change.failNext.count,
                pathPrefix: change.failNext.pathPrefix ?? null,
              };
      config = {
        rate429: change.rate429 ?? config.rate429,
        rate503: change.rate503 ?? config.rate503,
        retryAfterSeconds: change.retryAfterSeconds ?? config.retryAfterSeconds,
        latencyMs: change.latencyMs ?? config.latencyMs,
        resetRate: change.resetRate ?? config.resetRate,
        dropRate: change.dropRate ?? config.dropRate,
        truncateRate: change.truncateRate ?? config.truncateRate,
        pathPrefix: change.pathPrefix === undefined ? config.pathPrefix : change.pathPrefix,
        failNext,
        invalidItemNext:
          change.invalidItemNext === undefined ? config.invalidItemNext : change.invalidItemNext,
      };
      return config;
    },
    clear: () => {
      config = NO_FAULT_CONFIG;
      return config;
    },
    decide: (path) => {
      const pending = config.failNext;
      if (pending !== null && (pending.pathPrefix === null || path.startsWith(pending.pathPrefix))) {
        config = { ...config, failNext: pending.count > 1 ? { ...pending, count: pending.count - 1 } : null };
        return { latencyMs: config.latencyMs, fault: pending.kind };
      }
      if (config.pathPrefix !== null && !path.startsWith(config.pathPrefix))
        return { latencyMs: 0, fault: null };
      const draw = rng.next();
      const thresholds: readonly (readonly [FaultKind, number])[] = [
        ['429', config.rate429],
        ['503', config.rate503],
        ['reset', config.resetRate],
        ['drop', config.dropRate],
        ['truncate', config.truncateRate],
      ];
      let cumulative = 0;
      for (const [kind, probability] of thresholds) {
        cumulative += probability;
        if (draw < cumulative) return { latencyMs: config.latencyMs, fault: kind };
      }
      return { latencyMs: config.latencyMs, fault: null };
    },
    takeInvalidItem: (kind) => {
      if (config.invalidItemNext !== kind) return false;
      config = { ...config, invalidItemNext: null };
      return true;
    },
  };
};
