import { z } from 'zod';
import { appRoutePaths, type AppRoutePath } from '../shared/ipc/appCommands';
import { APP_ENTRY_URL, isAppUrl } from './appOrigin';
import type { WindowStateFiles } from './windowState';

const LastPageSchema = z.object({ path: z.enum(appRoutePaths) });

/**
 * The page an app URL shows ("app://invoice-desk/index.html#/invoices/2026-17?tab=pdf" →
 * "/invoices"): the page of the navigation, not an item or a filter, which may be gone by the
 * next start. Null for anything else.
 */
export const pageOfUrl = (url: string): AppRoutePath | null => {
  if (!isAppUrl(url)) return null;
  const hash = new URL(url).hash.replace(/^#/, '');
  const path = hash.split('?')[0] ?? '';
  return appRoutePaths.find((page) => path === page || path.startsWith(`${page}/`)) ?? null;
};

/** Where the window opens: the page the clerk was on when the app last ran, or the Overview. */
export const entryUrl = (files: WindowStateFiles): string => {
  try {
    const text = files.read();
    if (text === null) return APP_ENTRY_URL;
    const parsed = LastPageSchema.safeParse(JSON.parse(text));
    return parsed.success ? `${APP_ENTRY_URL}#${parsed.data.path}` : APP_ENTRY_URL;
  } catch {
    return APP_ENTRY_URL;
  }
};

/** The slice of WebContents this needs; Electron's WebContents satisfies it. */
export interface NavigatingContents {
  on(event: 'did-navigate-in-page', listener: (event: unknown, url: string) => void): unknown;
}

/**
 * Writes down each page the clerk opens (the routes live in the hash, so every move is an in-page
 * navigation); a move within the page (a filter, an invoice) writes nothing.
 */
export const rememberLastPage = (contents: NavigatingContents, files: WindowStateFiles): void => {
  let last: AppRoutePath | null = null;
  contents.on('did-navigate-in-page', (_event, url) => {
    const page = pageOfUrl(url);
    if (page === null || page === last) return;
    last = page;
    files.write(JSON.stringify({ path: page }));
  });
};
