/** Everything a route handler may use, assembled once per server (server.ts). */
import type { Auth } from './auth';
import type { CostMeter } from './cost';
import type { CursorCodec } from './data/cursors';
import type { InvoiceRepository } from './data/invoiceRepository';
import type { ProfileName } from './data/profiles';
import type { Faults } from './faults';
import type { SimRequest, SimResponse } from './http/messages';
import type { Persistence } from './store/persistence';
import type { WritableStore } from './store/writableState';

export interface SimClock {
  /** the simulated instant (ms) */
  now(): number;
  advance(ms: number): void;
}

export interface SimulatorContext {
  readonly seed: number;
  readonly profile: ProfileName;
  readonly costCenterOption: boolean;
  readonly clock: SimClock;
  readonly repository: InvoiceRepository;
  readonly cursors: CursorCodec;
  readonly store: WritableStore;
  readonly auth: Auth;
  readonly faults: Faults;
  readonly persistence: Persistence;
  /** The server's own time and bytes per kind of request (cost.ts), read by the benchmark. */
  readonly cost: CostMeter;
}

export type Handler = (request: SimRequest, context: SimulatorContext) => SimResponse | Promise<SimResponse>;
