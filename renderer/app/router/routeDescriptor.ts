import type { ComponentType, LazyExoticComponent } from 'react';

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
  readonly page: LazyExoticComponent<ComponentType<PageProps>>;
  readonly itemPage?: LazyExoticComponent<ComponentType<ItemPageProps>>;
}
