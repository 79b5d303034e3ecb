#!/usr/bin/env node
// Storage layout experiment runner: bundles the page and worker with esbuild, serves them from a
// tiny HTTP server, and drives Debian's Chromium through playwright-core.
//
// Per layout and run: a fresh profile; session 1 writes the dataset; the browser is closed; session 2
// (a new browser process on the same profile: a cold start) reads first rows, loads everything
// into the worker's index, measures memory and query latency. Runs are interleaved across layouts.
//
//   node bench/experiments/storage-layout/run.mjs [--rows 200000] [--runs 3] [--layouts A-raw-key,C-cols-5000]
//
// Prints tables of medians and writes results/rows-<N>.json beside this file.

import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

const ALL_LAYOUTS = [
  'A-dexie-5idx',
  'A-dexie-key',
  'A-raw-5idx',
  'A-raw-key',
  'B-rows-1000',
  'B-rows-5000',
  'C-cols-1000',
  'C-cols-5000',
];
const READ_LAYOUTS = new Set(['A-dexie-5idx', 'B-rows-1000', 'B-rows-5000', 'C-cols-1000', 'C-cols-5000']);
const QUERY_NAMES = ['service', 'licence', 'monthRange', 'search', 'totalsByService'];

const { values: options } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '3' },
    layouts: { type: 'string', default: ALL_LAYOUTS.join(',') },
    chunk: { type: 'string', default: '10000' },
    out: { type: 'string' },
  },
});
const rows = Number(options.rows);
const runs = Number(options.runs);
const layouts = options.layouts.split(',');
for (const name of layouts) if (!ALL_LAYOUTS.includes(name)) throw new Error(`unknown layout ${name}`);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // measurement only: performance.memory precision, gc() in page and worker, eager memory measurement
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
  '--enable-blink-features=ForceEagerMeasureMemory',
];

// --- bundle and serve -------------------------------------------------------------------------

const bundled = await build({
  entryPoints: { page: path.join(here, 'page.js'), worker: path.join(here, 'worker.js') },
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'chrome120',
  outdir: 'out',
  write: false,
  absWorkingDir: root,
  logLevel: 'warning',
});
const files = new Map([['/', { type: 'text/html', body: readFileSync(path.join(here, 'index.html')) }]]);
for (const file of bundled.outputFiles) {
  files.set(`/${path.basename(file.path)}`, { type: 'text/javascript', body: Buffer.from(file.contents) });
}

