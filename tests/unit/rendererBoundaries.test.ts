import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The renderer's feature rules (scripts/eslintRendererBoundaries.js, wired in eslint.config.js): each
// bad snippet is reported, each good one is not. Probe files do not exist on disk, so type-aware rules
// are switched off; the boundary rule needs no types.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

const violations = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(`${code}\nexport const y = 1;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'renderer-boundaries/boundaries')
    .map((message) => message.message);
};

describe('renderer boundaries', () => {
  it.each([
    // Dexie and the database only in queries.ts, edits.ts and db/.
    ['renderer/features/invoices/InvoicesPage.tsx', "import { useLiveQuery } from 'dexie-react-hooks';"],
    ['renderer/features/invoices/InvoicesPage.tsx', "import { Dexie } from 'dexie';"],
    [
      'renderer/features/invoices/InvoicesPage.tsx',
      "import { useDatabase } from '../../db/DatabaseContext';",
    ],
    ['renderer/app/StatusBar.tsx', "import { useDatabase } from '../db/DatabaseContext';"],
    ['renderer/ui/Probe.tsx', "import { InvoiceDeskDatabase } from '../db/database';"],
    ['renderer/features/lines/useProbe.ts', 'export const f = (db: never) => db.invoices;'],
    ['renderer/workers/lineIndex/probe.ts', 'export const f = (db: never) => db.lineBlocks.count();'],
    ['renderer/workers/sync/probe.ts', 'export const f = (database: () => never) => database().outbox;'],
    ['renderer/app/probe.ts', "export const f = (x: never) => x.table('invoices');"],
    // A feature reaches another only through its index.ts.
    ['renderer/features/lines/LinesPage.tsx', "import { useNames } from '../designations/useDesignations';"],
    ['renderer/features/invoices/pdf/Probe.tsx', "import { x } from '../../lines/explorerColumns';"],
    ['renderer/features/invoices/Probe.tsx', "import { x } from '../settings/profiles/ProfileContext';"],
    ['renderer/app/StatusBar.tsx', "import { x } from '../features/settings/ProfilesPanel';"],
    ['renderer/features/overview/Probe.tsx', "export { x } from '../invoices/queries';"],
    // parts.ts is a second entry, not a way into any other file of the feature.
    ['renderer/features/analytics/Probe.tsx', "import { PeriodExport } from '../exports/PeriodExport';"],
    ['renderer/features/analytics/Probe.tsx', "import { x } from '../exports/parts/x';"],
    ['renderer/features/overview/Probe.tsx', "export const P = () => import('../invoices/InvoicesPage');"],
    ['renderer/app/PageView.tsx', "import { overviewRoute } from '../features/overview/route';"],
    // Only platform/index.ts picks a platform implementation.
    ['renderer/app/main.tsx', "import { x } from '../platform/electron';"],
    ['renderer/platform/PlatformContext.tsx', "import { x } from './web';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await violations(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/features/invoices/queries.ts', "import { useLiveQuery } from 'dexie-react-hooks';"],
    ['renderer/features/invoices/queries.ts', 'export const f = (db: never) => db.invoices;'],
    ['renderer/features/designations/edits.ts', "import { useDatabase } from '../../db/DatabaseContext';"],
    ['renderer/db/probe.ts', 'export const f = (db: never) => db.table("invoices");'],
    ['renderer/app/start.tsx', "import { InvoiceDeskDatabase } from '../db/database';"],
    ['renderer/app/start.tsx', "import { DatabaseContext } from '../db/DatabaseContext';"],
    ['renderer/workers/sync/syncWorker.ts', "import { InvoiceDeskDatabase } from '../../db/database';"],
    ['renderer/features/lines/Probe.tsx', "import type { InvoiceDeskDatabase } from '../../db/database';"],
    ['renderer/features/lines/Probe.tsx', "import type { Table } from 'dexie';"],
    ['renderer/features/lines/Probe.tsx', 'export const f = (facts: never) => facts.services;'],
    ['renderer/features/lines/LinesPage.tsx', "import { useNames } from '../designations';"],
    ['renderer/features/lines/LinesPage.tsx', "import { useNames } from '../designations/index';"],
    ['renderer/features/invoices/pdf/Probe.tsx', "import { zoom } from '../pdf/zoom';"],
    ['renderer/features/invoices/pdf/Probe.tsx', "import { x } from '../queries';"],
    ['renderer/app/router/routes.ts', "import { overviewRoute } from '../../features/overview/route';"],
    ['renderer/app/main.tsx', "import { resolveProfile } from '../features/settings';"],
    ['renderer/features/analytics/AnalyticsPage.tsx', "import { PeriodExport } from '../exports/parts';"],
    ['renderer/app/AppShell.tsx', "const parts = () => import('../features/updates/parts');"],
    ['renderer/platform/index.ts', "import { x } from './electron';"],
    ['renderer/platform/index.ts', "import { x } from './web';"],
  ])('%s may: %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });

  it('lints the real renderer clean (the rules hold today, not only for probes)', async () => {
    const results = await eslint.lintFiles(['renderer/**/*.{ts,tsx}']);
    const broken = results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId === 'renderer-boundaries/boundaries')
        .map((message) => `${result.filePath}:${message.line} ${message.message}`),
    );
    expect(broken).toEqual([]);
    // Linting every renderer file takes a while on a busy machine.
  }, 120_000);
});
