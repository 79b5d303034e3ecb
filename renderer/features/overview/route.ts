import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const overviewRoute = {
  id: 'overview',
  path: '/overview',
  labelKey: 'nav.overview',
  page: lazyPage(() => import('./OverviewPage').then((module) => ({ default: module.OverviewPage }))),
} as const satisfies RouteDescriptor;
