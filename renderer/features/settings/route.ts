import { lazy } from 'react';
import type { RouteDescriptor } from '../../app/router/routeDescriptor';

export const settingsRoute = {
  id: 'settings',
  path: '/settings',
  labelKey: 'nav.settings',
  page: lazy(() => import('./SettingsPage').then((module) => ({ default: module.SettingsPage }))),
} as const satisfies RouteDescriptor;
