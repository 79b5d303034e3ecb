// `npm run web`: the same UI in a plain browser (the browser platform), with the simulator as its
// demo back end on http://127.0.0.1:8787 (SIMULATOR_PORT), whose address the page reads at start
// from web-config.json. The renderer is built first and served under the app's CSP (see
// scripts/webServer.ts).
import { startEmbeddedSimulator } from '../simulator/embedded';
import { buildRenderer, startWebServer } from './webServer';

const port = Number(process.env.PORT ?? 5173);
const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 8787);
// Where the renderer is built and served from; default dist/renderer.
const outDir = process.env.WEB_OUT_DIR;

const simulator = await startEmbeddedSimulator({
  port: simulatorPort,
  profile: process.env.SIMULATOR_PROFILE === 'large' ? 'large' : 'demo',
});
await buildRenderer(outDir === undefined ? {} : { outDir });
// The simulator's address reaches the page at run time (web-config.json), not through the build.
const server = await startWebServer({
  port,
  demoApiUrl: simulator.url,
  ...(outDir === undefined ? {} : { outDir }),
});
console.log(`Demo back end (simulator) at ${simulator.url}`);
console.log(`Invoice Desk (browser mode) at ${server.url}`);

const stop = async () => {
  await server.close();
  await simulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
