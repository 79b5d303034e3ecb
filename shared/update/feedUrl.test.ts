import { describe, expect, it } from 'vitest';
import { checkFeedUrl, effectiveFeedUrl, FEED_URL_MAX_LENGTH } from './feedUrl';

describe('checkFeedUrl', () => {
  it('takes empty as "back to the build\'s feed"', () => {
    expect(checkFeedUrl('')).toEqual({ ok: true, url: null });
    expect(checkFeedUrl('   ')).toEqual({ ok: true, url: null });
  });

  it('takes https anywhere and normalises it', () => {
    expect(checkFeedUrl(' https://updates.example.ch/invoice-desk/ ')).toEqual({
      ok: true,
      url: 'https://updates.example.ch/invoice-desk/',
    });
    expect(checkFeedUrl('HTTPS://Updates.Example.ch')).toEqual({
      ok: true,
      url: 'https://updates.example.ch/',
    });
  });

  it('takes http only on loopback', () => {
    expect(checkFeedUrl('http://127.0.0.1:8080/feed')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8080/feed',
    });
    expect(checkFeedUrl('http://localhost/feed')).toMatchObject({ ok: true });
    expect(checkFeedUrl('http://[::1]:9/')).toMatchObject({ ok: true });
    expect(checkFeedUrl('http://updates.example.ch/')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkFeedUrl('http://127.0.0.2/')).toEqual({ ok: false, problem: 'insecure' });
  });

  it.each([
    'updates.example.ch',
    'ftp://updates.example.ch/',
    'file:///C:/feed/',
    'https://user:secret@updates.example.ch/',
    'https://updates.example.ch/?token=1',
    'https://updates.example.ch/#x',
    `https://updates.example.ch/${'a'.repeat(FEED_URL_MAX_LENGTH)}`,
  ])('refuses %s', (text) => {
    expect(checkFeedUrl(text)).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('effectiveFeedUrl', () => {
  it('prefers the override, then a valid build-time URL, else none', () => {
    expect(effectiveFeedUrl('https://it.example.ch/', 'https://vendor.example.ch/')).toBe(
      'https://it.example.ch/',
    );
    expect(effectiveFeedUrl(null, 'https://vendor.example.ch/')).toBe('https://vendor.example.ch/');
    expect(effectiveFeedUrl(null, '')).toBeNull();
    expect(effectiveFeedUrl(null, 'http://vendor.example.ch/')).toBeNull();
  });
});
