/**
 * The line explorer's cold start with every line cached: navigation start to its first rows on
 * screen, and to its count (the whole index built), `#/lines` with the default filter and sort.
 *
 * `measureLinesFirstRows(context, appUrl, runs)` measures one build whose archive the context has
 * already synced (bench/run.ts calls it). Run as a script, it compares builds in the same run,
 * interleaved (A, B, B, A, …) so the load of this shared machine falls on each alike:
 *
 * `npx tsx bench/linesFirstRows.ts <renderer dir> <renderer dir> [--profile large] [--runs 7] [--disk]`
 *
 * `--disk` keeps each build's archive in a profile on disk, as the app keeps it, rather than in an
 * incognito context's memory: IndexedDB then reads from LevelDB files, and scripts get V8's code
 * cache (Electron's app:// scheme has it, electron/protocol.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { startWebServer, type WebServer } from '../scripts/webServer';
import { PROFILES, type ProfileName } from '../simulator/data/profiles';
import { startSimulator } from '../simulator/standalone';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser';
import { syncedIn } from './connect';
import { median } from './stats';

/** The target of issue #18: first line rows in under 500 ms with 1.3 M lines cached. */
export const LINES_FIRST_ROWS_TARGET_MS = 500;

export interface LinesFirstRows {
  /** Medians over the runs, from navigation start. */
  firstRowsMs: number;
  /** To the count and totals on screen: the whole index built and queried. */
  countedMs: number;
  runs: Array<{ firstRowsMs: number; countedMs: number }>;
}

/**
 * Stamps, inside the page, the first grid row that is no placeholder and the first count in the
 * totals (its text holds a digit only once the whole answer is there). Plain text: tsx would wrap
 * named inner functions in a helper the page lacks.
 */
const probe = `
  (() => {
    const state = { first: null, counted: null };
    window.__linesFirstRows = state;
    document.addEventListener('DOMContentLoaded', () => {
      const observer = new MutationObserver(() => {
        if (state.first === null && document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])'))
          state.first = performance.now();
        const totals = document.querySelector('[data-testid="line-totals"]');
        if (state.counted === null && totals && /\\d/.test(totals.textContent || '')) state.counted = performance.now();
        if (state.first !== null && state.counted !== null) observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    });
  })();
`;

/** One cold start of `#/lines` in a new tab of the context. */
export const linesColdStart = async (
  context: BrowserContext,
  appUrl: string,
): Promise<{ firstRowsMs: number; countedMs: number }> => {
  const page = await context.newPage();
  await page.addInitScript({ content: probe });
  await page.goto(`${appUrl}#/lines`);
  type Stamps = { first: number | null; counted: number | null };
  await page.waitForFunction(
    () => {
      const state = (window as unknown as { __linesFirstRows: Stamps }).__linesFirstRows;
      return state.first !== null && state.counted !== null;
    },
    null,
    { timeout: 120_000 },
  );
  const stamps = await page.evaluate(
    () => (window as unknown as { __linesFirstRows: Stamps }).__linesFirstRows,
  );
  await page.close();
  return { firstRowsMs: Math.round(stamps.first ?? 0), countedMs: Math.round(stamps.counted ?? 0) };
};

export const measureLinesFirstRows = async (
  context: BrowserContext,
  appUrl: string,
  runs = 5,
): Promise<LinesFirstRows> => {
  // The first start after a sync finds the archive still settling: not counted.
  await linesColdStart(context, appUrl);
  const measured: LinesFirstRows['runs'] = [];
  for (let run = 0; run < runs; run += 1) measured.push(await linesColdStart(context, appUrl));
  return {
    firstRowsMs: median(measured.map((run) => run.firstRowsMs)),
    countedMs: median(measured.map((run) => run.countedMs)),
    runs: measured,
  };
};

const CONTEXT_OPTIONS = { locale: 'en-US', viewport: { width: 1400, height: 900 } } as const;

interface DiskProfile {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A browser with its profile in a directory of its own, removed on close. */
const openDiskProfile = async (): Promise<DiskProfile> => {
  const userDir = mkdtempSync(path.join(os.tmpdir(), 'lines-first-rows-'));
  const context = await chromium.launchPersistentContext(userDir, {
    ...CONTEXT_OPTIONS,
    executablePath: chromiumPath(),
    args: chromiumArgs,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDir, { recursive: true, force: true });
    },
  };
};

/**
 * The same measure with the archive in a profile on disk, as the app keeps it: IndexedDB reads from
 * LevelDB files, and scripts get V8's code cache. The profile syncs the simulator's archive first.
 */
export const measureLinesFirstRowsOnDisk = async (
  appUrl: string,
  simUrl: string,
  runs = 5,
): Promise<LinesFirstRows> => {
  const disk = await openDiskProfile();
  try {
    await syncedIn(disk.context, appUrl, simUrl);
    return await measureLinesFirstRows(disk.context, appUrl, runs);
  } finally {
    await disk.close();
  }
};

const compareBuilds = async (args: readonly string[]) => {
  const option = (name: string): string | undefined => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const runs = Number(option('runs') ?? 7);
  const profileOption = option('profile') ?? 'medium';
  const isProfile = (name: string): name is ProfileName => name in PROFILES;
  if (!isProfile(profileOption)) throw new Error(`--profile: one of ${Object.keys(PROFILES).join(', ')}`);
  const withValue = new Set(['--runs', '--profile']);
  const builds = args.filter((arg, at) => !arg.startsWith('--') && !withValue.has(args[at - 1] ?? ''));
  const sim = await startSimulator({ port: 0, profile: profileOption, control: true });
  const onDisk = args.includes('--disk');
  const browser = onDisk
    ? null
    : await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const disks: DiskProfile[] = [];
  const setups: Array<{ name: string; url: string; context: BrowserContext; server: WebServer }> = [];
  for (const build of builds) {
    const server = await startWebServer({ port: 0, outDir: path.resolve(build), logLevel: 'silent' });
    const disk = onDisk ? await openDiskProfile() : null;
    if (disk) disks.push(disk);
    const context = disk?.context ?? (await browser?.newContext(CONTEXT_OPTIONS));
    if (!context) throw new Error('no browser context');
    await syncedIn(context, server.url, sim.url);
    setups.push({ name: build, url: server.url, context, server });
    console.log(`synced ${build}`);
  }
  for (const setup of setups) await linesColdStart(setup.context, setup.url);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const results = new Map<string, Array<{ firstRowsMs: number; countedMs: number }>>();
  for (let run = 0; run < runs; run += 1) {
    for (const setup of run % 2 === 0 ? setups : [...setups].reverse())
      results.set(setup.name, [
        ...(results.get(setup.name) ?? []),
        await linesColdStart(setup.context, setup.url),
      ]);
    console.log(`run ${run + 1}/${runs}`);
  }
  for (const setup of setups) {
    const measured = results.get(setup.name) ?? [];
    console.log(
      `${setup.name}: first rows median ${median(measured.map((m) => m.firstRowsMs))} ms [${measured.map((m) => m.firstRowsMs).join(', ')}], ` +
        `count median ${median(measured.map((m) => m.countedMs))} ms [${measured.map((m) => m.countedMs).join(', ')}]`,
    );
  }
  await browser?.close();
  for (const disk of disks) await disk.close();
  for (const setup of setups) await setup.server.close();
  await sim.close();
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await compareBuilds(process.argv.slice(2));
