import type { MenuItemConstructorOptions } from 'electron';
import type { Catalogue } from '../shared/i18n/en';
import type { AppCommand } from '../shared/ipc/appCommands';

export type MenuLabels = Catalogue['menu'];

/** The window a menu item was clicked in, as Electron passes it (undefined when none has focus). */
export type ClickedWindow = unknown;

export interface MenuTemplateDeps {
  platform: NodeJS.Platform;
  /** The menu's labels in the clerk's language (shared/i18n/<language>.ts, `menu`). */
  labels: MenuLabels;
  /** A packaged build has no developer tools and no reload. */
  packaged: boolean;
  /** Runs a command in the page of the window it was chosen in (electron/commands.ts). */
  send: (command: AppCommand, window: ClickedWindow) => void;
  zoom: { zoomIn(): void; zoomOut(): void; reset(): void };
  /** Opens the help site in the clerk's language in the OS browser. */
  openHelp: () => void;
}

/**
 * The accelerators of the app's own items, in one place for the docs (docs/MENU.md) and the tests.
 * Sync is Ctrl+R / Cmd+R, "refresh" in Outlook's and the browser's sense: the packaged app has no
 * page reload to take it from. Import opens a file, so it is Ctrl+O / Cmd+O.
 */
export const MENU_ACCELERATORS = {
  syncNow: 'CmdOrCtrl+R',
  importCostCenters: 'CmdOrCtrl+O',
  export: 'CmdOrCtrl+E',
  settings: 'CmdOrCtrl+,',
  zoomIn: 'CmdOrCtrl+Plus',
  zoomOut: 'CmdOrCtrl+-',
  resetZoom: 'CmdOrCtrl+0',
} as const;

/**
 * Keys that do the same as a visible item, for keyboards where it needs another key: "+" without
 * Shift is "=" on US layouts, and the number pad has its own keys. Hidden, they still work.
 */
const hiddenAliases = (deps: MenuTemplateDeps): MenuItemConstructorOptions[] => [
  {
    label: deps.labels.view.zoomIn,
    accelerator: 'CmdOrCtrl+=',
    visible: false,
    click: () => deps.zoom.zoomIn(),
  },
  {
    label: deps.labels.view.zoomIn,
    accelerator: 'CmdOrCtrl+numadd',
    visible: false,
    click: () => deps.zoom.zoomIn(),
  },
  {
    label: deps.labels.view.zoomOut,
    accelerator: 'CmdOrCtrl+numsub',
    visible: false,
    click: () => deps.zoom.zoomOut(),
  },
  {
    label: deps.labels.view.resetZoom,
    accelerator: 'CmdOrCtrl+num0',
    visible: false,
    click: () => deps.zoom.reset(),
  },
];

const separator: MenuItemConstructorOptions = { type: 'separator' };

const command =
  (deps: MenuTemplateDeps, appCommand: AppCommand): MenuItemConstructorOptions['click'] =>
  (_item, window) => {
    deps.send(appCommand, window);
  };

const fileItems = (deps: MenuTemplateDeps): MenuItemConstructorOptions[] => {
  const { labels } = deps;
  return [
    {
      id: 'syncNow',
      label: labels.file.syncNow,
      accelerator: MENU_ACCELERATORS.syncNow,
      click: command(deps, { kind: 'syncNow' }),
    },
    separator,
    {
      id: 'importCostCenters',
      label: labels.file.importCostCenters,
      accelerator: MENU_ACCELERATORS.importCostCenters,
      click: command(deps, { kind: 'importCostCenters' }),
    },
    {
      id: 'export',
      label: labels.file.export,
      accelerator: MENU_ACCELERATORS.export,
      click: command(deps, { kind: 'export' }),
    },
  ];
};

const settingsItem = (deps: MenuTemplateDeps, label: string): MenuItemConstructorOptions => ({
  id: 'settings',
  label,
  accelerator: MENU_ACCELERATORS.settings,
  click: command(deps, { kind: 'openSettings' }),
});

const editMenu = ({ labels }: MenuTemplateDeps): MenuItemConstructorOptions => ({
  label: labels.edit.title,
  submenu: [
    { role: 'undo', label: labels.edit.undo },
    { role: 'redo', label: labels.edit.redo },
    separator,
    { role: 'cut', label: labels.edit.cut },
    { role: 'copy', label: labels.edit.copy },
    { role: 'paste', label: labels.edit.paste },
    { role: 'selectAll', label: labels.edit.selectAll },
  ],
});

