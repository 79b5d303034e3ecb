// `npm run build:electron`: bundles the main process and the preload (options in electronBundles.ts).
import { build } from 'esbuild';
import { electronBundles } from './electronBundles';

await Promise.all([build(electronBundles.main), build(electronBundles.preload)]);
