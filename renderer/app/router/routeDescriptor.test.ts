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
});
