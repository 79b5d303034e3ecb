import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const costCentersRoute = {
  id: 'costCenters',
  path: '/cost-centres',
  labelKey: 'nav.costCenters',
  page: lazyPage(() => import('./CostCentersPage').then((module) => ({ default: module.CostCentersPage }))),
} as const satisfies RouteDescriptor;
