import type { Platform } from './Platform';

export interface WebPlatformDeps {
  version: string;
  languages: readonly string[];
  open: (url: string) => unknown;
}

export const createWebPlatform = ({ version, languages, open }: WebPlatformDeps): Platform => ({
  kind: 'web',
  getAppInfo: () =>
    Promise.resolve({ name: 'Invoice Desk', version, platform: 'web', locale: languages[0] ?? 'en' }),
  openExternal: (url) => {
    // Same rule as the desktop app: only https leaves the page.
    if (!url.startsWith('https://')) return Promise.resolve(false);
    open(url);
    return Promise.resolve(true);
  },
});
