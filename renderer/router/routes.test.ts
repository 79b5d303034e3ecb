import { describe, expect, it } from 'vitest';
import { hrefFor, pages, parseHash } from './routes';

describe('routes', () => {
  it('round-trips every page with its query', () => {
    for (const page of pages) {
      const params = new URLSearchParams({ status: 'open', from: '2026-01' });
      const route = parseHash(hrefFor(page, params));
      expect(route.page).toBe(page);
      expect(route.params.get('status')).toBe('open');
      expect(route.params.get('from')).toBe('2026-01');
    }
  });
  it('opens the overview on an empty hash and flags unknown paths', () => {
    expect(parseHash('').page).toBe('overview');
    expect(parseHash('#/').page).toBe('notFound');
    expect(parseHash('#/nope').page).toBe('notFound');
  });
});
