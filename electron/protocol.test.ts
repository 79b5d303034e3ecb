import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from './protocol';

const root = path.resolve('/opt/invoice-desk/renderer');

describe('resolveAppFile', () => {
  it('serves files under the renderer root', () => {
    expect(resolveAppFile('app://invoice-desk/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://invoice-desk/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://invoice-desk/assets/index-abc.js?x=1#y', root)).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
  });

  it.each(['app://invoice-desk/../../etc/passwd', 'app://invoice-desk/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps dot segments inside the root: %s',
    (url) => {
      // The URL parser folds these segments before we see them; what matters is that the file stays under root.
      expect(resolveAppFile(url, root)).toBe(path.join(root, 'etc', 'passwd'));
    },
  );

  it.each([
    'app://invoice-desk/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret',
    'app://invoice-desk/..%2f..%2f..%2fetc%2fpasswd',
    'app://invoice-desk/..%5c..%5c..%5cWindows%5cwin.ini',
    'app://invoice-desk/a%00.js',
    'app://other-host/index.html',
    'https://invoice-desk/index.html',
    'app://invoice-desk/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });
});
