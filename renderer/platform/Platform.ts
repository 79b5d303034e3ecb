import type { AppInfo } from '../../shared/ipc/contract';

/**
 * Everything the UI needs from its host. The UI imports only this interface; `electron.ts` and
 * `web.ts` are its two implementations.
 */
export interface Platform {
  readonly kind: 'electron' | 'web';
  getAppInfo(): Promise<AppInfo>;
  /** Opens an https link in the OS browser; false when refused. */
  openExternal(url: string): Promise<boolean>;
}

export class PlatformError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}
