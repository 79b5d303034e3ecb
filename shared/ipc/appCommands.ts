import { z } from 'zod';
import { OPEN_FILE_MAX_BYTES, openFileFormats, type OpenFileFormat } from './openFile';

/**
 * Commands main sends to the page (the application menu, the tray, a notification the clerk
 * clicked), one way, on one channel. Main is trusted, but the page still checks every command
 * against this schema (renderer/platform/electron.ts): a command it cannot read is dropped, never
 * half-run.
 */

export { APP_COMMAND_CHANNEL } from './channels';

/**
 * The paths of the app's pages (renderer/app/router/routes.ts builds the same list from each
 * feature's route.ts; routes.test.ts holds the two together). Main cannot import the renderer.
 */
export const appRoutePaths = [
  '/overview',
  '/invoices',
  '/lines',
  '/names',
  '/cost-centres',
  '/assignments',
  '/analytics',
  '/exports',
  '/archive',
  '/audit',
  '/settings',
] as const;
export type AppRoutePath = (typeof appRoutePaths)[number];

/** A file dropped on the window or handed over by main: its base name and bytes, bounded like an opened file. */
export const CommandFileSchema = z.object({
  name: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array<ArrayBuffer>).refine((bytes) => bytes.byteLength <= OPEN_FILE_MAX_BYTES, {
    message: `must be at most ${OPEN_FILE_MAX_BYTES} bytes`,
  }),
});
export type CommandFile = z.infer<typeof CommandFileSchema>;

export const AppCommandSchema = z.discriminatedUnion('kind', [
  /** Starts a sync run now (a run in progress is not doubled). */
  z.object({ kind: z.literal('syncNow') }),
  /** Opens a page; `query` is the page's own query ("status=open"), as its links carry it. */
  z.object({
    kind: z.literal('navigate'),
    route: z.enum(appRoutePaths),
    query: z.string().max(1000).optional(),
  }),
  /** Opens the cost-centre import: with the given file, or with the file picker. */
  z.object({ kind: z.literal('importCostCenters'), file: CommandFileSchema.optional() }),
  /** Opens the period exports (the page "Exports"). */
  z.object({ kind: z.literal('export') }),
  z.object({ kind: z.literal('openSettings') }),
]);
export type AppCommand = z.infer<typeof AppCommandSchema>;
export type AppCommandKind = AppCommand['kind'];

/** The command, or null for anything else: the page runs only what it can read. */
export const parseAppCommand = (payload: unknown): AppCommand | null => {
  const parsed = AppCommandSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
};

/** The spreadsheet format a file's name says it is ("Kostenstellen.XLSX" → xlsx), or null for any other file. */
export const importableFormatOf = (fileName: string): OpenFileFormat | null => {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return null;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return openFileFormats.find((format) => format === extension) ?? null;
};
