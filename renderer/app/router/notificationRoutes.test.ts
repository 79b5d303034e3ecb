import { describe, expect, it } from 'vitest';
import {
  notificationHash,
  notificationKinds,
  notificationTarget,
} from '../../../shared/desktop/notificationRoutes';
import { parseHash } from './routes';

describe('the page each notification opens', () => {
  it('is a page of the route table, with its section', () => {
    const opened = Object.fromEntries(
      notificationKinds.map((kind) => {
        const route = parseHash(notificationHash(kind));
        return [kind, { page: route.page, params: route.params.toString() }];
      }),
    );
    expect(opened).toEqual({
      newInvoices: { page: 'invoices', params: '' },
      budgetAlerts: { page: 'analytics', params: '' },
      conflicts: { page: 'settings', params: 'section=outbox' },
    });
  });

  it('is the route and query the navigate command carries', () => {
    expect(notificationTarget('conflicts')).toEqual({ route: '/settings', query: 'section=outbox' });
    expect(notificationTarget('newInvoices')).toEqual({ route: '/invoices' });
  });
});
