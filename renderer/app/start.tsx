// Loaded by main.tsx once zod is configured.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { ArchiveError } from '../db/archiveErrors';
import { InvoiceDeskDatabase } from '../db/database';
import { NewerArchivePage } from './NewerArchivePage';
import { DatabaseContext } from '../db/DatabaseContext';
import { createI18n, initialLanguage } from './i18nSetup';
import { detectPlatform } from '../platform';
import { LineIndexContext } from '../workers/lineIndex/LineIndexContext';
import { createLineIndexClient, type LineIndexClient } from '../workers/lineIndex/lineIndexClient';
import { PlatformContext } from '../platform/PlatformContext';
import { DisposableStore } from '../ui/lifecycle';
import type { Platform } from '../platform/Platform';
import {
  loadNotifyBudgetAlerts,
  loadNotifyConflicts,
  loadNotifyNewInvoices,
  notifyConflicts,
  loadSyncInterval,
  loadTheme,
  newProfileId,
  ProfileContext,
  resolveProfile,
} from '../features/settings';
import type { Customer } from '../../shared/profiles/profiles';
import { rememberVisit } from './lastVisit';
import { parseHash, preloadPage, warmPage } from './router/routes';
import { watchPendingEdits } from '../db/pendingEdits';
import { PreviousVisitContext } from '../ui/PreviousVisitContext';
import { formatLanguageFor, useFormatChoice } from '../ui/useLanguage';
import { SyncContext } from '../workers/sync/SyncContext';
import { createSyncController } from '../workers/sync/syncController';
import '../styles.css';
import { loadAuditDevice } from './device';
import { reportSyncState } from './desktopSyncState';
import { watchSyncFacts } from '../db/conflictNotices';
import { useSyncStatus } from '../workers/sync/syncStatusStore';
import { isLanguage } from '../../shared/i18n/languages';
import { toDisposable } from '../../shared/core/disposable';
import { CommandContext } from './commands/CommandContext';
import { createCommandDispatcher } from './commands/dispatcher';
import { costCenterImportRequests } from './commands/importRequests';
import { navigate } from './router/navigate';
import { CatalogueUnavailable } from './startFailure';

/** Asks the operator who the connected customer is, briefly: a start offline must not wait for it. */
const customerOf = async (platform: Platform): Promise<Customer | null> => {
  try {
    // The client and the contract's schemas load only when the operator must be asked: a usual
    // start opens the active profile without asking anyone.
    const { createApiClient } = await import('../../shared/api/client');
    const client = createApiClient({ fetch: platform.apiFetch, retry: { maxAttempts: 1 } });
    const customer = await client.getCustomer({ signal: AbortSignal.timeout(5_000) });
    return { customerNumber: customer.customerNumber, name: customer.name };
  } catch {
    return null;
  }
};

