import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const auditRoute = {
  id: 'audit',
  path: '/audit',
  labelKey: 'nav.auditTrail',
  page: lazyPage(() => import('./AuditPage').then((module) => ({ default: module.AuditPage }))),
} as const satisfies RouteDescriptor;
