import { lazyPage, type RouteDescriptor } from '../../app/router/routeDescriptor';

export const settingsRoute = {
  id: 'settings',
  path: '/settings',
  labelKey: 'nav.settings',
  page: lazyPage(() => import('./SettingsPage').then((module) => ({ default: module.SettingsPage }))),
} as const satisfies RouteDescriptor;
