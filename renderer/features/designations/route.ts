import { lazy } from 'react';
import type { RouteDescriptor } from '../../app/router/routeDescriptor';

export const designationsRoute = {
  id: 'designations',
  path: '/names',
  labelKey: 'nav.names',
  page: lazy(() => import('./DesignationsPage').then((module) => ({ default: module.DesignationsPage }))),
} as const satisfies RouteDescriptor;
