import type { LineIndexClient } from '../../workers/lineIndex/lineIndexClient';
import type { Disposable } from '../../../shared/core/disposable';
import type { InvoiceDeskDatabase } from '../../db/database';
import { warmTables } from '../../db/warm';
import { analyticsRoute } from '../../features/analytics/route';
import { archiveRoute } from '../../features/archive/route';
import { assignmentsRoute } from '../../features/assignments/route';
import { auditRoute } from '../../features/audit/route';
import { costCentersRoute } from '../../features/costCenters/route';
import { designationsRoute } from '../../features/designations/route';
import { exportsRoute } from '../../features/exports/route';
import { invoicesRoute } from '../../features/invoices/route';
import { linesRoute } from '../../features/lines/route';
import { overviewRoute } from '../../features/overview/route';
import { settingsRoute } from '../../features/settings/route';

/**
 * The app's pages, in navigation order, from their features' `route.ts`. Routes live in the hash so
 * they work on app:// and http:// alike, and survive reload.
 */
export const routeTable = [
  overviewRoute,
  invoicesRoute,
  linesRoute,
  designationsRoute,
  costCentersRoute,
  assignmentsRoute,
  analyticsRoute,
  exportsRoute,
  archiveRoute,
  auditRoute,
  settingsRoute,
] as const;

export type PageId = (typeof routeTable)[number]['id'];
export type PageRoute = (typeof routeTable)[number];

export const pages: readonly PageId[] = routeTable.map((route) => route.id);

/** A route: a page of the table, with one item below its path when the page has item pages. */
export interface Route {
  page: PageId | 'notFound';
  params: URLSearchParams;
  itemId?: string;
}

const routeOf = (page: PageId): PageRoute => {
  const route = routeTable.find((candidate) => candidate.id === page);
  if (!route) throw new Error(`No route ${page}`);
  return route;
};

const withQuery = (path: string, params?: URLSearchParams): string => {
  const query = params?.toString();
  return `#${path}${query ? `?${query}` : ''}`;
};

export const hrefFor = (page: PageId, params?: URLSearchParams): string =>
  withQuery(routeOf(page).path, params);

export const hrefForItem = (page: PageId, itemId: string, params?: URLSearchParams): string =>
  withQuery(`${routeOf(page).path}/${encodeURIComponent(itemId)}`, params);

export const hrefForInvoice = (invoiceId: string, params?: URLSearchParams): string =>
  hrefForItem('invoices', invoiceId, params);

export const parseHash = (hash: string): Route => {
  const raw = hash.replace(/^#/, '') || overviewRoute.path;
  const separator = raw.indexOf('?');
  const path = separator === -1 ? raw : raw.slice(0, separator);
  const params = new URLSearchParams(separator === -1 ? '' : raw.slice(separator + 1));
  for (const route of routeTable) {
    if (path === route.path) return { page: route.id, params };
    if (!('itemPage' in route) || !path.startsWith(`${route.path}/`)) continue;
    const item = path.slice(route.path.length + 1);
    if (item === '' || item.includes('/')) continue;
    try {
      return { page: route.id, itemId: decodeURIComponent(item), params };
    } catch {
      return { page: 'notFound', params };
    }
  }
  return { page: 'notFound', params };
};

/** Starts fetching the code of the page a route shows; a failure surfaces when the page renders. */
/** Fetches a route's page; settles (never rejects) once its code is here or failed to come. */
export const preloadPage = (route: Route): Promise<void> => {
  const entry = routeTable.find((candidate) => candidate.id === route.page);
  if (!entry) return Promise.resolve();
  const page = route.itemId !== undefined && 'itemPage' in entry ? entry.itemPage : entry.page;
  // A failed load is the page's to report when it renders.
  return page.preload().then(
    () => undefined,
    () => undefined,
  );
};

/**
 * Starts the reads of the page a cold start opens while its code loads and React renders (see
 * db/warm.ts); for a list page only, not its items.
 */
export const warmPage = (
  route: Route,
  sources: { db: InvoiceDeskDatabase; lineIndex: () => LineIndexClient },
): Disposable => {
  const entry =
    route.itemId === undefined ? routeTable.find((candidate) => candidate.id === route.page) : undefined;
  // The worker boots while the page loads; the page asks for the index once its first rows show.
  if (entry && 'warmLineIndex' in entry) sources.lineIndex();
  return warmTables(sources.db, entry && 'warmTables' in entry ? entry.warmTables : []);
};

/** The nav entry a route belongs to (an invoice belongs to Invoices). */
export const sectionOf = (route: Route): PageId | 'notFound' => route.page;
