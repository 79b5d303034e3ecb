import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

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
}

/** A lazily loaded page whose code can be asked for before React renders it. */
export type LazyPage<P> = LazyExoticComponent<ComponentType<P>> & {
  readonly preload: () => Promise<unknown>;
};

/**
 * A page loaded on first use. `preload` lets the start fetch the page a cold start opens while it
 * is still reading settings and opening the archive, instead of after the shell has rendered.
 */
export const lazyPage = <P>(load: () => Promise<{ default: ComponentType<P> }>): LazyPage<P> => {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const once = () => (loading ??= load());
  return Object.assign(lazy(once), { preload: once });
};
