import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from './appOrigin';
import { HELP_SITE_URL } from '../shared/externalLinks';
import { denyAllPermissions, hardenWebContents, openExternalSafely, secureWebPreferences } from './security';
import { createFakeSession, createFakeShell, FakeWebContents } from './testing/fakeElectron';

describe('secureWebPreferences', () => {
  it('turns on every isolation the checklist asks for', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('openExternalSafely', () => {
  const hosts = () => ['help.invoice-desk.example', 'billing.example.ch'];

  it.each([
    [HELP_SITE_URL, true],
    ['https://billing.example.ch/portal', true],
    ['https://www.post.ch/en', false],
    ['https://evil.example/', false],
    ['https://billing.example.ch.evil.example/', false],
    ['http://billing.example.ch/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://share/x', false],
    ['https://user:pw@billing.example.ch/', false],
    ['not a url', false],
  ])('%s -> %s', async (url, allowed) => {
    const shell = createFakeShell();
    await expect(openExternalSafely(shell, url, hosts)).resolves.toBe(allowed);
    expect(shell.opened).toEqual(allowed ? [url] : []);
  });

  it('asks for the allowed hosts at each call, so a new back end counts at once', async () => {
    const shell = createFakeShell();
    let current = ['help.invoice-desk.example'];
    await expect(openExternalSafely(shell, 'https://new.example.ch/', () => current)).resolves.toBe(false);
    current = ['help.invoice-desk.example', 'new.example.ch'];
    await expect(openExternalSafely(shell, 'https://new.example.ch/', () => current)).resolves.toBe(true);
    expect(shell.opened).toEqual(['https://new.example.ch/']);
  });
});

describe('hardenWebContents', () => {
  const setup = () => {
    const contents = new FakeWebContents();
    const shell = createFakeShell();
    hardenWebContents(contents, shell, () => ['help.invoice-desk.example']);
    return { contents, shell };
  };

  it('lets the app navigate inside its own origin only', () => {
    const { contents } = setup();
    expect(contents.attemptNavigation(APP_ENTRY_URL)).toBe(true);
    expect(contents.attemptNavigation('app://invoice-desk/index.html#/settings')).toBe(true);
    expect(contents.attemptNavigation('https://evil.example/')).toBe(false);
    expect(contents.attemptNavigation('app://other-host/index.html')).toBe(false);
    expect(contents.attemptNavigation('file:///C:/Windows/')).toBe(false);
    expect(contents.attemptNavigation('https://evil.example/', 'will-redirect')).toBe(false);
  });

  it('refuses webviews', () => {
    const { contents } = setup();
    expect(contents.attemptAttachWebview()).toBe(false);
  });

  it('denies every new window and hands only allowed https links to the OS browser', async () => {
    const { contents, shell } = setup();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: HELP_SITE_URL })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://www.post.ch/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.opened).toEqual([HELP_SITE_URL]);
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every permission request and check', () => {
    const session = createFakeSession();
    denyAllPermissions(session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      session.requestHandler!(null, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(session.checkHandler!()).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows no eval, no remote scripts and no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });
});
