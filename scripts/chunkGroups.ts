/**
 * How the renderer's code is cut into files (vite.config.ts). A cold start fetches the entry's
 * files in one round trip and the opened page's in a second one; left to itself, the bundler cut
 * every module shared by two pages into a file of its own, about thirty small files on the way to
 * the first rows, each waiting for a free connection (docs/ARCHITECTURE.md, "Cold start"):
 *
 * - `zod`: zod with shared/zodConfig.ts. Every file that builds a schema imports this one, so zod
 *   is configured before any schema exists, whichever file loads first.
 * - `shell`: everything the entry imports statically, beside the entry (index.html preloads it).
 * - `common`: code that several pages share, that reaches no library but the shell's and
 *   `pageLibraries`, and that the pages a cold start must draw fastest (`firstRows`: the invoice and
 *   line lists, and the platform every start loads) import statically, so such a page is its own
 *   file plus this one, and this one carries nothing those pages do not run.
 * - `pages`: the same for code that only other pages share (panels, dialogs, exports, the audit log's
 *   writers): another page is its own file plus these two.
 * Code reaching a library only some pages or actions need (spreadsheets, date picker, charts, drag
 * and drop) stays where the bundler puts it, so it is not fetched before the page that needs it.
 */

/** What the chunking callback can ask the bundler about a module. */
export interface ModuleGraph {
  getModuleInfo(id: string): { readonly importedIds: readonly string[] } | null;
}

const nodeModule = /[\\/]node_modules[\\/]/;
const ownCode = /[\\/](renderer|shared)[\\/]/;
/** Small libraries the list pages use, beyond the shell's: they may join the pages' common file. */
const pageLibraries = /[\\/]node_modules[\\/](@tanstack[\\/](react-virtual|virtual-core)|clsx)[\\/]/;

export const zodGroupTest = /[\\/]node_modules[\\/]zod[\\/]|[\\/]shared[\\/]zodConfig\.ts$/;

/** The module and everything it imports statically, followed to the end. */
const staticClosure = (root: string, graph: ModuleGraph): Set<string> => {
  const seen = new Set([root]);
  for (const id of seen) {
    for (const imported of graph.getModuleInfo(id)?.importedIds ?? []) seen.add(imported);
  }
  return seen;
};

/**
 * Names `common` (imported statically by one of `firstRows`) or `pages` (by none) for a module whose
 * static imports, followed to the end, reach no library but those the entry (`entry`, an absolute
 * path) loads and `pageLibraries`; the bundler asks only about modules shared by two pages or more.
 */
export const commonChunkName = (entry: string, firstRows: readonly string[] = []) => {
  let firstRowsCode: Set<string> | null = null;
  /** Whether a module's static imports reach a library some pages do without, once known. */
  const reachesOther = new Map<string, boolean>();
  const isOtherLibrary = (id: string) => nodeModule.test(id) && !pageLibraries.test(id);
  const reaches = (root: string, graph: ModuleGraph): boolean => {
    // What the entry loads is here before any page: it costs a page nothing.
    if (reachesOther.size === 0) for (const id of staticClosure(entry, graph)) reachesOther.set(id, false);
    const known = reachesOther.get(root);
    if (known !== undefined) return known;
    const seen = new Set([root]);
    const pending = [root];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (reachesOther.get(id) === false) continue;
      if (reachesOther.get(id) === true || isOtherLibrary(id)) {
        reachesOther.set(root, true);
        return true;
      }
      for (const imported of graph.getModuleInfo(id)?.importedIds ?? []) {
        if (seen.has(imported)) continue;
        seen.add(imported);
        pending.push(imported);
      }
    }
    // Everything seen reaches a subset of what the root reaches: none of it reaches another library.
    for (const id of seen) reachesOther.set(id, false);
    return false;
  };
  return (id: string, graph: ModuleGraph): string | null => {
    if (!(ownCode.test(id) || pageLibraries.test(id)) || reaches(id, graph)) return null;
    firstRowsCode ??= new Set(firstRows.flatMap((root) => [...staticClosure(root, graph)]));
    return firstRowsCode.has(id) ? 'common' : 'pages';
  };
};

/**
 * The renderer build's `output.codeSplitting` option; `firstRows`: absolute paths of the modules a
 * cold start must reach fastest (see `commonChunkName`).
 */
export const rendererCodeSplitting = (entry: string, firstRows: readonly string[] = []) => ({
  groups: [
    { name: 'zod', test: zodGroupTest, priority: 3 },
    { name: 'shell', tags: ['$initial' as const], priority: 2 },
    {
      name: commonChunkName(entry, firstRows),
      minShareCount: 2,
      priority: 1,
      // Only what the name admits: a light module's imports are light and admitted anyway.
      includeDependenciesRecursively: false,
    },
  ],
});
