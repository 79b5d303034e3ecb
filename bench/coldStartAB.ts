/**
 * `npx tsx bench/coldStartAB.ts <build> <build> [...] [--runs 9] [--profile medium] [--pages invoices,lines] [--phases]`
 *
 * Cold start to first rows of two or more builds of the renderer, measured in the same run and
 * interleaved (A, B, B, A, …), so the load of this shared machine falls on every build alike: only
 * the ratio between builds means something here, not the absolute times.
 *
 * A build is either a built renderer folder (`npx vite build --outDir /tmp/x`) or `rev:<commit>`:
 * that commit's tree is exported to /tmp/invoice-desk-ab/<commit>, given this checkout's
 * node_modules and built there (kept for the next run). Each build is served on its own origin under
 * the app's CSP (scripts/webServer.ts), so each has its own archive, synced once from one simulator.
 * `--phases` also prints when the shell and the (empty) grid appeared, and the long tasks before
 * the first rows. `--record` keeps the figures in bench/results-coldstart.json and renders them into
 * docs/BENCHMARKS.md ("Cold start, builds compared").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { startWebServer, type WebServer } from '../scripts/webServer';
import { PROFILES, type ProfileName } from '../simulator/data/profiles';
import { startSimulator } from '../simulator/standalone';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser';
import { COLD_START_AB_FILE, renderMarkdown, type ColdStartAB } from './report';
import { syncedIn } from './connect';
import { median } from './stats';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const runs = Number(option('runs') ?? 9);
const profileOption = option('profile') ?? 'medium';
const isProfile = (name: string): name is ProfileName => name in PROFILES;
if (!isProfile(profileOption)) throw new Error(`--profile: one of ${Object.keys(PROFILES).join(', ')}`);
const profile: ProfileName = profileOption;
const pages = (option('pages') ?? 'invoices,lines').split(',');
const phases = args.includes('--phases');
const record = args.includes('--record');
const valued = new Set(['--runs', '--profile', '--pages']);
const builds = args.filter((arg, at) => !arg.startsWith('--') && !valued.has(args[at - 1] ?? ''));
if (builds.length < 1) {
  console.error('usage: npx tsx bench/coldStartAB.ts <dir | rev:commit> <dir | rev:commit> [--runs N]');
  process.exit(2);
}

/** The built renderer of a commit, built once into /tmp with this checkout's node_modules. */
const builtRevision = (revision: string): string => {
  const commit = execFileSync('git', ['rev-parse', '--short', revision], { cwd: repositoryRoot })
    .toString()
    .trim();
  const tree = path.join('/tmp/invoice-desk-ab', commit);
  const out = path.join(tree, 'dist-ab');
  if (existsSync(path.join(out, 'index.html'))) return out;
  mkdirSync(tree, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C ${tree}`], { cwd: repositoryRoot });
  if (!existsSync(path.join(tree, 'node_modules'))) {
    symlinkSync(path.join(repositoryRoot, 'node_modules'), path.join(tree, 'node_modules'));
  }
  console.log(`building ${commit} in ${tree}`);
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: tree,
    stdio: 'inherit',
  });
  return out;
};

/**
 * Stamps, inside the page, the first grid row that is no placeholder (a driver's polling would add
 * its own interval), the shell and the grid, and every long task. Plain text: tsx would wrap named
 * inner functions in a helper the page lacks.
 */
const probe = `
  (() => {
    const state = { first: null, shell: null, grid: null, tasks: [] };
    window.__coldStart = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.tasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      const observer = new MutationObserver(() => {
        if (state.shell === null && document.querySelector('nav')) state.shell = performance.now();
        if (state.grid === null && document.querySelector('[role="grid"]')) state.grid = performance.now();
        if (!document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])')) return;
        state.first = performance.now();
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  })();
`;

interface Stamp {
  first: number;
  shell: number | null;
  grid: number | null;
  tasks: Array<[number, number]>;
}

const main = async () => {
  const dirs = builds.map((build) =>
    build.startsWith('rev:') ? builtRevision(build.slice(4)) : path.resolve(build),
  );
  const sim = await startSimulator({ port: 0, profile, control: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const setups: Array<{ name: string; url: string; context: BrowserContext; server: WebServer }> = [];
  for (const [at, dir] of dirs.entries()) {
    const server = await startWebServer({ port: 0, outDir: dir, logLevel: 'silent' });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: probe });
    await syncedIn(context, server.url, sim.url);
    setups.push({ name: builds[at] ?? dir, url: server.url, context, server });
    console.log(`synced ${builds[at]}`);
  }
  /** One cold start to first rows; its stamps. */
  const coldStart = async (setup: (typeof setups)[number], hash: string): Promise<Stamp> => {
    const page = await setup.context.newPage();
    await page.goto(`${setup.url}#/${hash}`);
    await page.waitForFunction(
      () => (window as unknown as { __coldStart: { first: number | null } }).__coldStart.first !== null,
      null,
      { timeout: 60_000 },
    );
    const stamp = await page.evaluate(() => (window as unknown as { __coldStart: Stamp }).__coldStart);
    await page.close();
    return stamp;
  };
  // The archive synced last is still settling (the browser compacts what the sync wrote): one start
  // of every build and page, not counted, and a pause, so the first counted runs favour no build.
  for (const setup of setups) for (const hash of pages) await coldStart(setup, hash);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const loadAverage = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  const results = new Map<string, Stamp[]>();
  for (let run = 0; run < runs; run += 1) {
    for (const hash of pages) {
      // Every other run in reverse order: neither build always goes first after the other.
      const order = run % 2 === 0 ? setups : [...setups].reverse();
      for (const setup of order) {
        const stamp = await coldStart(setup, hash);
        const key = `${hash} ${setup.name}`;
        results.set(key, [...(results.get(key) ?? []), stamp]);
      }
    }
    console.log(`run ${run + 1}/${runs}`);
  }
  const first = setups[0];
  const recorded: ColdStartAB['pages'] = {};
  for (const hash of pages) {
    const baseline = median((results.get(`${hash} ${first?.name}`) ?? []).map((stamp) => stamp.first));
    for (const setup of setups) {
      const stamps = results.get(`${hash} ${setup.name}`) ?? [];
      const firstRows = median(stamps.map((stamp) => stamp.first));
      (recorded[hash] ??= []).push({
        build: setup.name,
        medianMs: firstRows,
        ratio: firstRows / baseline,
        runsMs: stamps.map((stamp) => Math.round(stamp.first)),
      });
      console.log(
        `${hash.padEnd(9)} ${setup.name.padEnd(28)} median ${Math.round(firstRows)} ms, ratio ${(firstRows / baseline).toFixed(3)} [${stamps.map((stamp) => Math.round(stamp.first)).join(', ')}]`,
      );
      if (phases) {
        const of = (pick: (stamp: Stamp) => number | null) =>
          Math.round(median(stamps.map(pick).filter((value): value is number => value !== null)));
        const tasks = stamps.map((stamp) =>
          stamp.tasks
            .filter(([start]) => start < stamp.first)
            .reduce((sum, [, duration]) => sum + duration, 0),
        );
        console.log(
          `${''.padEnd(38)} shell ${of((stamp) => stamp.shell)} ms, grid ${of((stamp) => stamp.grid)} ms, long tasks before first rows ${Math.round(median(tasks))} ms`,
        );
      }
    }
  }
  if (record) {
    const ab: ColdStartAB = {
      measuredAt: new Date().toISOString(),
      profile,
      runs,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? '', loadAverage },
      builds,
      pages: recorded,
    };
    writeFileSync(COLD_START_AB_FILE, `${JSON.stringify(ab, null, 2)}\n`);
    type Results = Parameters<typeof renderMarkdown>[0];
    const read = (file: string) =>
      existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results) : null;
    writeFileSync(
      'docs/BENCHMARKS.md',
      renderMarkdown(read('bench/results.json'), read('bench/results-quick.json'), ab),
    );
    console.log(`wrote ${COLD_START_AB_FILE} and docs/BENCHMARKS.md`);
  }
  await browser.close();
  for (const setup of setups) await setup.server.close();
  await sim.close();
};

await main();
