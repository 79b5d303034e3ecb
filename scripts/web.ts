// `npm run web`: the same UI in a plain browser (the browser platform), with the simulator as its
// demo back end on http://127.0.0.1:8787, the address the browser build's demo mode uses.
import { createServer } from 'vite';
import { startSimulator } from '../simulator/server';

const port = Number(process.env.PORT ?? 5173);
const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 8787);

const simulator = await startSimulator({
  port: simulatorPort,
  profile: process.env.SIMULATOR_PROFILE === 'large' ? 'large' : 'demo',
});
const server = await createServer({
  configFile: 'vite.config.ts',
  server: { port, host: '127.0.0.1', strictPort: false },
  define: { 'import.meta.env.VITE_DEMO_API_URL': JSON.stringify(simulator.url) },
});
await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Demo back end (simulator) at ${simulator.url}`);
console.log(`Invoice Desk (browser mode) at ${url}`);

const stop = async () => {
  await server.close();
  await simulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
