import type { AppRoutePath } from '../ipc/appCommands';

/**
 * Which page a desktop notification opens when the clerk clicks it. The page sends only the kind;
 * main and the browser look the route up here, so no notification can send the window anywhere else.
 */
export const notificationKinds = ['newInvoices', 'budgetAlerts', 'conflicts'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** A page of the app and its own query, as the navigate command carries them. */
export interface NotificationTarget {
  route: AppRoutePath;
  query?: string;
}

export const notificationRoutes = {
  newInvoices: { route: '/invoices' },
  // The budgets panel lives on Analytics, beside the charts of the months it speaks of.
  budgetAlerts: { route: '/analytics' },
  // Conflicts and refusals are settled in the outbox panel of Settings.
  conflicts: { route: '/settings', query: 'section=outbox' },
} as const satisfies Record<NotificationKind, NotificationTarget>;

export const notificationTarget = (kind: NotificationKind): NotificationTarget => notificationRoutes[kind];

/** The target as the hash the page's router reads ("#/settings?section=outbox"). */
export const notificationHash = (kind: NotificationKind): string => {
  const { route, query } = notificationTarget(kind);
  return `#${route}${query ? `?${query}` : ''}`;
};
