/**
 * The whole simulator, test instruments included: the /__sim/ control routes (with `control: true`),
 * fault injection and the test time-stamping authority at POST /tsa (routes/tsa.ts says why the
 * embedded demo has none). What the CLI, the tests, the bench and the browser-mode tools start; the app
 * embeds embedded.ts instead.
 */
import { createFaults } from './faults';
import { API_ROUTES } from './router';
import { CONTROL_ROUTES } from './routes/control';
import { createTsaRoutes } from './routes/tsa';
import { createSimulatorServer } from './server';

export type { RunningSimulator, SimulatorOptions } from './server';

export const startSimulator = createSimulatorServer({
  api: [...API_ROUTES, ...createTsaRoutes()],
  instruments: { control: CONTROL_ROUTES, createFaults },
});
