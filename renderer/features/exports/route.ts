import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const exportsRoute = {
  id: 'exports',
  path: '/exports',
  labelKey: 'nav.exports',
  page: lazyPage(() => import('./ExportsPage').then((module) => ({ default: module.ExportsPage }))),
} as const satisfies RouteDescriptor;
