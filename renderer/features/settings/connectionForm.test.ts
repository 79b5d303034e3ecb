import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/connection/settings';
import { draftIsInsecure, requestFromDraft } from './connectionForm';

const demoInfo: ConnectionInfo = { settings: { mode: 'demo' }, hasSecret: true, secretStorage: 'os' };
const customInfo: ConnectionInfo = {
  settings: { mode: 'custom', baseUrl: 'https://billing.example.ch', clientId: 'acme' },
  hasSecret: true,
  secretStorage: 'os',
};

describe('requestFromDraft', () => {
  it('needs nothing for demo data', () => {
    expect(
      requestFromDraft({ mode: 'demo', baseUrl: 'junk', clientId: '', clientSecret: '' }, customInfo),
    ).toEqual({
      ok: true,
      request: { settings: { mode: 'demo' } },
    });
  });

  it('names the field that is wrong', () => {
    expect(
      requestFromDraft({ mode: 'custom', baseUrl: 'ftp://x', clientId: 'a', clientSecret: 's' }, demoInfo),
    ).toEqual({
      ok: false,
      problem: 'invalidUrl',
    });
    expect(
      requestFromDraft(
        { mode: 'custom', baseUrl: 'https://x.ch', clientId: ' ', clientSecret: 's' },
        demoInfo,
      ),
    ).toEqual({
      ok: false,
      problem: 'clientIdRequired',
    });
    expect(
      requestFromDraft(
        { mode: 'custom', baseUrl: 'https://x.ch', clientId: 'a', clientSecret: '' },
        demoInfo,
      ),
    ).toEqual({
      ok: false,
      problem: 'secretRequired',
    });
  });

  it('keeps a stored secret only for the same back end and client', () => {
    const same = {
      mode: 'custom',
      baseUrl: 'https://billing.example.ch',
      clientId: 'acme',
      clientSecret: '',
    } as const;
    expect(requestFromDraft(same, customInfo)).toEqual({
      ok: true,
      request: { settings: { mode: 'custom', baseUrl: 'https://billing.example.ch', clientId: 'acme' } },
    });
    expect(requestFromDraft({ ...same, baseUrl: 'https://other.example.ch' }, customInfo)).toEqual({
      ok: false,
      problem: 'secretRequired',
    });
    expect(requestFromDraft({ ...same, clientId: 'other' }, customInfo)).toEqual({
      ok: false,
      problem: 'secretRequired',
    });
  });

  it('passes a typed secret along, trimmed', () => {
    expect(
      requestFromDraft(
        { mode: 'custom', baseUrl: 'https://x.ch', clientId: 'a', clientSecret: ' s3 ' },
        demoInfo,
      ),
    ).toEqual({
      ok: true,
      request: { settings: { mode: 'custom', baseUrl: 'https://x.ch', clientId: 'a' }, clientSecret: 's3' },
    });
  });
});

describe('draftIsInsecure', () => {
  it('flags plain http to another machine only', () => {
    const draft = { mode: 'custom', clientId: 'a', clientSecret: '' } as const;
    expect(draftIsInsecure({ ...draft, baseUrl: 'http://billing.example.ch' })).toBe(true);
    expect(draftIsInsecure({ ...draft, baseUrl: 'http://127.0.0.1:8787' })).toBe(false);
    expect(draftIsInsecure({ ...draft, baseUrl: 'https://billing.example.ch' })).toBe(false);
    expect(draftIsInsecure({ ...draft, baseUrl: 'not a url' })).toBe(false);
  });
});
