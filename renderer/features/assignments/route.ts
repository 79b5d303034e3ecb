import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const assignmentsRoute = {
  id: 'assignments',
  path: '/assignments',
  labelKey: 'nav.assignments',
  page: lazyPage(() => import('./AssignmentsPage').then((module) => ({ default: module.AssignmentsPage }))),
} as const satisfies RouteDescriptor;
