import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const analyticsRoute = {
  id: 'analytics',
  path: '/analytics',
  labelKey: 'nav.analytics',
  page: lazyPage(() => import('./AnalyticsPage').then((module) => ({ default: module.AnalyticsPage }))),
} as const satisfies RouteDescriptor;
