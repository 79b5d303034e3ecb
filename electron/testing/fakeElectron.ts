import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { IpcRegistrar, SenderEvent } from '../ipc';
import type { ArchiveKeyService } from '../archiveKey';
import type { SaveStreams } from '../saveStream';
import type { GuardedContents, PermissionSession, PreventableEvent } from '../security';
import type { AppWindow } from '../window';
import type { Rectangle } from '../windowState';

/**
 * Typed stand-ins for the parts of Electron the main process uses, so that its logic runs under
 * Node in unit tests (the Electron binary cannot be downloaded here).
 */

export class FakeEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter implements GuardedContents {
  /** What main sent to the page, by channel. */
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  zoomFactor = 1;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** What Chromium would do before navigating: ask the listeners, report whether it may go on. */
  attemptNavigation(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const fake = new FakeEvent();
    this.emit(event, fake, url);
    return !fake.defaultPrevented;
  }
  attemptAttachWebview(): boolean {
    const fake = new FakeEvent();
    this.emit('will-attach-webview', fake);
    return !fake.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter implements AppWindow {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  maximized = false;
  shown = false;
  minimized = false;
  focused = false;
  destroyed = false;
  bounds: Rectangle = { x: 10, y: 20, width: 1280, height: 820 };
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  maximize(): void {
    this.maximized = true;
  }
  show(): void {
    this.shown = true;
  }
  hide(): void {
    this.shown = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  restore(): void {
    this.minimized = false;
  }
  /**
   * What the close button does: asks the 'close' listeners, and unless one prevented it, the window
   * goes ('closed'). Returns whether it closed.
   */
  attemptClose(): boolean {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.shown = false;
    this.emit('closed');
    return true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): Rectangle {
    return this.bounds;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
}

/** Electron's Tray: records its tooltip and menu (the template itself: the fakes' Menu.buildFromTemplate returns it); click() runs an item. */
export class FakeTray extends EventEmitter {
  tooltip = '';
  menu: Array<{ label?: string; click?: () => void }> | null = null;
  destroyed = false;
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: Array<{ label?: string; click?: () => void }> | null): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  click(label: string): void {
    const item = this.menu?.find((entry) => entry.label === label);
    if (!item?.click) throw new Error(`no tray item ${label}`);
    item.click();
  }
}

/** Electron's Notification: show() marks it shown; a test emits 'click' as the OS would. */
export class FakeNotification extends EventEmitter {
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    this.shown = true;
  }
}

/** Menu.buildFromTemplate hands the template back, so a test reads labels and runs clicks. */
/** nativeImage: every path gives a non-empty image. */
export const fakeNativeImage = {
  createFromPath: () => ({ isEmpty: () => false, resize: () => ({ isEmpty: () => false }) }),
};

export const createFakeShell = () => {
  const opened: string[] = [];
  return {
    opened,
    openExternal: (url: string): Promise<void> => {
      opened.push(url);
      return Promise.resolve();
    },
  };
};

type InvokeListener = (event: SenderEvent, payload: unknown) => Promise<unknown>;

export const createFakeIpcMain = () => {
  const handlers = new Map<string, InvokeListener>();
  const registrar: IpcRegistrar = {
    handle: (channel, listener) => {
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  /** Calls the handler of `message` as the renderer would, from the app's own page by default. */
  const invoke = (
    message: string,
    payload: unknown,
    from = fakeInvokeEvent('app://invoice-desk/index.html'),
  ) => {
    const listener = handlers.get(`invoice-desk:${message}`);
    if (!listener) throw new Error(`no handler for ${message}`);
    return listener(from, payload);
  };
  return { handlers, registrar, invoke };
};

/** An invoke event whose sender frame sits at `url`; `parent` marks a subframe. */
export const fakeInvokeEvent = (
  url: string,
  options: { subframe?: boolean; noFrame?: boolean } = {},
): SenderEvent => ({
  senderFrame: options.noFrame ? null : { url, parent: options.subframe ? {} : null },
});

export const createFakeSession = () => {
  const session = {
    requestHandler: null as
      null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    checkHandler: null as null | (() => boolean),
    setPermissionRequestHandler(
      handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ) {
      session.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: () => boolean) {
      session.checkHandler = handler;
    },
  } satisfies PermissionSession & Record<string, unknown>;
  return session;
};

/**
 * The save dialog: answers the path set in `answer` (empty = cancelled) and records what it was
 * shown. Accepts Electron's (window, options) and (options) forms alike.
 */
export const createFakeDialog = (answer: { filePath: string } = { filePath: '' }) => {
  const shown: SaveDialogOptions[] = [];
  return {
    answer,
    shown,
    showSaveDialog: (
      ...args: [unknown, SaveDialogOptions] | [SaveDialogOptions]
    ): Promise<SaveDialogReturnValue> => {
      const options = args.length === 2 ? args[1] : args[0];
      shown.push(options);
      return Promise.resolve({ canceled: answer.filePath === '', filePath: answer.filePath });
    },
  };
};

/**
 * The open dialog: answers the paths set in `answer` (none = cancelled) and records what it was
 * shown. Accepts Electron's (window, options) and (options) forms alike.
 */
export const createFakeOpenDialog = (answer: { filePaths: string[] } = { filePaths: [] }) => {
  const shown: OpenDialogOptions[] = [];
  return {
    answer,
    shown,
    showOpenDialog: (
      ...args: [unknown, OpenDialogOptions] | [OpenDialogOptions]
    ): Promise<OpenDialogReturnValue> => {
      const options = args.length === 2 ? args[1] : args[0];
      shown.push(options);
      return Promise.resolve({ canceled: answer.filePaths.length === 0, filePaths: answer.filePaths });
    },
  };
};

/** Save streams for suites about other messages: any use is a test bug, so it throws. */
export const unusedSaveStreams: SaveStreams = {
  begin: () => Promise.reject(new Error('no save streams in this test')),
  chunk: () => Promise.reject(new Error('no save streams in this test')),
  finish: () => Promise.reject(new Error('no save streams in this test')),
  abort: () => Promise.reject(new Error('no save streams in this test')),
  abortAll: () => Promise.resolve(),
};

/** The archive key for suites about other messages: any use is a test bug, so it throws. */
export const unusedArchiveKey: ArchiveKeyService = {
  sign: () => Promise.reject(new Error('no archive key in this test')),
  publicKeyPem: () => Promise.reject(new Error('no archive key in this test')),
};

/**
 * Electron's safeStorage: reversible, never stores the plain text; `available` false is an OS without
 * a keyring; a blob starting with 0xff is one another account encrypted.
 */
export const createFakeSafeStorage = (available = true) => ({
  available,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  encryptString: (plain: string): Buffer =>
    Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: (data: Buffer): string => {
    if (data[0] === 0xff) throw new Error('cannot decrypt');
    return Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8');
  },
});
