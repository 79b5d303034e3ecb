import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from './appOrigin';
import {
  denyAllPermissions,
  hardenWebContents,
  isAllowedExternalUrl,
  secureWebPreferences,
} from './security';
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

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://www.post.ch/en', true],
    ['http://www.post.ch/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://share/x', false],
    ['https://user:pw@evil.example/', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('hardenWebContents', () => {
  const setup = () => {
    const contents = new FakeWebContents();
    const shell = createFakeShell();
    hardenWebContents(contents, shell);
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

  it('denies every new window and hands only https links to the OS browser', async () => {
    const { contents, shell } = setup();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://www.post.ch/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://www.post.ch/']);
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
