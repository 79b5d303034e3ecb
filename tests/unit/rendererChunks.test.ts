import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Libraries that only some pages or actions need: none may load on the way to a list's first rows. */
const onDemandLibraries =
  /node_modules[\\/](xlsx|react-aria|react-aria-components|@react-aria|react-stately|@react-stately|recharts|@dnd-kit|pdfjs-dist|fflate|pkijs|asn1js)[\\/]/;

let chunks: Rolldown.OutputChunk[] = [];

beforeAll(async () => {
  // The renderer exactly as it ships, kept in memory.
  const output = await build({
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'renderer'),
    logLevel: 'silent',
    build: { write: false, sourcemap: false },
  });
  const results = Array.isArray(output) ? output : [output];
  chunks = results.flatMap((result) =>
    'output' in result ? result.output.filter((item) => item.type === 'chunk') : [],
  );
}, 180_000);

const chunk = (fileName: string) => {
  const found = chunks.find((candidate) => candidate.fileName === fileName);
  if (!found) throw new Error(`no chunk ${fileName}`);
  return found;
};

/** A chunk and every chunk it imports statically: what loading it fetches. */
const loaded = (start: Rolldown.OutputChunk): Set<string> => {
  const files = new Set([start.fileName]);
  for (const file of files) for (const imported of chunk(file).imports) files.add(imported);
  return files;
};

const entry = () => {
  const entries = chunks.filter((candidate) => candidate.isEntry);
  const found = entries[0];
  if (entries.length !== 1 || !found)
    throw new Error(`entries: ${entries.map((candidate) => candidate.fileName).join(', ')}`);
  return found;
};

/** The files a cold start on a page fetches beyond the entry's. */
const pageFiles = (pageModule: string) => {
  const page = chunks.find(
    (candidate) => candidate.isDynamicEntry && candidate.facadeModuleId?.endsWith(pageModule),
  );
  if (!page) throw new Error(`no chunk for ${pageModule}`);
  const shell = loaded(entry());
  return [...loaded(page)].filter((file) => !shell.has(file));
};

const modulesOf = (files: Iterable<string>) => [...files].flatMap((file) => chunk(file).moduleIds);

/** The chunk whose own module is `module` (a page, the platform), loaded on demand. */
const dynamicChunk = (module: string) => {
  const found = chunks.find(
    (candidate) => candidate.isDynamicEntry && candidate.facadeModuleId?.endsWith(module),
  );
  if (!found) throw new Error(`no chunk for ${module}`);
  return found;
};

/**
 * Code no cold start runs before a list's first rows (the panels, dialogs, exports, writers and
 * settings of other pages and actions): each file it adds to the way there is parsed, and its
 * module bodies run, before the first paint.
 */
const notForFirstRows = [
  /shared[\\/]analytics[\\/](anomalies|budgets)\.ts$/,
  /renderer[\\/]features[\\/](anomalies|budgets)[\\/]/,
  /renderer[\\/]features[\\/]updates[\\/]UpdateSettings\.tsx$/,
  /shared[\\/]update[\\/]policy\.ts$/,
  /renderer[\\/]features[\\/]exports[\\/]PeriodExport\.tsx$/,
  /shared[\\/]export[\\/]journal\.ts$/,
  /shared[\\/]audit[\\/](chain|view|auditEntry)\.ts$/,
  /node_modules[\\/]@noble[\\/]hashes[\\/]/,
  /renderer[\\/]db[\\/](localEdits|assignmentEdits|auditLog|upgrades)\.ts$/,
  /shared[\\/]allocation[\\/]splitForm\.ts$/,
  /shared[\\/]costCenters[\\/]centerForm\.ts$/,
  /shared[\\/]preferences[\\/]savings\.ts$/,
  /shared[\\/]archive[\\/](timestampHttp|seal)\.ts$/,
  /shared[\\/]api[\\/](client|settingCalls)\.ts$/,
  // The browser build runs the web platform: none of Electron's, nor the IPC contract's schemas.
  /renderer[\\/]platform[\\/]electron\.ts$/,
  /shared[\\/]ipc[\\/]contract\.ts$/,
];

describe('the renderer chunks', () => {
  it('loads the entry in at most three files, without any library only some pages need', () => {
    const shell = loaded(entry());
    expect(shell.size).toBeLessThanOrEqual(3);
    expect(modulesOf(shell).filter((id) => onDemandLibraries.test(id))).toEqual([]);
  });

  it.each(['features/invoices/InvoicesPage.tsx', 'features/lines/LinesPage.tsx'])(
    'loads %s in at most two more files, without any library only some pages need',
    (pageModule) => {
      const files = pageFiles(pageModule);
      expect(files.length).toBeLessThanOrEqual(2);
      expect(modulesOf(files).filter((id) => onDemandLibraries.test(id))).toEqual([]);
    },
  );

  it.each(['features/invoices/InvoicesPage.tsx', 'features/lines/LinesPage.tsx'])(
    'loads nothing on the way to the first rows of %s that only other pages or actions run',
    (pageModule) => {
      // The entry, the browser's platform (loaded while the language loads), the page, and the date
      // picker its filters load as soon as the first rows show (or a second after, when they take longer).
      const files = new Set([
        ...loaded(entry()),
        ...loaded(dynamicChunk('platform/web.ts')),
        ...loaded(dynamicChunk(pageModule)),
        ...loaded(dynamicChunk('ui/DatePickerField.tsx')),
      ]);
      const unwanted = modulesOf(files).filter((id) => notForFirstRows.some((pattern) => pattern.test(id)));
      expect(unwanted.map((id) => path.relative(root, id))).toEqual([]);
    },
  );

  it('keeps the web platform to one file beyond those the entry and the lists load', () => {
    const before = new Set([
      ...loaded(entry()),
      ...loaded(dynamicChunk('features/invoices/InvoicesPage.tsx')),
    ]);
    expect([...loaded(dynamicChunk('platform/web.ts'))].filter((file) => !before.has(file))).toHaveLength(1);
  });

  it('keeps every language catalogue out of the entry, each in a chunk of its own', () => {
    const catalogue = /[\\/]shared[\\/]i18n[\\/](en|de|fr|it)\.ts$/;
    expect(modulesOf(loaded(entry())).filter((id) => catalogue.test(id))).toEqual([]);
    const holders = chunks.filter((candidate) => candidate.moduleIds.some((id) => catalogue.test(id)));
    const pageSide = holders.filter((candidate) => !/Worker-/.test(candidate.fileName));
    expect(
      pageSide.map((candidate) => candidate.moduleIds.filter((id) => catalogue.test(id)).length),
    ).toEqual([1, 1, 1, 1]);
  });

  it('keeps zod and its configuration in one chunk, so zod is configured before any schema exists', () => {
    const withZod = chunks.filter((candidate) =>
      candidate.moduleIds.some((id) => /node_modules[\\/]zod[\\/]/.test(id)),
    );
    // The workers are bundles of their own, each with its own zod and its own configuration first.
    const pageSide = withZod.filter((candidate) => !/Worker-/.test(candidate.fileName));
    expect(pageSide).toHaveLength(1);
    expect(pageSide[0]?.moduleIds.some((id) => id.endsWith(path.join('shared', 'zodConfig.ts')))).toBe(true);
  });
});
