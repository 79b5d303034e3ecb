// Zod is configured before any schema exists: zodConfig and zod share one chunk (vite.config.ts),
// which every chunk that builds a schema imports, so it always runs first.
import '../../shared/zodConfig';
import './openedPage';
import start from './start';
import { initialLanguage } from './i18nSetup';
import { showStartFailure } from './startFailure';

start().catch((error: unknown) => {
  // Said to the clerk in words, and kept in the console for whoever looks into it.
  console.error('Invoice Desk could not start', error);
  const root = document.getElementById('root');
  if (root) showStartFailure(root, initialLanguage(), () => window.location.reload());
});
