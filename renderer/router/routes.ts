/** The app's pages. Routes live in the hash so they work on app:// and http:// alike, and survive reload. */
export const pages = ['overview', 'invoices', 'costCenters', 'analytics', 'settings'] as const;
export type PageId = (typeof pages)[number];

const paths: Record<PageId, string> = {
  overview: '/overview',
  invoices: '/invoices',
  costCenters: '/cost-centres',
  analytics: '/analytics',
  settings: '/settings',
};

export interface Route {
  page: PageId | 'notFound';
  params: URLSearchParams;
}

export const hrefFor = (page: PageId, params?: URLSearchParams): string => {
  const query = params?.toString();
  return `#${paths[page]}${query ? `?${query}` : ''}`;
};

export const parseHash = (hash: string): Route => {
  const raw = hash.replace(/^#/, '') || paths.overview;
  const [path = '', query = ''] = raw.split('?', 2);
  const page = pages.find((candidate) => paths[candidate] === path);
  return { page: page ?? 'notFound', params: new URLSearchParams(query) };
};