const server = http.createServer((request, response) => {
  const file = files.get(new URL(request.url, 'http://localhost').pathname);
  if (!file) {
    response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
    return;
  }
  response.writeHead(200, {
    'content-type': file.type,
    'cache-control': 'no-store',
    // cross-origin isolation enables performance.measureUserAgentSpecificMemory()
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  response.end(file.body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
// One port for the whole run: the origin, and so the IndexedDB data, must survive browser restarts.
const origin = `http://127.0.0.1:${server.address().port}`;

// --- browser sessions -------------------------------------------------------------------------

const launch = (profile) =>
  chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });

let chromiumVersion = null;

const session = async (profile, mode, layout) => {
  const context = await launch(profile);
  chromiumVersion ??= context.browser()?.version() ?? null;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${origin}/?mode=${mode}&layout=${layout}&rows=${rows}&chunk=${options.chunk}`);
    const result = await page.evaluate('window.benchDone');
    if (result.error || errors.length > 0)
      throw new Error(`${mode} ${layout}: ${result.error ?? errors.join('\n')}`);
    if (mode === 'read') result.process = await rendererMemory(context);
    return result;
  } finally {
    await context.close();
  }
};

/** Peak and current resident memory of the renderer processes (the page and its worker live there). */
const rendererMemory = async (context) => {
  const cdp = await context.browser().newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  let peakRss = 0;
  let rss = 0;
  for (const info of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const status = readFileSync(`/proc/${info.id}/status`, 'utf8');
      const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
      peakRss = Math.max(peakRss, kb('VmHWM'));
      rss = Math.max(rss, kb('VmRSS'));
    } catch {
      // the process may be gone
    }
  }
  return { rendererPeakRss: peakRss, rendererRss: rss };
};

const directoryBytes = (dir) => {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : statSync(full).size;
  }
  return total;
};

const runLayout = async (layout) => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'storage-layout-'));
  try {
    const write = await session(profile, 'write', layout);
    const idbDir = path.join(profile, 'Default', 'IndexedDB');
    write.diskBytesAtClose = directoryBytes(idbDir);
    write.settle = await session(profile, 'settle', layout);
    write.diskBytes = directoryBytes(idbDir);
    const read = READ_LAYOUTS.has(layout) ? await session(profile, 'read', layout) : null;
    return { write, read };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
};

// --- run --------------------------------------------------------------------------------------

const results = Object.fromEntries(layouts.map((layout) => [layout, []]));
console.log(`storage-layout: ${rows} rows, ${runs} run(s), layouts ${layouts.join(' ')}`);
try {
  for (let run = 1; run <= runs; run += 1) {
    for (const layout of layouts) {
      const started = Date.now();
      const loadBefore = os.loadavg()[0];
      const result = await runLayout(layout);
      // other users of this machine show up here: the 1-minute load average around the run
      result.loadAverage = { before: loadBefore, after: os.loadavg()[0] };
      results[layout].push(result);
      const read = result.read
        ? `, first rows ${result.read.firstRows.sinceNavigationMs} ms, full load ${result.read.load.mainObservedMs} ms`
        : '';
      console.log(
        `  run ${run} ${layout}: ${result.write.rowsPerSecond} rows/s${read} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  }
} finally {
  server.close();
}

// --- summarise --------------------------------------------------------------------------------

const median = (values) => {
  const present = values.filter((value) => typeof value === 'number').sort((a, b) => a - b);
  if (present.length === 0) return null;
  const middle = Math.floor(present.length / 2);
  return present.length % 2 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
};
const pick = (object, dotted) => dotted.split('.').reduce((value, key) => value?.[key], object);
const med = (layout, dotted) => median(results[layout].map((result) => pick(result, dotted)));

const MB = 1024 * 1024;
const fixed = (value, digits = 0) => (value == null ? '-' : value.toFixed(digits));
const ceiling = layouts.includes('A-raw-key') ? med('A-raw-key', 'write.rowsPerSecond') : null;

const summary = {};
for (const layout of layouts) {
  const s = {
    rowsPerSecond: med(layout, 'write.rowsPerSecond'),
    xCeiling: ceiling ? med(layout, 'write.rowsPerSecond') / ceiling : null,
    writeMs: med(layout, 'write.writeMs'),
    estimateBytes: med(layout, 'write.settle.estimateUsage'),
    diskBytes: med(layout, 'write.diskBytes'),
  };
  if (READ_LAYOUTS.has(layout)) {
    Object.assign(s, {
      firstRowsSinceNavigationMs: med(layout, 'read.firstRows.sinceNavigationMs'),
      firstRowsOpenMs: med(layout, 'read.firstRows.openMs'),
      firstRowsQueryMs: med(layout, 'read.firstRows.queryMs'),
      firstRowsMatchSource: results[layout].every((result) => result.read.firstRows.matchesSource),
      fullLoadMs: med(layout, 'read.load.mainObservedMs'),
      fullLoadBuildMs: med(layout, 'read.load.buildInChunksMs'),
      fullLoadSealMs: med(layout, 'read.load.sealMs'),
      indexBytes: med(layout, 'read.load.indexBytes'),
      workerJsBytes: med(layout, 'read.memory.workerJs'),
      mainJsBytes: med(layout, 'read.memory.mainJs'),
      mainUsedJSHeap: med(layout, 'read.memory.mainUsedJSHeap'),
      rendererPeakRss: med(layout, 'read.process.rendererPeakRss'),
      rendererRss: med(layout, 'read.process.rendererRss'),
      queries: Object.fromEntries(
        QUERY_NAMES.map((name) => [
          name,
          {
            workerP50: med(layout, `read.queries.${name}.workerP50`),
            workerP95: med(layout, `read.queries.${name}.workerP95`),
            roundTripP50: med(layout, `read.queries.${name}.roundTripP50`),
            roundTripP95: med(layout, `read.queries.${name}.roundTripP95`),
            coldRoundTripMs: med(layout, `read.queries.${name}.coldRoundTripMs`),
          },
        ]),
      ),
    });
  }
  summary[layout] = s;
}

// Every layout must answer every query identically.
const checks = layouts
  .filter((layout) => READ_LAYOUTS.has(layout))
  .map((layout) => JSON.stringify(QUERY_NAMES.map((name) => results[layout][0].read.queries[name].check)));
const consistent = checks.every((check) => check === checks[0]);

const table = (headers, body) => {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...body.map((row) => String(row[i]).length)),
  );
  const line = (cells) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
};

