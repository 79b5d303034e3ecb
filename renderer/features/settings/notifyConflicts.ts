import type { TFunction } from 'i18next';
import type { NotificationKind } from '../../../shared/desktop/notificationRoutes';
import { claimConflictNotices } from '../../db/conflictNotices';
import type { InvoiceDeskDatabase } from '../../db/database';

export interface ConflictNotifyDeps {
  db: InvoiceDeskDatabase;
  /** Whether the clerk allows it (Settings), asked after each sync: the choice may have changed. */
  allowed: () => boolean;
  notify: (title: string, body: string, kind: NotificationKind) => Promise<boolean>;
  t: TFunction;
}

/**
 * After a sync: one desktop notification for the conflicts and refusals no notification has told
 * yet; a click opens the outbox in Settings, where the clerk settles them. Nothing is claimed while
 * notifications are off, so turning them on later still tells what waits.
 */
export const notifyConflicts = async (deps: ConflictNotifyDeps): Promise<number> => {
  if (!deps.allowed()) return 0;
  const count = await claimConflictNotices(deps.db);
  if (count === 0) return 0;
  await deps.notify(
    deps.t('notifications.conflictsTitle', { count }),
    deps.t('notifications.conflictsBody', { count }),
    'conflicts',
  );
  return count;
};
