import { describe, expect, it } from 'vitest';
import { stackedAxisFloor } from './axisFloor';

describe('stackedAxisFloor', () => {
  it('starts at zero without any credit', () => {
    expect(
      stackedAxisFloor(
        [
          [100, 200],
          [50, 0],
        ],
        null,
      ),
    ).toBe(0);
  });

  it('starts at zero when the credits are under 2 % of the highest month', () => {
    // CHF -3'000 beside CHF 500'000: 0.6 %.
    expect(
      stackedAxisFloor(
        [
          [-300_000, 50_000_000],
          [0, 0],
        ],
        null,
      ),
    ).toBe(0);
    expect(stackedAxisFloor([[-999_999, 50_000_000]], null)).toBe(0);
  });

  it('keeps credits of 2 % or more: the axis goes below zero', () => {
    expect(stackedAxisFloor([[-1_000_000, 50_000_000]], null)).toBe('auto');
  });

  it('adds the credits of one month across series, as the stack draws them', () => {
    const series = [
      [-400_000, 50_000_000],
      [-400_000, 0],
      [-400_000, 0],
    ];
    expect(stackedAxisFloor(series.slice(0, 1), null)).toBe(0);
    expect(stackedAxisFloor(series, null)).toBe('auto');
  });

  it('counts the year-earlier line: a negative month there keeps the axis below zero', () => {
    expect(stackedAxisFloor([[100, 200]], [-150, 300])).toBe('auto');
    expect(stackedAxisFloor([[100, 200]], [150, 300])).toBe(0);
  });
});
