import { describe, expect, it } from 'vitest';
import { createServerClock, operatorDateFromHeader } from './serverDate';

describe('the operator clock', () => {
  it('reads the operator date from an HTTP Date header, never from the local clock', () => {
    expect(operatorDateFromHeader('Sun, 22 Nov 2026 12:00:00 GMT')).toBe('2026-11-22');
    expect(operatorDateFromHeader('Sunday, 22-Nov-26 23:59:59 GMT')).toBe('2026-11-22');
    expect(operatorDateFromHeader(null)).toBeNull();
    expect(operatorDateFromHeader('')).toBeNull();
    expect(operatorDateFromHeader('tomorrow')).toBeNull();
  });

  it('keeps the latest dated response and ignores undated ones', () => {
    const clock = createServerClock();
    expect(clock.operatorDate()).toBeNull();
    clock.observe(new Response(null, { headers: { date: 'Mon, 30 Nov 2026 08:00:00 GMT' } }));
    clock.observe(new Response(null));
    expect(clock.operatorDate()).toBe('2026-11-30');
    clock.observe(new Response(null, { headers: { date: 'Fri, 27 Nov 2026 08:00:00 GMT' } }));
    expect(clock.operatorDate()).toBe('2026-11-27');
  });
});
