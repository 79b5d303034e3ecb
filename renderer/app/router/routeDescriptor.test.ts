import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './routeDescriptor';

const Page = () => null;

describe('lazyPage', () => {
  it('fetches a page once however often it is preloaded', async () => {
    let loads = 0;
    const page = lazyPage(() => {
      loads += 1;
      return Promise.resolve({ default: Page });
    });
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([page.preload(), page.preload()]);
    expect(loads).toBe(1);
    expect(first).toBe(second);
  });

  it('keeps a failed load for the render to report, without an unhandled rejection from preloading', async () => {
    const page = lazyPage<object>(() => Promise.reject(new Error('chunk gone')));
    await expect(page.preload()).rejects.toThrow('chunk gone');
    await expect(page.preload()).rejects.toThrow('chunk gone');
  });

  it('renders a preloaded page at once, without a Suspense fallback first', async () => {
    const Greeting = ({ name }: { name: string }) => createElement('p', null, `Hello ${name}`);
    const render = (Page: ComponentType<{ name: string }>) =>
      renderToString(createElement(Suspense, { fallback: 'waiting' }, createElement(Page, { name: 'Anna' })));
    const cold = lazyPage(() => Promise.resolve({ default: Greeting }));
    // Not loaded yet: the page suspends and the fallback shows.
    expect(render(cold)).toContain('waiting');
    const warm = lazyPage(() => Promise.resolve({ default: Greeting }));
    await warm.preload();
    const html = render(warm);
    expect(html).toContain('Hello Anna');
    expect(html).not.toContain('waiting');
  });
});
