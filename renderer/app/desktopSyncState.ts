import type { Disposable } from '../../shared/core/disposable';
import type { DesktopSyncState } from '../../shared/ipc/desktop';
import type { Language } from '../../shared/i18n/languages';
import type { SyncFacts } from '../db/conflictNotices';
import type { SyncStatus } from '../workers/sync/syncStatusStore';

/**
 * The status bar's facts as the tray tells them: a run in progress first, then no network, then
 * the last run's failure, then edits waiting for the clerk.
 */
export const desktopSyncStateOf = (
  status: SyncStatus,
  facts: SyncFacts,
  language: Language,
): DesktopSyncState => {
  const phase: DesktopSyncState['phase'] = status.running
    ? 'syncing'
    : !status.online
      ? 'offline'
      : status.error
        ? 'failed'
        : facts.unsettled > 0
          ? 'conflicts'
          : 'idle';
  const progress =
    status.running && status.progress
      ? {
          done: status.progress.lines.done + status.progress.documents.done,
          total: status.progress.lines.total + status.progress.documents.total,
        }
      : null;
  return { phase, progress, unsettled: facts.unsettled, lastSuccessAt: facts.lastSuccessAt, language };
};

/** What makes a tooltip differ: the progress only by whole percents, so a tick of lines sends nothing. */
const signature = (state: DesktopSyncState): string =>
  JSON.stringify({
    ...state,
    progress:
      state.progress && state.progress.total > 0
        ? Math.floor((100 * state.progress.done) / state.progress.total)
        : null,
  });

export interface SyncStateReporterDeps {
  /** The status bar's store: subscribe returns its unsubscribe. */
  status: { getState(): SyncStatus; subscribe(listener: (status: SyncStatus) => void): () => void };
  /** The archive's facts (renderer/db/conflictNotices.ts watchSyncFacts). */
  watchFacts: (onChange: (facts: SyncFacts) => void) => Disposable;
  language: () => Language;
  /** Called on a change of language: returns its unsubscribe. */
  onLanguageChanged: (listener: () => void) => () => void;
  report: (state: DesktopSyncState) => Promise<void>;
}

/** Sends the page's sync state to main whenever what the tray would show changes. */
export const reportSyncState = ({
  status,
  watchFacts,
  language,
  onLanguageChanged,
  report,
}: SyncStateReporterDeps): Disposable => {
  let facts: SyncFacts | null = null;
  let sent = '';
  const send = () => {
    // Until the archive's facts are read, the tray would say "never synchronised" wrongly.
    if (facts === null) return;
    const state = desktopSyncStateOf(status.getState(), facts, language());
    const key = signature(state);
    if (key === sent) return;
    sent = key;
    // The tray is a convenience: a refused report leaves it as it was.
    report(state).catch(() => undefined);
  };
  const unsubscribeStatus = status.subscribe(send);
  const unsubscribeLanguage = onLanguageChanged(send);
  const facts$ = watchFacts((next) => {
    facts = next;
    send();
  });
  return {
    dispose: () => {
      unsubscribeStatus();
      unsubscribeLanguage();
      facts$.dispose();
    },
  };
};
