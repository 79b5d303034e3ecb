import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { NotificationTarget } from '../shared/desktop/notificationRoutes';
import { createNotifier } from './notifications';

class FakeNotification extends EventEmitter {
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    this.shown = true;
  }
}

const setup = (options: { supported?: boolean; opened?: boolean } = {}) => {
  const created: FakeNotification[] = [];
  const navigated: NotificationTarget[] = [];
  let shownWindow = 0;
  const notify = createNotifier({
    isSupported: () => options.supported ?? true,
    create: (init) => {
      const notification = new FakeNotification(init);
      created.push(notification);
      return notification;
    },
    showWindow: () => {
      shownWindow += 1;
      return { opened: options.opened ?? false };
    },
    navigate: (target) => navigated.push(target),
  });
  return { notify, created, navigated, shownWindow: () => shownWindow };
};

describe('desktop notifications', () => {
  it.each([
    ['newInvoices', { route: '/invoices' }],
    ['budgetAlerts', { route: '/analytics' }],
    ['conflicts', { route: '/settings', query: 'section=outbox' }],
  ] as const)('a click on a %s notification shows the window on its page', (kind, target) => {
    const { notify, created, navigated, shownWindow } = setup();
    expect(notify('Title', 'Body', kind)).toBe(true);
    expect(created[0]?.shown).toBe(true);
    expect(navigated).toEqual([]);
    created[0]?.emit('click');
    expect(shownWindow()).toBe(1);
    expect(navigated).toEqual([target]);
  });

  it('a notification without a kind only shows the window', () => {
    const { notify, created, navigated, shownWindow } = setup();
    notify('Title', 'Body');
    created[0]?.emit('click');
    expect(shownWindow()).toBe(1);
    expect(navigated).toEqual([]);
  });

  it('sends no command to a window that had to be opened anew (its page is still loading)', () => {
    const { notify, created, navigated, shownWindow } = setup({ opened: true });
    notify('Title', 'Body', 'conflicts');
    created[0]?.emit('click');
    expect(shownWindow()).toBe(1);
    expect(navigated).toEqual([]);
  });

  it('answers false where the OS has no notifications', () => {
    const { notify, created } = setup({ supported: false });
    expect(notify('Title', 'Body', 'newInvoices')).toBe(false);
    expect(created).toEqual([]);
  });
});
