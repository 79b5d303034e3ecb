/** The app's pages. Routes live in the hash so they work on app:// and http:// alike, and survive reload. */
export const pages = [
  'overview',
  'invoices',
  'lines',
  'names',
  'costCenters',
  'analytics',
  'settings',
] as const;
export type PageId = (typeof pages)[number];

const paths: Record<PageId, string> = {
  overview: '/overview',
  invoices: '/invoices',
  lines: '/lines',
  names: '/names',
  costCenters: '/cost-centres',
  analytics: '/analytics',
  settings: '/settings',
};

export type Route =
  | { page: PageId | 'notFound'; params: URLSearchParams }
  | { page: 'invoice'; invoiceId: string; params: URLSearchParams };

export const hrefFor = (page: PageId, params?: URLSearchParams): string => {
  const query = params?.toString();
  return `#${paths[page]}${query ? `?${query}` : ''}`;
};

export const hrefForInvoice = (invoiceId: string, params?: URLSearchParams): string => {
  const query = params?.toString();
  return `#/invoices/${encodeURIComponent(invoiceId)}${query ? `?${query}` : ''}`;
};

export const parseHash = (hash: string): Route => {
  const raw = hash.replace(/^#/, '') || paths.overview;
  const separator = raw.indexOf('?');
  const path = separator === -1 ? raw : raw.slice(0, separator);
  const params = new URLSearchParams(separator === -1 ? '' : raw.slice(separator + 1));
  const invoice = /^\/invoices\/([^/]+)$/.exec(path);
  if (invoice?.[1]) {
    try {
      return { page: 'invoice', invoiceId: decodeURIComponent(invoice[1]), params };
    } catch {
      return { page: 'notFound', params };
    }
  }
  const page = pages.find((candidate) => paths[candidate] === path);
  return { page: page ?? 'notFound', params };
};

/** The nav entry a route belongs to (an invoice belongs to Invoices). */
export const sectionOf = (route: Route): PageId | 'notFound' =>
  route.page === 'invoice' ? 'invoices' : route.page;
