import { defineConfig, mergeConfig } from 'vite';
import app from '../vite.config';

/**
 * The benchmark build: the app itself plus a bench page on the same origin (so both see the same
 * IndexedDB), served cross-origin isolated so performance.measureUserAgentSpecificMemory() counts
 * the page and its workers.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default mergeConfig(
  app,
  defineConfig({
    root: '.',
    build: {
      outDir: 'dist-bench',
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: { input: { app: 'renderer/index.html', bench: 'bench/page/index.html' } },
    },
    preview: { headers: isolation },
  }),
);
