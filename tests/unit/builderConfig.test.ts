import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONFIG_FILE = 'electron-builder.yml';

// Read by electron-builder's own loader and checked against its own schema, so a misspelt key (which
// electron-builder would reject at packaging time, far from here) fails this test.
const loadBuilderConfig = async (): Promise<Configuration> => {
  const read = await getConfig<Configuration>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir: root, packageMetadata: null },
    CONFIG_FILE,
  );
  if (!read) throw new Error(`${CONFIG_FILE} was not found`);
  await validateConfiguration(read.result, new DebugLogger(false));
  return read.result;
};

const targetsOf = (target: Configuration['target']): TargetConfiguration[] => {
  if (target == null) return [];
  const list = Array.isArray(target) ? target : [target];
  return list.map((entry) => (typeof entry === 'string' ? { target: entry } : entry));
};

const archesOf = (target: TargetConfiguration): readonly string[] =>
  target.arch == null ? [] : Array.isArray(target.arch) ? target.arch : [target.arch];

/** Every key of the parsed configuration, as a dotted path, with its value. */
const entriesOf = (value: unknown, prefix = ''): [string, unknown][] => {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => [
    [prefix === '' ? key : `${prefix}.${key}`, inner] satisfies [string, unknown],
    ...entriesOf(inner, prefix === '' ? key : `${prefix}.${key}`),
  ]);
};

/** The keys of a property list's top-level dict whose value is <true/>. */
const plistTrueKeys = (xml: string): string[] =>
  [...xml.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1] ?? '');

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    await expect(loadBuilderConfig()).resolves.toHaveProperty('appId', 'ch.invoicedesk.app');
  });

  it('flips every fuse that hardens the shipped binary', async () => {
    const { electronFuses } = await loadBuilderConfig();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
      resetAdHocDarwinSignature: false,
    });
  });

  it('packs the app into an asar of the bundles only, without source maps or tests', async () => {
    const config = await loadBuilderConfig();
    expect(config.asar).toBe(true);
    const files = config.files;
    if (!Array.isArray(files)) throw new Error('files must be a list of patterns');
    const patterns = files.map((entry) => {
      if (typeof entry !== 'string') throw new Error('files must hold plain patterns');
      return entry;
    });
    const included = patterns.filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['dist/electron/**', 'dist/renderer/**', 'resources/tray/**', 'package.json']);
    expect(patterns).toContain('!**/*.map');
    expect(patterns).toContain('!**/*.{test,spec}.*');
  });

  it('installs per user on Windows, never asking for elevation', async () => {
    const config = await loadBuilderConfig();
    expect(targetsOf(config.win?.target).map((target) => target.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(config.win?.icon).toBe('resources/icon.ico');
    const art = [
      config.nsis?.installerSidebar,
      config.nsis?.uninstallerSidebar,
      config.nsis?.installerHeader,
    ];
    expect(art).toEqual([
      'resources/installer/nsisSidebar.bmp',
      'resources/installer/nsisSidebar.bmp',
      'resources/installer/nsisHeader.bmp',
    ]);
  });

  it('builds a hardened, notarised dmg for Intel and Apple silicon', async () => {
    const config = await loadBuilderConfig();
    const mac = config.mac;
    const dmg = targetsOf(mac?.target).find((target) => target.target === 'dmg');
    expect(dmg && [...archesOf(dmg)].sort()).toEqual(['arm64', 'x64']);
    // The updater's artefact for macOS.
    const zip = targetsOf(mac?.target).find((target) => target.target === 'zip');
    expect(zip && [...archesOf(zip)].sort()).toEqual(['arm64', 'x64']);
    expect(mac?.hardenedRuntime).toBe(true);
    // true = notarise with the credentials of the environment; electron-builder 26 takes them from
    // there only, so nothing about the Apple account can be written here.
    expect(mac?.notarize).toBe(true);
    expect(mac?.icon).toBe('resources/icon.icns');
    for (const file of [mac?.entitlements, mac?.entitlementsInherit]) {
      expect(file).toBe('resources/entitlements.mac.plist');
      expect(fs.existsSync(path.join(root, file ?? ''))).toBe(true);
    }
  });

  it('grants the hardened runtime only the JIT that V8 needs', () => {
    const plist = fs.readFileSync(path.join(root, 'resources/entitlements.mac.plist'), 'utf8');
    expect(plistTrueKeys(plist)).toEqual(['com.apple.security.cs.allow-jit']);
    expect(plist).not.toMatch(/<false\/>|<string>|<array>/);
  });

  it('builds an AppImage on Linux', async () => {
    const config = await loadBuilderConfig();
    expect(targetsOf(config.linux?.target).map((target) => target.target)).toEqual(['AppImage']);
    // A folder of <n>x<n>.png, the sizes scripts/iconSet.ts renders.
    expect(config.linux?.icon).toBe('resources/icons');
  });

  it('commits no signing or notarisation secret: they come from the environment', async () => {
    const config = await loadBuilderConfig();
    const secretLooking =
      /password|secret|token|cscLink|cscKey|certificate|identity|appleId|teamId|apiKey|keychain|sign$/i;
    const keys = entriesOf(config).map(([key]) => key);
    expect(keys.filter((key) => secretLooking.test(key.split('.').pop() ?? ''))).toEqual([]);
    expect(keys.filter((key) => /signtoolOptions|azureSignOptions/.test(key))).toEqual([]);
    const text = fs.readFileSync(path.join(root, CONFIG_FILE), 'utf8');
    expect(text).not.toMatch(/-----BEGIN|\.p12\b|\.pfx\b|\.p8\b|\.cer\b/);
    // A long run of base64 would be an inlined certificate (CSC_LINK accepts one).
    expect(text).not.toMatch(/[A-Za-z0-9+/]{64,}/);
  });
});
