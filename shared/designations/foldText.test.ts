import { describe, expect, it } from 'vitest';
import { foldText, searchTerms } from './foldText';

describe('foldText', () => {
  it('folds case and accents of the four languages', () => {
    expect(foldText('Genève')).toBe('geneve');
    expect(foldText('ZÜRICH Bahnhofstraße')).toBe('zurich bahnhofstraße');
    expect(foldText('Città Été Ñ')).toBe('citta ete n');
  });

  it('folds precomposed and decomposed input alike', () => {
    expect(foldText('Gen\u00e8ve')).toBe(foldText('Gene\u0300ve'));
  });
});

describe('searchTerms', () => {
  it('splits on any whitespace and drops empties', () => {
    expect(searchTerms('  Colis   GENÈVE\t')).toEqual(['colis', 'geneve']);
    expect(searchTerms('   ')).toEqual([]);
  });
});