const start = async () => {
  // Pages load lazily: fetch the one this start opens while settings are read and the archive opens.
  const pageLoaded = preloadPage(parseHash(window.location.hash));
  // The platform's code too, while the language's catalogue loads.
  const platformLoaded = detectPlatform();
  const language = initialLanguage();
  const i18n = await createI18n(language);
  if (!i18n.hasResourceBundle(language, 'translation')) throw new CatalogueUnavailable(language);
  const platform = await platformLoaded;
  const profile = await resolveProfile({
    storage: localStorage,
    indexedDB,
    IDBKeyRange,
    backend: (await platform.connection.get()).settings,
    fetchCustomer: () => customerOf(platform),
    now: () => new Date(),
    newId: newProfileId,
  });
  const db = new InvoiceDeskDatabase(profile.databaseName);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  // Before anything reads or writes the archive (sync, line index): one from a newer release is left alone.
  const [refused, device] = await Promise.all([
    db.open().then(
      () => null,
      (error: unknown) => (error instanceof ArchiveError ? error : null),
    ),
    loadAuditDevice(localStorage, platform),
  ]);
  db.auditDevice = device;
  if (refused) {
    // The shell that normally applies the theme is not rendered here.
    document.documentElement.dataset.theme = loadTheme(localStorage);
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <NewerArchivePage />
        </I18nextProvider>
      </StrictMode>,
    );
    return;
  }
  const previousVisit = rememberVisit(localStorage, new Date());
  // The archive outlives the operator's window: ask the browser never to evict it under pressure.
  void navigator.storage.persist().catch(() => false);
  // Everything this page load starts, ended with it (workers, timers, listeners).
  const lifetime = new DisposableStore();
  window.addEventListener('pagehide', (event) => {
    // A page kept in the back-forward cache comes back as it was: its workers must live on.
    if (!event.persisted) lifetime.dispose();
  });
  const sync = lifetime.add(
    createSyncController({
      platform,
      createWorker: () =>
        new Worker(new URL('../workers/sync/syncWorker.ts', import.meta.url), {
          type: 'module',
          name: 'invoice-desk-sync',
        }),
      databaseName: profile.databaseName,
      device,
      intervalMinutes: loadSyncInterval(localStorage, profile.id),
      watchEdits: (onEdit) => watchPendingEdits(db, onEdit),
      onNewInvoices: (run) => {
        if (!loadNotifyNewInvoices(localStorage, profile.id)) return;
        void platform.notify(
          i18n.t('sync.newInvoicesTitle'),
          i18n.t('sync.newInvoicesBody', { count: run.newInvoices }),
          'newInvoices',
        );
      },
      onFinished: () => {
        // Each conflict or refusal the push recorded is told once, with a click to where it is settled.
        notifyConflicts({
          db,
          allowed: () => loadNotifyConflicts(localStorage, profile.id),
          notify: (title, body, kind) => platform.notify(title, body, kind),
          t: i18n.t.bind(i18n),
        }).catch(() => undefined);
        // The budgets feature (its panels and styles) loads only for a clerk who asked to be told:
        // a static import put it in the entry every start parses.
        if (!loadNotifyBudgetAlerts(localStorage, profile.id)) return;
        // A notification that cannot be raised is no error to show: the alerts are on the Overview.
        void import('../features/budgets')
          .then(({ notifyBudgetAlerts }) =>
            notifyBudgetAlerts({
              db,
              allowed: () => loadNotifyBudgetAlerts(localStorage, profile.id),
              notify: (title, body) => platform.notify(title, body, 'budgetAlerts'),
              t: i18n.t.bind(i18n),
              language: () => formatLanguageFor(i18n.language, useFormatChoice.getState().choice),
              now: () => new Date(),
            }),
          )
          .catch(() => undefined);
      },
    }),
  );
  sync.syncNow();
  const report = platform.reportSyncState?.bind(platform);
  if (report) {
    lifetime.add(
      reportSyncState({
        status: useSyncStatus,
        watchFacts: (onChange) => watchSyncFacts(db, onChange),
        language: () => (isLanguage(i18n.language) ? i18n.language : 'en'),
        onLanguageChanged: (listener) => {
          i18n.on('languageChanged', listener);
          return () => i18n.off('languageChanged', listener);
        },
        report,
      }),
    );
  }
  const dispatch = createCommandDispatcher({
    syncNow: () => {
      sync.syncNow();
    },
    navigate: (hash) => {
      navigate(hash);
    },
    imports: costCenterImportRequests,
  });
  lifetime.add(platform.onCommand(dispatch));
  // The shell's menu speaks the page's language, now and after every switch in Settings.
  const reportLanguage = (language: string) => {
    if (isLanguage(language)) platform.reportLanguage(language);
  };
  reportLanguage(i18n.language);
  i18n.on('languageChanged', reportLanguage);
  lifetime.add(toDisposable(() => i18n.off('languageChanged', reportLanguage)));
  let lineIndex: LineIndexClient | null = null;
  const getLineIndex = () =>
    (lineIndex ??= lifetime.add(
      createLineIndexClient(
        new Worker(new URL('../workers/lineIndex/lineIndexWorker.ts', import.meta.url), {
          type: 'module',
          name: 'invoice-desk-lines',
        }),
        profile.databaseName,
      ),
    ));

  lifetime.add(warmPage(parseHash(window.location.hash), { db, lineIndex: getLineIndex }));
  // Rendered with the page's code at hand, so the first commit shows the page, not a fallback.
  await pageLoaded;
  createRoot(root).render(
    <StrictMode>
      <PlatformContext value={platform}>
        <ProfileContext value={profile}>
          <DatabaseContext value={db}>
            <SyncContext value={sync}>
              <LineIndexContext value={getLineIndex}>
                <PreviousVisitContext value={previousVisit}>
                  <I18nextProvider i18n={i18n}>
                    <CommandContext value={dispatch}>
                      <App />
                    </CommandContext>
                  </I18nextProvider>
                </PreviousVisitContext>
              </LineIndexContext>
            </SyncContext>
          </DatabaseContext>
        </ProfileContext>
      </PlatformContext>
    </StrictMode>,
  );
};

export default start;
