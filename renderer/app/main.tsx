// Zod is configured before any schema exists: zodConfig and zod share one chunk (vite.config.ts),
// which every chunk that builds a schema imports, so it always runs first.
import '../../shared/zodConfig';
import './openedPage';
import start from './start';

void start();
