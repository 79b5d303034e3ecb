import { createElement, lazy, useState, type ComponentType } from 'react';
import type { WarmTable } from '../../db/warm';

/** What a page receives from the route: the query of its hash. */
export interface PageProps {
  params: URLSearchParams;
}

/** What a page for one item below its path (`/invoices/<id>`) receives. */
export interface ItemPageProps extends PageProps {
  itemId: string;
}

/**
 * A feature's entry in the route table (app/router/routes.ts builds the table from these): adding a
 * page is one `route.ts` in its feature folder and one line in the table. Pages load lazily, so a
 * feature's code (and its libraries) reach the clerk with its first visit.
 */
export interface RouteDescriptor {
  readonly id: string;
  readonly path: `/${string}`;
  /** The navigation label's i18n key. */
  readonly labelKey: `nav.${string}`;
  readonly page: LazyPage<PageProps>;
  readonly itemPage?: LazyPage<ItemPageProps>;
  /** Tables the page reads whole for its first rows: a cold start on this page reads them while the page loads. */
  readonly warmTables?: readonly WarmTable[];
  /** The page's first rows come from the line index: a cold start on this page starts indexing at once. */
  readonly warmLineIndex?: true;
}

/** A lazily loaded page whose code can be asked for before React renders it. */
export type LazyPage<P> = ComponentType<P> & {
  readonly preload: () => Promise<unknown>;
};

/**
 * A page loaded on first use. `preload` lets the start fetch the page a cold start opens while it
 * is still reading settings and opening the archive, instead of after the shell has rendered.
 * A page whose code is already here renders at once instead of through `lazy`: suspending would
 * commit the Suspense fallback first, and React then holds back the page's content for its
 * fallback throttle (300 ms), whatever else is ready.
 */
export const lazyPage = <P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): LazyPage<P> => {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  let loaded: ComponentType<P> | undefined;
  const once = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(once);
  const Page = (props: P) => {
    // Chosen once per mount: switching from the lazy to the loaded component would remount the page.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  };
  return Object.assign(Page, { preload: once });
};
