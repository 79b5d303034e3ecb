// Before any schema is used: see shared/zodConfig.ts.
import '../shared/zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { ArchiveError } from './db/archiveErrors';
import { InvoiceDeskDatabase } from './db/database';
import { NewerArchivePage } from './pages/NewerArchivePage';
import { DatabaseContext } from './db/DatabaseContext';
import { createI18n, initialLanguage } from './i18n/setup';
import { detectPlatform } from './platform';
import { LineIndexContext } from './lines/LineIndexContext';
import { createLineIndexClient, type LineIndexClient } from './lines/lineIndexClient';
import { PlatformContext } from './platform/PlatformContext';
import { rememberVisit } from './state/lastVisit';
import { loadNotifyNewInvoices, loadSyncInterval, loadTheme } from './state/localSettings';
import { PreviousVisitContext } from './state/PreviousVisitContext';
import { SyncContext } from './sync/SyncContext';
import { createSyncController } from './sync/syncController';
import './styles.css';

const start = async () => {
  const i18n = await createI18n(initialLanguage());
  const platform = detectPlatform();
  const db = new InvoiceDeskDatabase();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  // Before anything reads or writes the archive (sync, line index): one from a newer release is left alone.
  const refused = await db.open().then(
    () => null,
    (error: unknown) => (error instanceof ArchiveError ? error : null),
  );
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
  const sync = createSyncController({
    platform,
    createWorker: () =>
      new Worker(new URL('./sync/worker.ts', import.meta.url), { type: 'module', name: 'invoice-desk-sync' }),
    intervalMinutes: loadSyncInterval(localStorage),
    onNewInvoices: (run) => {
      if (!loadNotifyNewInvoices(localStorage)) return;
      void platform.notify(
        i18n.t('sync.newInvoicesTitle'),
        i18n.t('sync.newInvoicesBody', { count: run.newInvoices }),
      );
    },
  });
  sync.syncNow();
  let lineIndex: LineIndexClient | null = null;
  const getLineIndex = () =>
    (lineIndex ??= createLineIndexClient(
      new Worker(new URL('./lines/lineIndexWorker.ts', import.meta.url), {
        type: 'module',
        name: 'invoice-desk-lines',
      }),
    ));

  createRoot(root).render(
    <StrictMode>
      <PlatformContext value={platform}>
        <DatabaseContext value={db}>
          <SyncContext value={sync}>
            <LineIndexContext value={getLineIndex}>
              <PreviousVisitContext value={previousVisit}>
                <I18nextProvider i18n={i18n}>
                  <App />
                </I18nextProvider>
              </PreviousVisitContext>
            </LineIndexContext>
          </SyncContext>
        </DatabaseContext>
      </PlatformContext>
    </StrictMode>,
  );
};

void start();
