/**
 * The simulator as the app's demo back end: the contract's routes only. No /__sim/ control routes
 * and no fault injection, so that the Electron main bundle carries neither (proved by
 * tests/unit/mainBundle.test.ts).
 */
import { API_ROUTES } from './router';
import { createSimulatorServer, type SimulatorOptions, type StartSimulator } from './server';

export type { RunningSimulator } from './server';

/** There are no control routes to enable. */
export type EmbeddedSimulatorOptions = Omit<SimulatorOptions, 'control'>;

export const startEmbeddedSimulator: StartSimulator<EmbeddedSimulatorOptions> = createSimulatorServer({
  api: API_ROUTES,
});
