import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPercent } from '../shared/core/format';
import { initialDesktopSyncState, type DesktopSyncState } from '../shared/ipc/desktop';
import {
  createAppTray,
  TOOLTIP_MAX,
  trayModel,
  trayText,
  type TrayCommand,
  type TrayMenuTemplateItem,
} from './tray';

const state = (over: Partial<DesktopSyncState> = {}): DesktopSyncState => ({
  ...initialDesktopSyncState('en'),
  ...over,
});

const labels = (model: ReturnType<typeof trayModel>) =>
  model.menu.map((item) => (item.kind === 'separator' ? '—' : item.label));

describe('trayModel', () => {
  it('names the state and the last successful sync in the tooltip, in the page language', () => {
    const idle = state({ lastSuccessAt: '2026-11-30T21:05:00.000Z' });
    expect(trayModel(idle, trayText('en')).tooltip).toBe(
      `Invoice Desk\nUp to date\nLast sync ${formatDateTime('2026-11-30T21:05:00.000Z', 'en')}`,
    );
    const de = { ...idle, language: 'de' as const };
    expect(trayModel(de, trayText('de')).tooltip).toBe(
      `Invoice Desk\nAuf dem neusten Stand\nZuletzt synchronisiert ${formatDateTime('2026-11-30T21:05:00.000Z', 'de')}`,
    );
    expect(trayModel(state(), trayText('en')).tooltip).toBe('Invoice Desk\nUp to date\nNot synchronised yet');
  });

  it('shows progress while syncing, and disables Sync now', () => {
    const model = trayModel(
      state({ phase: 'syncing', progress: { done: 450, total: 1000 } }),
      trayText('en'),
    );
    expect(model.tooltip.split('\n')[1]).toBe('Synchronising… 45%');
    expect(model.menu[0]).toMatchObject({ command: 'syncNow', enabled: false });
    const fr = trayModel(
      state({ phase: 'syncing', progress: { done: 450, total: 1000 }, language: 'fr' }),
      trayText('fr'),
    );
    expect(fr.tooltip.split('\n')[1]).toBe(`Synchronisation… ${formatPercent(0.45, 'fr', 0)}`);
    // Before the totals are known there is no percent to tell.
    expect(trayModel(state({ phase: 'syncing' }), trayText('en')).tooltip.split('\n')[1]).toBe(
      'Synchronising…',
    );
  });

  it('tells offline, failure and conflicts, with plurals', () => {
    const t = trayText('en');
    expect(trayModel(state({ phase: 'offline' }), t).tooltip.split('\n')[1]).toMatch(/^Offline/);
    expect(trayModel(state({ phase: 'failed' }), t).tooltip.split('\n')[1]).toBe('The last sync failed');
    expect(trayModel(state({ phase: 'conflicts', unsettled: 1 }), t).tooltip.split('\n')[1]).toBe(
      '1 edit waits for your decision',
    );
    expect(trayModel(state({ phase: 'conflicts', unsettled: 3 }), t).tooltip.split('\n')[1]).toBe(
      '3 edits wait for your decision',
    );
    // Conflicts are told even while a failure is the state.
    expect(trayModel(state({ phase: 'failed', unsettled: 2 }), t).tooltip.split('\n')).toContain(
      '2 edits wait for your decision',
    );
  });

  it('offers Sync now, Open and Quit in every language', () => {
    expect(labels(trayModel(state(), trayText('en')))).toEqual([
      'Sync now',
      'Open Invoice Desk',
      '—',
      'Quit',
    ]);
    expect(labels(trayModel(state({ language: 'de' }), trayText('de')))).toEqual([
      'Jetzt synchronisieren',
      'Invoice Desk öffnen',
      '—',
      'Beenden',
    ]);
    expect(labels(trayModel(state({ language: 'fr' }), trayText('fr')))).toEqual([
      'Synchroniser maintenant',
      'Ouvrir Invoice Desk',
      '—',
      'Quitter',
    ]);
    expect(labels(trayModel(state({ language: 'it' }), trayText('it')))).toEqual([
      'Sincronizza ora',
      'Apri Invoice Desk',
      '—',
      'Esci',
    ]);
  });

  it('keeps the tooltip within what Windows shows', () => {
    const long = trayModel(
      state({
        phase: 'offline',
        unsettled: 12_345_678,
        lastSuccessAt: '2026-11-30T21:05:00.000Z',
        language: 'fr',
      }),
      trayText('fr'),
    );
    expect(long.tooltip.length).toBeLessThanOrEqual(TOOLTIP_MAX);
  });
});

class FakeTray extends EventEmitter {
  tooltip = '';
  menu: TrayMenuTemplateItem[] | null = null;
  destroyed = false;
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: TrayMenuTemplateItem[] | null) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

const setupTray = (platform: NodeJS.Platform) => {
  const tray = new FakeTray();
  const run: TrayCommand[] = [];
  let builds = 0;
  const appTray = createAppTray({
    createTray: () => tray,
    buildMenu: (template) => {
      builds += 1;
      return template;
    },
    platform,
    run: (command) => run.push(command),
    initial: state(),
  });
  const click = (label: string) => tray.menu?.find((item) => item.label === label)?.click?.();
  return { tray, run, appTray, click, builds: () => builds };
};

describe('the tray icon', () => {
  it('runs the command of each menu item', () => {
    const { run, click } = setupTray('win32');
    click('Sync now');
    click('Open Invoice Desk');
    click('Quit');
    expect(run).toEqual(['syncNow', 'open', 'quit']);
  });

  it('is rebuilt when the language or the state changes, and only then', () => {
    const { tray, appTray, builds } = setupTray('win32');
    expect(builds()).toBe(1);
    appTray.update(state());
    expect(builds()).toBe(1);
    appTray.update(state({ language: 'de' }));
    expect(builds()).toBe(2);
    expect(tray.menu?.map((item) => item.label ?? '—')).toEqual([
      'Jetzt synchronisieren',
      'Invoice Desk öffnen',
      '—',
      'Beenden',
    ]);
    appTray.update(state({ language: 'de', phase: 'syncing' }));
    expect(tray.tooltip.split('\n')[1]).toBe('Synchronisiert…');
    expect(builds()).toBe(3);
  });

  it('opens the window on a click of the icon on Windows; on macOS the click opens the menu', () => {
    const win = setupTray('win32');
    win.tray.emit('click');
    expect(win.run).toEqual(['open']);
    const mac = setupTray('darwin');
    mac.tray.emit('click');
    expect(mac.run).toEqual([]);
  });

  it('is removed once when disposed, and ignores later states', () => {
    const { tray, appTray, builds } = setupTray('darwin');
    appTray.dispose();
    appTray.dispose();
    expect(tray.destroyed).toBe(true);
    appTray.update(state({ phase: 'failed' }));
    expect(builds()).toBe(1);
  });
});
