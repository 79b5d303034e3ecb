import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const linesRoute = {
  id: 'lines',
  path: '/lines',
  labelKey: 'nav.lines',
  warmLineIndex: true,
  page: lazyPage(() => import('./LinesPage').then((module) => ({ default: module.LinesPage }))),
} as const satisfies RouteDescriptor;
