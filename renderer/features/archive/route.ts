import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const archiveRoute = {
  id: 'archive',
  path: '/archive',
  labelKey: 'nav.archive',
  page: lazyPage(() => import('./ArchivePage').then((module) => ({ default: module.ArchivePage }))),
} as const satisfies RouteDescriptor;
