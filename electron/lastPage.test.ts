import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './appOrigin';
import { entryUrl, pageOfUrl, rememberLastPage } from './lastPage';
import type { WindowStateFiles } from './windowState';

const memoryFiles = (initial: string | null = null) => {
  let text = initial;
  let writes = 0;
  const files: WindowStateFiles = {
    read: () => text,
    write: (value) => {
      writes += 1;
      text = value;
    },
  };
  return { files, writes: () => writes };
};

describe('last page', () => {
  it('knows the page of an app URL, an item or a query belonging to its page', () => {
    expect(pageOfUrl(`${APP_ENTRY_URL}#/invoices`)).toBe('/invoices');
    expect(pageOfUrl(`${APP_ENTRY_URL}#/invoices/2026%2F17?tab=pdf`)).toBe('/invoices');
    expect(pageOfUrl(`${APP_ENTRY_URL}#/analytics?period=ytd`)).toBe('/analytics');
    expect(pageOfUrl(`${APP_ENTRY_URL}#/cost-centres`)).toBe('/cost-centres');
  });

  it('ignores URLs outside the app and paths that are no page', () => {
    expect(pageOfUrl('https://evil.example/index.html#/invoices')).toBeNull();
    expect(pageOfUrl(`${APP_ENTRY_URL}#/invoicesX`)).toBeNull();
    expect(pageOfUrl(`${APP_ENTRY_URL}#/nope`)).toBeNull();
    expect(pageOfUrl(APP_ENTRY_URL)).toBeNull();
    expect(pageOfUrl('not a url')).toBeNull();
  });

  it('opens the next start on the page the clerk was on, writing only when the page changes', () => {
    const contents = new EventEmitter();
    const { files, writes } = memoryFiles();
    expect(entryUrl(files)).toBe(APP_ENTRY_URL);
    rememberLastPage(contents, files);
    contents.emit('did-navigate-in-page', {}, `${APP_ENTRY_URL}#/invoices`);
    contents.emit('did-navigate-in-page', {}, `${APP_ENTRY_URL}#/invoices?status=open`);
    contents.emit('did-navigate-in-page', {}, `${APP_ENTRY_URL}#/invoices/abc`);
    expect(writes()).toBe(1);
    contents.emit('did-navigate-in-page', {}, `${APP_ENTRY_URL}#/audit?kind=export`);
    contents.emit('did-navigate-in-page', {}, `${APP_ENTRY_URL}#/nope`);
    expect(writes()).toBe(2);
    expect(entryUrl(files)).toBe(`${APP_ENTRY_URL}#/audit`);
  });

  it('opens the Overview when the saved page is damaged or unknown', () => {
    for (const text of ['', '{', '{"path":"/gone"}', '{"path":"https://evil.example/"}', '{"path":1}'])
      expect(entryUrl(memoryFiles(text).files)).toBe(APP_ENTRY_URL);
  });
});
