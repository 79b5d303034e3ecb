import { describe, expect, it } from 'vitest';
import { loadWebConfig } from './webConfig';

const fallback = { demoApiUrl: 'http://127.0.0.1:8787' };
const serve = (status: number, body: string) => (path: string) =>
  Promise.resolve(new Response(path === 'web-config.json' ? body : 'nope', { status }));

describe('the browser build’s run-time configuration', () => {
  it('reads the demo back end’s address the server wrote beside the page', async () => {
    expect(await loadWebConfig(serve(200, '{"demoApiUrl":"http://127.0.0.1:41234"}'), fallback)).toEqual({
      demoApiUrl: 'http://127.0.0.1:41234',
    });
  });

  it('falls back when the file is missing, damaged, not an http address, or the fetch fails', async () => {
    expect(await loadWebConfig(serve(404, ''), fallback)).toEqual(fallback);
    expect(await loadWebConfig(serve(200, '{"demoApiUrl":'), fallback)).toEqual(fallback);
    expect(await loadWebConfig(serve(200, '{"demoApiUrl":"javascript:alert(1)"}'), fallback)).toEqual(
      fallback,
    );
    expect(await loadWebConfig(() => Promise.reject(new TypeError('offline')), fallback)).toEqual(fallback);
  });
});
