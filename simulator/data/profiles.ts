/**
 * Data-set sizes. 'demo' is what a clerk sees in the demo mode (about 20,000 lines over the
 * 18-month window); 'medium' about 100,000 lines (the quick benchmark); 'large' is a big shipper (over
 * a million lines), generated lazily.
 */
import type { ShippingHabit } from './customer';
import type { Rng } from './prng';

export type ProfileName = 'demo' | 'medium' | 'large';

export interface Profile {
  readonly debtors: number;
  readonly rrnsPerDebtor: readonly [number, number];
  readonly maxLicencesPerRrn: number;
  /** typical variable lines per monthly invoice of one RRN */
  readonly baseLines: (rng: Rng, habit: ShippingHabit) => number;
}

const HABIT_VOLUME: Record<ShippingHabit, number> = {
  correspondence: 0.8,
  'e-commerce': 1.6,
  marketing: 0.5,
  export: 0.7,
  publishing: 0.4,
  mixed: 1,
};

export const PROFILES: Record<ProfileName, Profile> = {
  demo: {
    debtors: 3,
    rrnsPerDebtor: [3, 4],
    maxLicencesPerRrn: 3,
    baseLines: (rng, habit) => Math.round(rng.int(60, 120) * HABIT_VOLUME[habit]),
  },
  medium: {
    debtors: 4,
    rrnsPerDebtor: [3, 5],
    maxLicencesPerRrn: 4,
    baseLines: (rng, habit) => Math.round(rng.int(250, 450) * HABIT_VOLUME[habit]),
  },
  large: {
    debtors: 8,
    rrnsPerDebtor: [4, 6],
    maxLicencesPerRrn: 6,
    // A heavy tail: a few RRNs carry tens of thousands of lines a month, as a big web shop's do.
    baseLines: (rng, habit) => {
      const heavy = rng.next() < 0.12;
      return Math.round((heavy ? rng.int(5_000, 10_000) : rng.int(400, 1_400)) * HABIT_VOLUME[habit]);
    },
  },
};
