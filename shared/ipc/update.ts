import { z } from 'zod';
import { FEED_URL_MAX_LENGTH } from '../update/feedUrl';
import { updateErrorCodes } from '../update/policy';

const VersionSchema = z.string().min(1).max(64);

export const UpdatePhaseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disabled'), reason: z.enum(['development', 'noFeed']) }),
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  z.object({ kind: z.literal('upToDate') }),
  z.object({ kind: z.literal('available'), version: VersionSchema }),
  z.object({
    kind: z.literal('downloading'),
    version: VersionSchema,
    percent: z.number().int().min(0).max(100),
  }),
  z.object({ kind: z.literal('downloaded'), version: VersionSchema }),
  z.object({ kind: z.literal('error'), code: z.enum(updateErrorCodes) }),
]);

/** What main tells the page about updates, on request and pushed on every change. */
export const UpdateStatusSchema = z.object({
  phase: UpdatePhaseSchema,
  /** A downloaded update while the clerk is not busy: the page offers "Restart and update". */
  offerRestart: z.boolean(),
  currentVersion: VersionSchema,
  /** The feed in use (the override or the build's), null for none. */
  feedUrl: z.string().max(FEED_URL_MAX_LENGTH).nullable(),
  /** The feed this version was built with (INVOICE_DESK_UPDATE_URL), null for none. */
  buildFeedUrl: z.string().max(FEED_URL_MAX_LENGTH).nullable(),
  /** The clerk's (IT department's) override as saved, null when the build's feed applies. */
  feedOverride: z.string().max(FEED_URL_MAX_LENGTH).nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

/** The page is (or is no longer) in the middle of an import, an export or an archive. */
export const UpdateBusyRequestSchema = z.object({ busy: z.boolean() });

/** Empty clears the override; main checks the rest (shared/update/feedUrl.ts) and refuses with `update.badFeedUrl`. */
export const UpdateFeedRequestSchema = z.object({ feedUrl: z.string().max(FEED_URL_MAX_LENGTH + 64) });
