import type { AppInfo } from '../ipc/contract';

/**
 * The install an audit entry was made on: a random id kept per install (never derived from the
 * machine, never a secret) and a name a clerk recognises: the OS and host name in the desktop app,
 * "Browser (…)" with the browser's platform in the web build.
 */
export interface AuditDevice {
  id: string;
  name: string;
}

const OS_NAMES: Record<AppInfo['platform'], string> = {
  win32: 'Windows',
  darwin: 'macOS',
  linux: 'Linux',
  web: 'Browser',
};

/** The desktop app's device name: "Windows (FIN-PC-07)". Host names are cut to what a row needs. */
export const desktopDeviceName = (platform: AppInfo['platform'], hostName: string): string => {
  const host = hostName.trim().slice(0, 63);
  return host === '' ? OS_NAMES[platform] : `${OS_NAMES[platform]} (${host})`;
};

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chromium'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

/**
 * The web build's device name from the browser's user agent: "Browser (Chromium on Linux)", or
 * "Browser" when it names nothing known. Only the browser's family and OS: no version, no build.
 */
export const browserDeviceName = (userAgent: string): string => {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `Browser (${browser} on ${system})`;
  const either = browser ?? system;
  return either ? `Browser (${either})` : 'Browser';
};
