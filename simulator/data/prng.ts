/**
 * Deterministic randomness. Every generated value is derived from the simulator seed and the
 * identity of what is generated (an invoice, a line), never from a shared stream, so any invoice or
 * line can be produced on its own, in any order, with the same result.
 */

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max], both inclusive */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** A 32-bit hash of a tuple of integers (murmur3 finaliser over a running mix). */
export const hash32 = (...parts: readonly number[]): number => {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h = (h << 13) | (h >>> 19);
    h = Math.imul(h, 5) + 0xe6546b64;
    // Values beyond 32 bits (timestamps) contribute their high part too.
    h ^= Math.floor(part / 0x1_0000_0000) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** A 32-bit hash of a string, for mixing identifiers into seeds. */
export const hashString = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return hash32(h >>> 0);
};

/**
 * mulberry32: tiny, fast and good enough for test data. A class rather than a closure because one
 * is created per generated line (millions in the large profile) and closures cost more to create.
 */
class Mulberry32 implements Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

export const createRng = (seed: number): Rng => new Mulberry32(seed);

/** Cumulative weights for O(log n) weighted picks. */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export const weightedTable = <T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> => {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return { items: entries.map(([item]) => item), cumulative, total };
};

export const pickWeighted = <T>(table: WeightedTable<T>, uniform: number): T => {
  const target = uniform * table.total;
  let low = 0;
  let high = table.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((table.cumulative[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  const item = table.items[low];
  if (item === undefined) throw new Error('pick from an empty table');
  return item;
};
