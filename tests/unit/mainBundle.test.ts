import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { electronBundles } from '../../scripts/electronBundles';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The bundle that ships, built with the build's own options, kept in memory: its metafile lists
// every source file that went in, relative to the project root.
const mainBundleInputs = async (): Promise<readonly string[]> => {
  const result = await build({
    ...electronBundles.main,
    absWorkingDir: root,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
};

describe('the main bundle', () => {
  it('embeds the simulator without its control routes and fault injection', async () => {
    const inputs = await mainBundleInputs();
    expect(inputs).toContain('electron/main.ts');
    expect(inputs).toContain('simulator/embedded.ts');
    expect(inputs).not.toContain('simulator/faults.ts');
    expect(inputs).not.toContain('simulator/routes/control.ts');
    expect(inputs).not.toContain('simulator/standalone.ts');
    expect(inputs.filter((input) => /\.test\.tsx?$|(^|\/)testing\//.test(input))).toEqual([]);
  });

  it('carries time-stamp queries without pkijs and without the simulator’s test TSA', async () => {
    const inputs = await mainBundleInputs();
    expect(inputs).toContain('electron/timestamp.ts');
    expect(inputs).not.toContain('simulator/routes/tsa.ts');
    expect(inputs.filter((input) => /node_modules\/(pkijs|asn1js)\//.test(input))).toEqual([]);
  });
});
