import { describe, expect, it } from 'vitest';
import { browserDeviceName, desktopDeviceName } from './device';

describe('device names', () => {
  it('names the desktop app by OS and host name', () => {
    expect(desktopDeviceName('win32', 'FIN-PC-07')).toBe('Windows (FIN-PC-07)');
    expect(desktopDeviceName('darwin', '  ')).toBe('macOS');
  });

  it('names a browser by family and OS only', () => {
    expect(
      browserDeviceName(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      ),
    ).toBe('Browser (Chromium on Linux)');
    expect(
      browserDeviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'),
    ).toBe('Browser (Firefox on Windows)');
    expect(browserDeviceName('')).toBe('Browser');
  });
});
