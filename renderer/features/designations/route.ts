import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const designationsRoute = {
  id: 'designations',
  path: '/names',
  labelKey: 'nav.names',
  page: lazyPage(() => import('./DesignationsPage').then((module) => ({ default: module.DesignationsPage }))),
} as const satisfies RouteDescriptor;
