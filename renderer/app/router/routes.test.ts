import { describe, expect, it } from 'vitest';
import { hrefFor, hrefForInvoice, pages, parseHash, preloadPage, sectionOf } from './routes';

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

  it('opens an invoice by id, keeping odd characters intact', () => {
    const route = parseHash(hrefForInvoice('inv/2026 #1', new URLSearchParams({ tab: 'pdf' })));
    expect(route).toMatchObject({ page: 'invoices', itemId: 'inv/2026 #1' });
    expect(route.params.get('tab')).toBe('pdf');
    expect(sectionOf(route)).toBe('invoices');
  });

  it('opens the overview on an empty hash and flags unknown paths', () => {
    expect(parseHash('').page).toBe('overview');
    expect(parseHash('#/').page).toBe('notFound');
    expect(parseHash('#/nope').page).toBe('notFound');
    expect(parseHash('#/invoices/%E0%A4%A').page).toBe('notFound');
    // Only pages with item pages take an item.
    expect(parseHash('#/settings/x').page).toBe('notFound');
    expect(parseHash('#/invoices/a/b').page).toBe('notFound');
  });
});

describe('preloadPage', () => {
  it('preloads the page a route shows and ignores routes without one', () => {
    expect(() => preloadPage(parseHash('#/nope'))).not.toThrow();
    expect(() => preloadPage(parseHash('#/settings/x'))).not.toThrow();
  });
});
