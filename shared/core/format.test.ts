import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatChf,
  formatCompactFrancs,
  formatDate,
  formatDateTime,
  formatDuration,
  formatFixed,
  formatInteger,
  formatMonth,
  formatNumber,
  formatPercent,
  formatQrReference,
} from './format';
import { languages, type Language } from '../i18n/languages';

// ICU writes narrow no-break spaces and, depending on its version, a typographic apostrophe as the
// Swiss group separator; the expectations below spell them as plain spaces and apostrophes.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'");

/** What a clerk reads in each Swiss form, written out by hand. */
const expected: Record<
  Language,
  {
    chf: string;
    big: string;
    negative: string;
    amount: string;
    negativeAmount: string;
    count: string;
    share: string;
    axis: string;
    axisMillions: string;
    date: string;
    month: string;
    longMonth: string;
    instant: string;
    number: string;
  }
> = {
  de: {
    chf: "CHF 5'761.10",
    big: "CHF 19'230.25",
    negative: '-CHF 377.29',
    amount: "5'761.10",
    negativeAmount: '-377.29',
    count: "21'058",
    share: '50.3%',
    axis: "600'000",
    axisMillions: '1.2 Mio.',
    date: '05.03.2026',
    month: 'März 26',
    longMonth: 'März 2026',
    instant: '05.03.2026, 14:05',
    number: "1'234.57",
  },
  fr: {
    chf: '5 761.10 CHF',
    big: '19 230.25 CHF',
    negative: '-377.29 CHF',
    amount: '5 761.10',
    negativeAmount: '-377.29',
    count: '21 058',
    share: '50,3%',
    axis: '600 k',
    axisMillions: '1,2 M',
    date: '05.03.2026',
    month: 'mars 26',
    longMonth: 'mars 2026',
    instant: '05.03.2026 14:05',
    number: '1 234,57',
  },
  it: {
    chf: "CHF 5'761.10",
    big: "CHF 19'230.25",
    negative: '-CHF 377.29',
    amount: "5'761.10",
    negativeAmount: '-377.29',
    count: "21'058",
    share: '50.3%',
    axis: '600K',
    axisMillions: '1.2 Mln',
    date: '05.03.2026',
    month: 'mar 26',
    longMonth: 'marzo 2026',
    instant: '05.03.2026, 14:05',
    number: "1'234.57",
  },
  en: {
    chf: "CHF 5'761.10",
    big: "CHF 19'230.25",
    negative: '-CHF 377.29',
    amount: "5'761.10",
    negativeAmount: '-377.29',
    count: "21'058",
    share: '50.3%',
    axis: '600K',
    axisMillions: '1.2M',
    date: '05.03.2026',
    month: 'Mar 26',
    longMonth: 'March 2026',
    instant: '05.03.2026, 14:05',
    number: "1'234.57",
  },
};

describe.each(languages)('the %s-CH form', (language) => {
  const want = expected[language];

  it('groups four-digit amounts like longer ones', () => {
    expect(plain(formatChf(576110, language))).toBe(want.chf);
    expect(plain(formatChf(1923025, language))).toBe(want.big);
    expect(plain(formatAmount(576110, language))).toBe(want.amount);
  });

  it('puts the sign in front of the whole amount', () => {
    expect(plain(formatChf(-37729, language))).toBe(want.negative);
    expect(plain(formatAmount(-37729, language))).toBe(want.negativeAmount);
  });

  it('formats counts, shares and other numbers in the same form', () => {
    expect(plain(formatInteger(21058, language))).toBe(want.count);
    expect(plain(formatPercent(0.503, language))).toBe(want.share);
    expect(plain(formatNumber(1234.567, language))).toBe(want.number);
  });

  it('keeps as many decimals on every share of a column when asked', () => {
    const intl = (ratio: number) =>
      new Intl.NumberFormat(`${language}-CH`, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(ratio);
    expect(formatPercent(0, language, 1)).toBe(intl(0));
    expect(formatPercent(0.081, language, 1)).toBe(intl(0.081));
    expect(formatPercent(0.081, language, 1)).toMatch(/8[.,]1/);
  });

  it('labels a chart axis in the same form', () => {
    expect(plain(formatCompactFrancs(60_000_000, language))).toBe(want.axis);
    expect(plain(formatCompactFrancs(120_000_000, language))).toBe(want.axisMillions);
  });

  it('writes dates as the Swiss do, without time-zone drift', () => {
    expect(formatDate('2026-03-05', language)).toBe(want.date);
    expect(formatDate('2026-03-05T23:30:00+01:00', language)).toBe(want.date);
    expect(formatMonth('2026-03', language)).toBe(want.month);
    expect(formatMonth('2026-03', language, 'long')).toBe(want.longMonth);
    expect(plain(formatDateTime(new Date(2026, 2, 5, 14, 5), language))).toBe(want.instant);
  });
});

describe('format', () => {
  it('keeps every centime of amounts beyond float precision', () => {
    expect(plain(formatAmount(99_999_999_999_999, 'de'))).toBe("999'999'999'999.99");
    expect(plain(formatAmount(90_071_992_547_409, 'en'))).toBe("900'719'925'474.09");
    expect(plain(formatChf(-99_999_999_999_999, 'fr'))).toBe('-999 999 999 999.99 CHF');
  });

  it('shows small amounts and zero without a sign', () => {
    expect(plain(formatChf(5, 'en'))).toBe('CHF 0.05');
    expect(plain(formatChf(-5, 'de'))).toBe('-CHF 0.05');
    expect(plain(formatChf(0, 'it'))).toBe('CHF 0.00');
  });

  it('formats coarse durations', () => {
    expect(formatDuration(42, 'en')).toMatch(/42/);
    expect(formatDuration(150, 'en')).toMatch(/3 min/);
  });
});

describe('formatQrReference', () => {
  it('groups a QR reference as the payment slip prints it', () => {
    expect(formatQrReference('000066796060000000000000019')).toBe('00 00667 96060 00000 00000 00019');
    expect(formatQrReference('21 00000 00003 13947 14300 09017')).toBe('21 00000 00003 13947 14300 09017');
  });

  it('groups a creditor reference in fours', () => {
    expect(formatQrReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
  });

  it('leaves anything else as it came', () => {
    expect(formatQrReference('KST 7860')).toBe('KST 7860');
    expect(formatQrReference('')).toBe('');
  });
});

describe('formatFixed', () => {
  it('keeps as many decimals for every figure of a column, in each Swiss form', () => {
    expect(plain(formatFixed(6.5, 'de', 2))).toBe('6.50');
    expect(plain(formatFixed(7.05, 'fr', 2))).toBe('7,05');
    expect(plain(formatFixed(1234.5, 'it', 2))).toBe("1'234.50");
    expect(plain(formatFixed(2, 'en', 2))).toBe('2.00');
  });
});
