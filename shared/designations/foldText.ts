/**
 * Text as search compares it: "Genève", "GENEVE" and "geneve" are one word to a clerk typing on a
 * keyboard without accents, so case and diacritics are folded away (NFD splits "è" into "e" plus a
 * combining mark, which is then dropped).
 */
export const foldText = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a search, folded; a row matches when every word occurs in one of its texts. */
export const searchTerms = (query: string): string[] =>
  foldText(query)
    .split(/\s+/)
    .filter((term) => term !== '');
