/**
 * Protection against CSV / formula injection (OWASP "CSV Injection").
 *
 * Line designations, references and cost-centre names come from the operator and from other users.
 * A spreadsheet program that opens an export treats a cell starting with = + - @ as a formula, and
 * TAB or CR as a way to smuggle one past a first character check; a formula can run DDE commands,
 * exfiltrate neighbouring cells through HYPERLINK/WEBSERVICE, or simply show a forged amount. Some
 * programs trim leading white space and invisible characters or fold full-width and small forms
 * (＝＋－＠﹦﹢﹣, and the minus sign −) to ASCII before deciding, so those count too. The OWASP remedy is applied: such text gets a leading single quote, which makes
 * Excel and LibreOffice take the cell as literal text.
 *
 * Only text cells pass through here. Figures (integer, money, decimal, date columns) are written as
 * real numbers and never prefixed, so "-12.05" in a money column stays a number that sums. The price
 * is that a text column holding "-5" or "+41 58 ..." shows the quote: numbers belong in numeric columns.
 *
 * In xlsx, string cells are never evaluated, but the same text is still quoted: the value may be
 * re-entered by the clerk (F2, Enter), copied into another sheet, or saved again as CSV.
 */

// TAB and CR are triggers on their own. = + - @ count after any run of white space (\s covers
// space, TAB, CR, LF, NBSP, U+3000 and U+FEFF) and invisible format characters (\p{Cf}: zero-width
// space and joiners U+200B..U+200D, word joiner U+2060, soft hyphen, direction marks), which a first
// character check does not see and some programs drop. The trigger may also be a compatibility form
// NFKC folds to it: full-width ＝＋－＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20), small ﹦﹢﹣ (U+FE66,
// U+FE62, U+FE63), and the minus sign − (U+2212) that some programs read as a minus.
const FORMULA_START = /^(?:[\t\r]|[\s\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\u2212])/u;

/** True when a spreadsheet program could read `text` as (the start of) a formula. */
export const isFormulaLike = (text: string): boolean => {
  const first = text.charCodeAt(0);
  // Fast path for the common case: ASCII letters, digits and most punctuation are never triggers.
  // '@' is 0x40 and the triggers = + - lie below it; everything from 'A' to '~' is safe.
  if (first > 0x40 && first < 0x7f) return false;
  return FORMULA_START.test(text);
};

/** Returns `text` unchanged, or with a leading single quote when it is formula-like. */
export const sanitizeText = (text: string): string => (isFormulaLike(text) ? `'${text}` : text);
