import { lazy } from 'react';
import type { RouteDescriptor } from '../../app/router/routeDescriptor';

export const invoicesRoute = {
  id: 'invoices',
  path: '/invoices',
  labelKey: 'nav.invoices',
  page: lazy(() => import('./InvoicesPage').then((module) => ({ default: module.InvoicesPage }))),
  itemPage: lazy(() =>
    import('./InvoiceDetailPage').then((module) => ({ default: module.InvoiceDetailPage })),
  ),
} as const satisfies RouteDescriptor;
