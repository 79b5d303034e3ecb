/**
 * CSV as clerks' tools write it: UTF-8 with or without BOM, or Windows-1252 (Excel's "CSV" on a
 * Swiss Windows), separated by comma, semicolon or tab. Decoded and split here rather than by
 * SheetJS, so that every cell stays the text the file holds ("0042" is never the number 42).
 */

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvSeparator = ',' | ';' | '\t';

// Windows-1252's 0x80..0x9F (the rest is Latin-1). Decoded by hand: Node's TextDecoder, depending
// on its ICU, reads 'windows-1252' as Latin-1 and turns € (0x80) into a control character.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const decodeWindows1252 = (bytes: Uint8Array): string => {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i += 1) {
      const byte = bytes[i] ?? 0;
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
};

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252. */
export const decodeCsv = (bytes: Uint8Array): { text: string; encoding: CsvEncoding } => {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: every byte sequence is valid Windows-1252, which is what Excel writes on Windows.
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
};

const SEPARATORS: readonly CsvSeparator[] = ['\t', ';', ','];
const SNIFF_LINES = 30;

/**
 * The separator whose count per line is the most consistent over the first lines, quotes taken into
 * account (a quoted "1 250,50" holds no separator). Ties go to tab, then semicolon, then comma: a
 * semicolon file's decimal commas and a tab file's commas are content, not structure.
 */
export const sniffSeparator = (text: string): CsvSeparator => {
  const counts: number[][] = [[], [], []];
  let line = [0, 0, 0];
  let lines = 0;
  let quoted = false;
  let blank = true;
  const endLine = () => {
    if (!blank) {
      for (let s = 0; s < 3; s += 1) counts[s]?.push(line[s] ?? 0);
      lines += 1;
    }
    line = [0, 0, 0];
    blank = true;
  };
  for (let i = 0; i < text.length && lines < SNIFF_LINES; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') endLine();
    else {
      blank = false;
      if (char === '\t') line[0] = (line[0] ?? 0) + 1;
      else if (char === ';') line[1] = (line[1] ?? 0) + 1;
      else if (char === ',') line[2] = (line[2] ?? 0) + 1;
    }
  }
  if (lines < SNIFF_LINES) endLine();
  let best: CsvSeparator = ',';
  let bestScore = 0;
  SEPARATORS.forEach((separator, s) => {
    const perLine = counts[s] ?? [];
    const frequency = new Map<number, number>();
    for (const count of perLine) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    const score = Math.max(0, ...frequency.values());
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  });
  return best;
};

/** RFC 4180 rows: quotes with "" inside, CRLF, LF or CR line ends; Excel's ="0042" is the text 0042. */
export const parseCsv = (text: string, separator: CsvSeparator): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(!wasQuoted && field.startsWith('="') && field.endsWith('"') ? field.slice(2, -1) : field);
    field = '';
    wasQuoted = false;
  };
  const length = text.length;
  let start = 0;
  for (let i = 0; i < length; i += 1) {
    const char = text.charCodeAt(i);
    if (quoted) {
      if (char === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          field += text.slice(start, i + 1);
          i += 1;
          start = i + 1;
        } else {
          field += text.slice(start, i);
          quoted = false;
          start = i + 1;
        }
      }
      continue;
    }
    if (char === 34 && field === '' && start === i) {
      quoted = true;
      wasQuoted = true;
      start = i + 1;
    } else if (char === separator.charCodeAt(0)) {
      field += text.slice(start, i);
      endField();
      start = i + 1;
    } else if (char === 10 || char === 13) {
      field += text.slice(start, i);
      endField();
      rows.push(row);
      row = [];
      if (char === 13 && text.charCodeAt(i + 1) === 10) i += 1;
      start = i + 1;
    }
  }
  field += text.slice(start);
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
};
