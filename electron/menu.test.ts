import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../shared/i18n/catalogues';
import { languages } from '../shared/i18n/languages';
import type { AppCommand } from '../shared/ipc/appCommands';
import { buildMenuTemplate, MENU_ACCELERATORS, type MenuTemplateDeps } from './menu';

const build = (overrides: Partial<MenuTemplateDeps> = {}) => {
  const sent: Array<{ command: AppCommand; window: unknown }> = [];
  const actions: string[] = [];
  const template = buildMenuTemplate({
    platform: 'win32',
    labels: catalogues.en.menu,
    packaged: true,
    send: (command, window) => sent.push({ command, window }),
    zoom: {
      zoomIn: () => actions.push('zoomIn'),
      zoomOut: () => actions.push('zoomOut'),
      reset: () => actions.push('reset'),
    },
    openHelp: () => actions.push('help'),
    ...overrides,
  });
  return { template, sent, actions };
};

const submenuOf = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];

const allItems = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...allItems(submenuOf(item))]);

const byId = (template: MenuItemConstructorOptions[], id: string) => {
  const item = allItems(template).find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

const roles = (items: MenuItemConstructorOptions[]) =>
  items
    .filter((item) => item.type !== 'separator' && item.visible !== false)
    .map((item) => item.role ?? item.id);

/** Electron's click signature, with the window the item was chosen in. */
const click = (item: MenuItemConstructorOptions, window: unknown) => {
  const handler = item.click as ((menuItem: unknown, window: unknown, event: unknown) => void) | undefined;
  handler?.(item, window, {});
};

describe('application menu: macOS', () => {
  it('has the app menu, File, Edit, View, Window and Help with the platform’s roles', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template.map((menu) => menu.role ?? menu.label)).toEqual([
      'appMenu',
      'File',
      'Edit',
      'View',
      'window',
      'help',
    ]);
    const [app, file, edit, view, window] = template;
    expect(roles(submenuOf(app))).toEqual([
      'about',
      'settings',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(roles(submenuOf(file))).toEqual(['syncNow', 'importCostCenters', 'export', 'close']);
    expect(roles(submenuOf(edit))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles(submenuOf(view))).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
    expect(roles(submenuOf(window))).toEqual(['minimize', 'zoom', 'front']);
    expect(byId(template, 'settings').accelerator).toBe('CmdOrCtrl+,');
  });
});

describe('application menu: Windows and Linux', () => {
  for (const platform of ['win32', 'linux'] as const) {
    it(`has File, Edit, View and Help on ${platform}, Settings and Exit under File, About under Help`, () => {
      const { template } = build({ platform });
      expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
      const [file, , , help] = template;
      expect(roles(submenuOf(file))).toEqual([
        'syncNow',
        'importCostCenters',
        'export',
        'settings',
        'close',
        'quit',
      ]);
      expect(roles(submenuOf(help))).toEqual(['help', 'about']);
      expect(allItems(template).some((item) => item.role === 'services' || item.role === 'hide')).toBe(false);
    });
  }

  it('gives the app’s items their accelerators', () => {
    const { template } = build();
    expect(byId(template, 'syncNow').accelerator).toBe('CmdOrCtrl+R');
    expect(byId(template, 'importCostCenters').accelerator).toBe('CmdOrCtrl+O');
    expect(byId(template, 'export').accelerator).toBe('CmdOrCtrl+E');
    expect(byId(template, 'zoomIn').accelerator).toBe('CmdOrCtrl+Plus');
    expect(byId(template, 'zoomOut').accelerator).toBe('CmdOrCtrl+-');
    expect(byId(template, 'resetZoom').accelerator).toBe('CmdOrCtrl+0');
    // No two items answer the same keys.
    const keys = allItems(template).flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.values(MENU_ACCELERATORS).every((key) => keys.includes(key))).toBe(true);
  });
});

describe('application menu: both platforms', () => {
  it('has no developer tools and no reload in a packaged build', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const packaged = allItems(build({ platform, packaged: true }).template).map((item) => item.role);
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).not.toContain('reload');
      expect(packaged).not.toContain('forceReload');
      const development = allItems(build({ platform, packaged: false }).template).map((item) => item.role);
      expect(development).toContain('toggleDevTools');
    }
  });

  it('labels every item in each language from the catalogue, none left to Electron’s English', () => {
    for (const language of languages) {
      for (const platform of ['darwin', 'win32'] as const) {
        const labels = catalogues[language].menu;
        const { template } = build({ platform, labels });
        for (const item of allItems(template)) {
          if (item.type === 'separator' || item.role === 'appMenu') continue;
          expect(item.label, `${language} ${platform} ${item.role ?? item.id}`).toBeTruthy();
        }
        expect(byId(template, 'syncNow').label).toBe(labels.file.syncNow);
        expect(byId(template, 'importCostCenters').label).toBe(labels.file.importCostCenters);
      }
    }
    const german = build({ platform: 'win32', labels: catalogues.de.menu }).template;
    expect(german.map((menu) => menu.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    expect(byId(german, 'syncNow').label).toBe('Jetzt synchronisieren');
    const french = build({ platform: 'darwin', labels: catalogues.fr.menu }).template;
    expect(submenuOf(french[0]).find((item) => item.role === 'quit')?.label).toBe('Quitter Invoice Desk');
    expect(byId(french, 'importCostCenters').label).toBe('Importer des centres de coûts…');
    const italian = build({ platform: 'win32', labels: catalogues.it.menu }).template;
    expect(byId(italian, 'export').label).toBe('Esporta…');
    expect(italian.map((menu) => menu.label)).toEqual(['File', 'Modifica', 'Vista', 'Aiuto']);
  });

  it('sends each item’s command with the window it was chosen in', () => {
    const { template, sent } = build();
    const window = { id: 'focused' };
    for (const id of ['syncNow', 'importCostCenters', 'export', 'settings'])
      click(byId(template, id), window);
    expect(sent).toEqual([
      { command: { kind: 'syncNow' }, window },
      { command: { kind: 'importCostCenters' }, window },
      { command: { kind: 'export' }, window },
      { command: { kind: 'openSettings' }, window },
    ]);
  });

  it('zooms through the zoom it is given, visible items and hidden keys alike, and opens the help', () => {
    const { template, actions } = build();
    for (const id of ['zoomIn', 'zoomOut', 'resetZoom', 'help']) click(byId(template, id), undefined);
    const hidden = allItems(template).filter((item) => item.visible === false);
    expect(hidden.map((item) => item.accelerator)).toEqual([
      'CmdOrCtrl+=',
      'CmdOrCtrl+numadd',
      'CmdOrCtrl+numsub',
      'CmdOrCtrl+num0',
    ]);
    for (const item of hidden) click(item, undefined);
    expect(actions).toEqual(['zoomIn', 'zoomOut', 'reset', 'help', 'zoomIn', 'zoomIn', 'zoomOut', 'reset']);
  });
});
