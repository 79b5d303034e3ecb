// The esbuild options of the main process and the preload, shared by the build and by
// tests/unit/mainBundle.test.ts, which must inspect exactly the bundle that ships.
import type { BuildOptions } from 'esbuild';

// The preload is fully bundled so that the sandbox stays on.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'info',
} satisfies BuildOptions;

export const electronBundles = {
  main: {
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    // The update feed is fixed when a release is built (docs/UPDATES.md); Settings may override it.
    define: {
      'process.env.INVOICE_DESK_UPDATE_URL': JSON.stringify(process.env.INVOICE_DESK_UPDATE_URL ?? ''),
    },
  },
  preload: { ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' },
} satisfies Record<string, BuildOptions>;