const developerItems = ({ labels, packaged }: MenuTemplateDeps): MenuItemConstructorOptions[] =>
  // Developers only: a reload would throw away what the page holds, and the tools open the page to anyone.
  packaged
    ? []
    : [
        separator,
        { role: 'reload', label: labels.view.reload, accelerator: 'CmdOrCtrl+Shift+R' },
        { role: 'toggleDevTools', label: labels.view.devTools },
      ];

const viewMenu = (deps: MenuTemplateDeps): MenuItemConstructorOptions => {
  const { labels } = deps;
  return {
    label: labels.view.title,
    submenu: [
      {
        id: 'zoomIn',
        label: labels.view.zoomIn,
        accelerator: MENU_ACCELERATORS.zoomIn,
        click: () => deps.zoom.zoomIn(),
      },
      {
        id: 'zoomOut',
        label: labels.view.zoomOut,
        accelerator: MENU_ACCELERATORS.zoomOut,
        click: () => deps.zoom.zoomOut(),
      },
      {
        id: 'resetZoom',
        label: labels.view.resetZoom,
        accelerator: MENU_ACCELERATORS.resetZoom,
        click: () => deps.zoom.reset(),
      },
      ...hiddenAliases(deps),
      separator,
      { role: 'togglefullscreen', label: labels.view.fullScreen },
      ...developerItems(deps),
    ],
  };
};

const helpItem = (deps: MenuTemplateDeps): MenuItemConstructorOptions => ({
  id: 'help',
  label: deps.labels.help.online,
  click: () => deps.openHelp(),
});

const macTemplate = (deps: MenuTemplateDeps): MenuItemConstructorOptions[] => {
  const { labels } = deps;
  return [
    {
      role: 'appMenu',
      submenu: [
        { role: 'about', label: labels.app.about },
        separator,
        settingsItem(deps, labels.app.settings),
        separator,
        { role: 'services', label: labels.app.services },
        separator,
        { role: 'hide', label: labels.app.hide },
        { role: 'hideOthers', label: labels.app.hideOthers },
        { role: 'unhide', label: labels.app.showAll },
        separator,
        { role: 'quit', label: labels.app.quit },
      ],
    },
    {
      label: labels.file.title,
      submenu: [...fileItems(deps), separator, { role: 'close', label: labels.file.close }],
    },
    editMenu(deps),
    viewMenu(deps),
    {
      // The role lets macOS list the open windows here.
      role: 'window',
      label: labels.window.title,
      submenu: [
        { role: 'minimize', label: labels.window.minimize },
        { role: 'zoom', label: labels.window.zoom },
        separator,
        { role: 'front', label: labels.window.front },
      ],
    },
    // The role gives macOS's search field in the Help menu.
    { role: 'help', label: labels.help.title, submenu: [helpItem(deps)] },
  ];
};

const windowsTemplate = (deps: MenuTemplateDeps): MenuItemConstructorOptions[] => {
  const { labels } = deps;
  return [
    {
      label: labels.file.title,
      submenu: [
        ...fileItems(deps),
        separator,
        settingsItem(deps, labels.file.settings),
        separator,
        { role: 'close', label: labels.file.close },
        { role: 'quit', label: labels.file.quit },
      ],
    },
    editMenu(deps),
    viewMenu(deps),
    {
      label: labels.help.title,
      submenu: [helpItem(deps), separator, { role: 'about', label: labels.help.about }],
    },
  ];
};

/**
 * The application menu as a template, pure: Electron builds it (Menu.buildFromTemplate) and the
 * tests read it. macOS gets the app menu (About, Settings…, Services, Hide, Quit) and the Window
 * menu; Windows and Linux get File, Edit, View and Help, with Settings… and Exit under File and
 * About under Help. Menu labels are mnemonic-free: "&" would show in macOS menus.
 */
export const buildMenuTemplate = (deps: MenuTemplateDeps): MenuItemConstructorOptions[] =>
  deps.platform === 'darwin' ? macTemplate(deps) : windowsTemplate(deps);
