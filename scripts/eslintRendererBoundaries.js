import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The renderer's feature rules of ARCHITECTURE.md, as one ESLint rule (tests/unit/rendererBoundaries.test.ts):
 * - only `features/<name>/queries.ts`, `features/<name>/edits.ts` and `db/` touch the archive: nothing else
 *   imports Dexie or the database context, and only the entry and the workers construct the database
 *   (which they hand to db/ adapters without reading a table themselves);
 * - a feature imports another only through its `index.ts`, or its `parts.ts` where it has one: the
 *   panels and dialogs other pages place, kept apart so that what imports `index.ts` for a hook or a
 *   small component does not load them (the route table reads each `route.ts`);
 * - only `platform/index.ts` imports a platform implementation.
 * Import specifiers are resolved against the file, so `../designations/useDesignations` and
 * `../../features/designations/useDesignations` are the same import.
 */

const root = path.resolve(import.meta.dirname, '..');
const renderer = path.join(root, 'renderer');

// The table names, read from the schema's class so that a new table is covered without editing this file.
const tables = new Set(
  [...readFileSync(path.join(renderer, 'db/database.ts'), 'utf8').matchAll(/^\s+(\w+)!:/gm)].map(
    (match) => match[1],
  ),
);

/** The file's path inside renderer/, without extension, with forward slashes; null outside it. */
const rendererPath = (file) => {
  const relative = path.relative(renderer, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative
    .split(path.sep)
    .join('/')
    .replace(/\.(tsx?|jsx?)$/, '');
};

const featureOf = (file) => /^features\/([^/]+)\//.exec(file)?.[1] ?? null;
const isStore = (file) => file.startsWith('db/') || /^features\/[^/]+\/(queries|edits)$/.test(file);
/** May construct the database: the entry opens it, each worker opens the profile's archive. */
const mayOpen = (file) => file === 'app/start' || file.startsWith('workers/');

const dexiePackages = new Set(['dexie', 'dexie-react-hooks']);

const create = (context) => {
  const file = rendererPath(context.filename);
  if (file === null) return {};

  const check = (node, specifier, typeOnly) => {
    if (typeof specifier !== 'string') return;
    if (dexiePackages.has(specifier)) {
      if (!isStore(file) && !typeOnly) context.report({ node, messageId: 'dexie', data: { specifier } });
      return;
    }
    if (!specifier.startsWith('.')) return;
    const target = rendererPath(path.resolve(path.dirname(context.filename), specifier));
    if (target === null) return;
    const targetFeature = featureOf(target);
    if (targetFeature !== null && targetFeature !== featureOf(file)) {
      const entry = target.slice(`features/${targetFeature}/`.length);
      const allowed =
        entry === 'index' || entry === 'parts' || (entry === 'route' && file === 'app/router/routes');
      if (!allowed) context.report({ node, messageId: 'feature', data: { feature: targetFeature } });
    }
    if ((target === 'platform/electron' || target === 'platform/web') && file !== 'platform/index')
      context.report({ node, messageId: 'platform' });
    if (!typeOnly && !isStore(file)) {
      // The entry (app/start.tsx) provides the context; everything else reads through its feature's queries.ts.
      if (target === 'db/DatabaseContext' && file !== 'app/start')
        context.report({ node, messageId: 'database' });
      if (target === 'db/database' && !mayOpen(file)) context.report({ node, messageId: 'database' });
    }
  };

  const allTypes = (node) =>
    node.importKind === 'type' ||
    node.exportKind === 'type' ||
    (node.specifiers?.length > 0 &&
      node.specifiers.every(
        (specifier) => specifier.importKind === 'type' || specifier.exportKind === 'type',
      ));

  return {
    ImportDeclaration: (node) => check(node, node.source.value, allTypes(node)),
    ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, allTypes(node)),
    ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
    ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    // The database's tables, however it was obtained: `db.invoices`, `database().invoices`, `db.table('x')`.
    MemberExpression: (node) => {
      if (isStore(file) || node.computed || node.property.type !== 'Identifier') return;
      const name = node.property.name;
      if (name === 'table' && node.parent.type === 'CallExpression' && node.parent.callee === node) {
        context.report({ node, messageId: 'table', data: { name } });
        return;
      }
      if (!tables.has(name)) return;
      const object = node.object;
      const isDatabase =
        (object.type === 'Identifier' && /^(db|database|archive)$/i.test(object.name)) ||
        (object.type === 'CallExpression' &&
          object.callee.type === 'Identifier' &&
          /^(db|database|archive)$/i.test(object.callee.name));
      if (isDatabase) context.report({ node, messageId: 'table', data: { name } });
    },
  };
};

export const rendererBoundaries = {
  rules: {
    boundaries: {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          dexie:
            "Only features/*/queries.ts, features/*/edits.ts and db/ use Dexie ('{{specifier}}'): read in queries.ts, write in edits.ts (ARCHITECTURE.md).",
          database:
            'Only features/*/queries.ts, features/*/edits.ts and db/ reach the database; the entry and the workers may open it for db/ adapters (ARCHITECTURE.md).',
          table:
            "Table '{{name}}' touched outside features/*/queries.ts, features/*/edits.ts and db/ (ARCHITECTURE.md).",
          feature:
            "Another feature is used only through its index.ts (or parts.ts): import '../{{feature}}' (ARCHITECTURE.md).",
          platform:
            'Only platform/index.ts imports a platform implementation; use platform/index (ARCHITECTURE.md).',
        },
      },
      create,
    },
  },
};
