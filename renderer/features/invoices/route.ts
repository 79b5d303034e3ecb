import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const invoicesRoute = {
  id: 'invoices',
  path: '/invoices',
  labelKey: 'nav.invoices',
  page: lazyPage(() => import('./InvoicesPage').then((module) => ({ default: module.InvoicesPage }))),
  warmTables: ['invoices'],
  itemPage: lazyPage(() =>
    import('./InvoiceDetailPage').then((module) => ({ default: module.InvoiceDetailPage })),
  ),
} as const satisfies RouteDescriptor;
