import { catalogues } from '../shared/i18n/catalogues';
import { formatDateTime, formatPercent } from '../shared/core/format';
import { formattingLocale, type Language } from '../shared/i18n/languages';
import type { DesktopSyncState } from '../shared/ipc/desktop';

/** The tray's strings (the `tray` namespace of every catalogue), plurals resolved by count. */
export type TrayKey =
  | 'idle'
  | 'syncing'
  | 'syncingPercent'
  | 'offline'
  | 'failed'
  | 'conflicts'
  | 'lastSync'
  | 'neverSynced'
  | 'syncNow'
  | 'open'
  | 'quit';
export type TrayText = (key: TrayKey, params?: Record<string, string | number>) => string;

/** The catalogue's `tray` strings for a language, with i18next's `{{name}}` and `_one`/`_other`. */
export const trayText = (language: Language): TrayText => {
  const strings = catalogues[language].tray;
  const plural = new Intl.PluralRules(formattingLocale[language]);
  return (key, params = {}) => {
    const template =
      key === 'conflicts'
        ? plural.select(Number(params.count ?? 0)) === 'one'
          ? strings.conflicts_one
          : strings.conflicts_other
        : strings[key];
    return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(params[name] ?? ''));
  };
};

export type TrayCommand = 'syncNow' | 'open' | 'quit';

export type TrayMenuItem =
  { kind: 'item'; command: TrayCommand; label: string; enabled: boolean } | { kind: 'separator' };

export interface TrayModel {
  tooltip: string;
  menu: TrayMenuItem[];
}

/** Windows cuts a notification-area tooltip at 127 characters; longer ones are cut here, visibly. */
export const TOOLTIP_MAX = 127;

const stateLine = (state: DesktopSyncState, t: TrayText): string => {
  switch (state.phase) {
    case 'syncing': {
      const progress = state.progress;
      return progress && progress.total > 0
        ? t('syncingPercent', {
            percent: formatPercent(Math.min(progress.done / progress.total, 1), state.language, 0),
          })
        : t('syncing');
    }
    case 'offline':
      return t('offline');
    case 'failed':
      return t('failed');
    case 'conflicts':
      return t('conflicts', { count: state.unsettled });
    case 'idle':
      return t('idle');
  }
};

/**
 * What the tray shows for a sync state, in the page's language: the tooltip (app name, state, last
 * successful sync) and the context menu. Pure: rebuilt from scratch on every change of state or language.
 */
export const trayModel = (state: DesktopSyncState, t: TrayText): TrayModel => {
  const lastSync = state.lastSuccessAt
    ? t('lastSync', { when: formatDateTime(state.lastSuccessAt, state.language) })
    : t('neverSynced');
  // Conflicts are worth telling whatever else is going on.
  const conflicts =
    state.phase !== 'conflicts' && state.unsettled > 0 ? [t('conflicts', { count: state.unsettled })] : [];
  const lines = [catalogues[state.language].app.name, stateLine(state, t), ...conflicts, lastSync];
  const tooltip = lines.join('\n');
  return {
    tooltip: tooltip.length <= TOOLTIP_MAX ? tooltip : `${tooltip.slice(0, TOOLTIP_MAX - 1)}…`,
    menu: [
      { kind: 'item', command: 'syncNow', label: t('syncNow'), enabled: state.phase !== 'syncing' },
      { kind: 'item', command: 'open', label: t('open'), enabled: true },
      { kind: 'separator' },
      { kind: 'item', command: 'quit', label: t('quit'), enabled: true },
    ],
  };
};

/** Electron's menu item options, as far as the tray uses them. */
export interface TrayMenuTemplateItem {
  label?: string;
  type?: 'separator';
  enabled?: boolean;
  click?: () => void;
}

/** The slice of Electron's Tray this module drives. */
export interface TrayLike<M> {
  setToolTip(text: string): void;
  setContextMenu(menu: M | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface AppTrayDeps<M> {
  createTray: () => TrayLike<M>;
  buildMenu: (template: TrayMenuTemplateItem[]) => M;
  platform: NodeJS.Platform;
  run: (command: TrayCommand) => void;
  initial: DesktopSyncState;
}

export interface AppTray {
  update(state: DesktopSyncState): void;
  dispose(): void;
}

/** The tray / menu-bar icon: its tooltip and menu follow every state the page reports. */
export const createAppTray = <M>({
  createTray,
  buildMenu,
  platform,
  run,
  initial,
}: AppTrayDeps<M>): AppTray => {
  const tray = createTray();
  // Windows and Linux: a click on the icon opens the window, as Outlook's does; on macOS a click
  // opens the menu, which the OS does by itself.
  if (platform !== 'darwin') tray.on('click', () => run('open'));
  let shown = '';
  const update = (state: DesktopSyncState) => {
    const model = trayModel(state, trayText(state.language));
    // The page reports every progress tick; the menu is rebuilt only when what it shows changed.
    const key = JSON.stringify(model);
    if (key === shown) return;
    shown = key;
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(
      buildMenu(
        model.menu.map((item) =>
          item.kind === 'separator'
            ? { type: 'separator' }
            : { label: item.label, enabled: item.enabled, click: () => run(item.command) },
        ),
      ),
    );
  };
  update(initial);
  let disposed = false;
  return {
    update: (state) => {
      if (!disposed) update(state);
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      tray.destroy();
    },
  };
};

/**
 * The icon's file in the resources folder: on macOS a template image (black and alpha, with an
 * @2x beside it) that the menu bar tints for light and dark; elsewhere a coloured 16/32 px icon.
 */
export const trayIconFile = (platform: NodeJS.Platform): string =>
  platform === 'darwin' ? 'trayTemplate.png' : 'tray.png';
