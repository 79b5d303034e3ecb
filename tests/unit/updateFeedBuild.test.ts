import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The update feed is fixed at build time from INVOICE_DESK_UPDATE_URL (docs/UPDATES.md): esbuild
// replaces the expression main reads, and electron-builder's publish block reads the same variable.
describe('the build-time update feed', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is put into the main bundle from INVOICE_DESK_UPDATE_URL, empty when unset', async () => {
    vi.stubEnv('INVOICE_DESK_UPDATE_URL', 'https://updates.example.ch/invoice-desk/');
    const withFeed = (await import('../../scripts/electronBundles')).electronBundles.main.define;
    expect(withFeed['process.env.INVOICE_DESK_UPDATE_URL']).toBe(
      '"https://updates.example.ch/invoice-desk/"',
    );
    vi.resetModules();
    vi.stubEnv('INVOICE_DESK_UPDATE_URL', undefined);
    const without = (await import('../../scripts/electronBundles')).electronBundles.main.define;
    expect(without['process.env.INVOICE_DESK_UPDATE_URL']).toBe('""');
  });

  it('is read by main through exactly the expression the build replaces', () => {
    expect(fs.readFileSync('electron/main.ts', 'utf8')).toContain('process.env.INVOICE_DESK_UPDATE_URL');
  });

  it('is the generic provider electron-builder publishes to', () => {
    const config = fs.readFileSync('electron-builder.yml', 'utf8');
    expect(config).toMatch(/^publish:\n {2}provider: generic\n {2}url: \$\{env\.INVOICE_DESK_UPDATE_URL\}$/m);
  });
});
