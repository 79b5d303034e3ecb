import { lazy } from 'react';
import type { RouteDescriptor } from '../../app/router/routeDescriptor';

export const linesRoute = {
  id: 'lines',
  path: '/lines',
  labelKey: 'nav.lines',
  page: lazy(() => import('./LinesPage').then((module) => ({ default: module.LinesPage }))),
} as const satisfies RouteDescriptor;
