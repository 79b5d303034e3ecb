import { z } from 'zod';
import { languages } from '../i18n/languages';
import { InstantSchema } from '../api/schemas';

/**
 * What the page tells main about its sync, for the tray's tooltip (electron/tray.ts): the status
 * bar's own source of truth, reduced to what a tooltip can say.
 */
export const desktopSyncPhases = ['idle', 'syncing', 'offline', 'failed', 'conflicts'] as const;
export type DesktopSyncPhase = (typeof desktopSyncPhases)[number];

/** A bound far above any archive, so a damaged number cannot make the tooltip absurd. */
const MAX_COUNT = 100_000_000;
const Count = z.number().int().min(0).max(MAX_COUNT);

export const DesktopSyncStateSchema = z.object({
  phase: z.enum(desktopSyncPhases),
  /** While syncing: items fetched of those known (lines and documents), when known. */
  progress: z.object({ done: Count, total: Count }).nullable(),
  /** Edits the operator refused or found in conflict, waiting for the clerk. */
  unsettled: Count,
  /** The last run that finished without failure; null before the first. */
  lastSuccessAt: InstantSchema.nullable(),
  /** The page's language: the tray speaks it too. */
  language: z.enum(languages),
});
export type DesktopSyncState = z.infer<typeof DesktopSyncStateSchema>;

/** What main holds before the page has said anything. */
export const initialDesktopSyncState = (language: DesktopSyncState['language']): DesktopSyncState => ({
  phase: 'idle',
  progress: null,
  unsettled: 0,
  lastSuccessAt: null,
  language,
});

/** Device settings kept by main, read before any window exists (electron/background.ts). */
export const DesktopSettingsSchema = z.object({
  /** Closing the window hides it; the page and its sync schedule stay alive until Quit. */
  keepSyncingInBackground: z.boolean(),
});
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;
