import { describe, expect, it } from 'vitest';
import { externalLinkHosts, HELP_SITE_HOST, HELP_SITE_URL, isAllowedExternalUrl } from './externalLinks';

const custom = { mode: 'custom', baseUrl: 'https://api.billing.example.ch/v1', clientId: 'acme' } as const;

describe('externalLinkHosts', () => {
  it('admits the help site and, for a custom back end, its host', () => {
    expect(externalLinkHosts({ mode: 'demo' })).toEqual([HELP_SITE_HOST]);
    expect(externalLinkHosts(custom)).toEqual([HELP_SITE_HOST, 'api.billing.example.ch']);
  });
});

describe('isAllowedExternalUrl', () => {
  const hosts = externalLinkHosts(custom);

  it.each([
    [HELP_SITE_URL, true],
    ['https://help.invoice-desk.example/de/sync#quarantine', true],
    ['https://HELP.Invoice-Desk.example/', true],
    ['https://api.billing.example.ch/portal', true],
    ['https://api.billing.example.ch:8443/portal', true],
    ['https://www.post.ch/', false],
    ['https://evil.example/', false],
    ['https://help.invoice-desk.example.evil.example/', false],
    ['https://evil.example/?https://help.invoice-desk.example/', false],
    ['https://billing.example.ch/', false],
    ['http://help.invoice-desk.example/', false],
    ['http://api.billing.example.ch/', false],
    ['https://user:pw@help.invoice-desk.example/', false],
    ['https://help.invoice-desk.example@evil.example/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(allowed);
  });

  it('admits only the help site in demo mode', () => {
    const demo = externalLinkHosts({ mode: 'demo' });
    expect(isAllowedExternalUrl(HELP_SITE_URL, demo)).toBe(true);
    expect(isAllowedExternalUrl('https://api.billing.example.ch/', demo)).toBe(false);
    expect(isAllowedExternalUrl('https://127.0.0.1:8787/', demo)).toBe(false);
  });
});