const writeTable = table(
  ['layout', 'rows/s', 'x raw ceiling', 'write s', 'IDB estimate MB', 'disk MB', 'disk B/row'],
  layouts.map((layout) => {
    const s = summary[layout];
    return [
      layout,
      fixed(s.rowsPerSecond),
      fixed(s.xCeiling, 2),
      fixed(s.writeMs / 1000, 1),
      fixed(s.estimateBytes / MB, 1),
      fixed(s.diskBytes / MB, 1),
      fixed(s.diskBytes / rows),
    ];
  }),
);
const readLayouts = layouts.filter((layout) => READ_LAYOUTS.has(layout));
const readTable = table(
  [
    'layout',
    'first rows ms (nav)',
    'open+query ms',
    'full load->index ms',
    'of it build ms',
    'worker JS MB',
    'main JS MB',
    'index MB',
    'renderer peak RSS MB',
  ],
  readLayouts.map((layout) => {
    const s = summary[layout];
    return [
      layout,
      fixed(s.firstRowsSinceNavigationMs),
      `${fixed(s.firstRowsOpenMs)}+${fixed(s.firstRowsQueryMs)}`,
      fixed(s.fullLoadMs),
      fixed(s.fullLoadBuildMs + s.fullLoadSealMs),
      fixed(s.workerJsBytes / MB, 1),
      fixed(s.mainJsBytes / MB, 1),
      fixed(s.indexBytes / MB, 1),
      fixed(s.rendererPeakRss / MB),
    ];
  }),
);
const queryTable = table(
  ['layout', ...QUERY_NAMES.map((name) => `${name} p50/p95 (rt p95) ms`)],
  readLayouts.map((layout) => [
    layout,
    ...QUERY_NAMES.map((name) => {
      const q = summary[layout].queries[name];
      return `${fixed(q.workerP50, 1)}/${fixed(q.workerP95, 1)} (${fixed(q.roundTripP95, 1)})`;
    }),
  ]),
);

const machine = {
  nproc: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? null,
  memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
  kernel: os.release(),
  node: process.version,
  chromium: chromiumVersion,
  chromiumPackage: (() => {
    try {
      return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'chromium'], { encoding: 'utf8' });
    } catch {
      return null;
    }
  })(),
  dexie: JSON.parse(readFileSync(path.join(root, 'node_modules/dexie/package.json'), 'utf8')).version,
  playwrightCore: JSON.parse(
    readFileSync(path.join(root, 'node_modules/playwright-core/package.json'), 'utf8'),
  ).version,
};

console.log(
  `\n${os.availableParallelism()} cores, Chromium ${chromiumVersion}, ${rows} rows, median of ${runs}`,
);
console.log(`\nWrite (per API page of <= 5000 lines, one transaction each)\n${writeTable}`);
console.log(`\nCold start (new browser process) and full load into the worker index\n${readTable}`);
console.log(
  `\nQueries in the worker over ${rows} rows, ms (p50/p95 of 20; rt = main-thread round trip)\n${queryTable}`,
);
console.log(`\nquery answers identical across layouts: ${consistent ? 'yes' : 'NO'}`);

const outFile = options.out ?? path.join(here, 'results', `rows-${rows}.json`);
mkdirSync(path.dirname(outFile), { recursive: true });
let json = JSON.stringify(
  {
    machine,
    config: { rows, runs, layouts, readChunkRows: Number(options.chunk) },
    consistent,
    summary,
    results,
  },
  null,
  2,
);
try {
  const prettier = await import('prettier');
  json = await prettier.format(json, { ...(await prettier.resolveConfig(outFile)), filepath: outFile });
} catch {
  json += '\n';
}
writeFileSync(outFile, json);
console.log(`\nwrote ${path.relative(process.cwd(), outFile)}`);
