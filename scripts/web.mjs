// `npm run web`: the same UI in a plain browser, with the browser platform implementation.
// Starts Vite's dev server and prints the address to open.
import { createServer } from 'vite';

const port = Number(process.env.PORT ?? 5173);
const server = await createServer({ configFile: 'vite.config.ts', server: { port, host: '127.0.0.1', strictPort: false } });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Invoice Desk (browser mode) at ${url}`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
