import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

const props = (resetKey: string) => ({
  variant: 'page' as const,
  area: 'page test',
  resetKey,
  children: null,
});

describe('ErrorBoundary', () => {
  it('keeps a failure on the page it happened on and clears it on another page', () => {
    const caught = { error: ErrorBoundary.getDerivedStateFromError(new TypeError('boom')).error ?? null };
    // The render right after the failure ties it to the current page.
    const tied = ErrorBoundary.getDerivedStateFromProps(props('invoices'), caught);
    expect(tied?.error?.resetKey).toBe('invoices');
    const state = { error: tied?.error ?? null };
    // Re-rendered on the same page (a filter change, a live query): the failure stays.
    expect(ErrorBoundary.getDerivedStateFromProps(props('invoices'), state)).toBeNull();
    // Another page: the boundary renders its children again.
    expect(ErrorBoundary.getDerivedStateFromProps(props('settings'), state)).toEqual({ error: null });
  });

  it('leaves a boundary without a failure alone', () => {
    expect(ErrorBoundary.getDerivedStateFromProps(props('x'), { error: null })).toBeNull();
  });
});
