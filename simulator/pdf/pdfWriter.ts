/**
 * A minimal PDF 1.4 writer: A4 pages of text and rules in the standard Helvetica fonts, an exact
 * cross-reference table, no compression. Hand-written because every invoice header served by the
 * feed carries the document's SHA-256, so documents must be produced in about a millisecond; it is
 * also fully deterministic (no timestamps or random IDs), which keeps the digests stable.
 */
import { WIN_ANSI_EXTRAS, textWidth, type FontName } from './helveticaMetrics';

export const A4 = { width: 595.28, height: 841.89 } as const;

export interface TextOptions {
  readonly font?: FontName;
  readonly size?: number;
  readonly align?: 'left' | 'right' | 'center';
  /** clip the text with an ellipsis so it fits this width */
  readonly maxWidth?: number;
}

export interface PageCanvas {
  text(x: number, y: number, text: string, options?: TextOptions): void;
  rule(x1: number, y1: number, x2: number, y2: number, options?: { width?: number; dash?: number }): void;
  box(
    x: number,
    y: number,
    width: number,
    height: number,
    options?: { fillGray?: number; stroke?: boolean },
  ): void;
  /** the content stream, one char per byte */
  readonly content: () => string;
}

export interface DocumentInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  /** PDF date string, e.g. D:20260331000000Z */
  readonly creationDate: string;
}

const FONT_RESOURCE: Record<FontName, string> = { Helvetica: 'F1', 'Helvetica-Bold': 'F2' };

/** Maps text to WinAnsiEncoding bytes (one char per byte); characters it lacks become '?'. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export const encodeWinAnsi = (text: string): string => {
  if (PRINTABLE_ASCII.test(text)) return text;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    if (code >= 32 && code < 127) out += char;
    else if (code >= 160 && code <= 255) out += char;
    else if (code < 32) out += ' ';
    else {
      const mapped = WIN_ANSI_EXTRAS.get(code);
      out += String.fromCharCode(mapped ?? 63);
    }
  }
  return out;
};

const NEEDS_ESCAPE = /[\\()]/;
const escapeLiteral = (encoded: string): string =>
  NEEDS_ESCAPE.test(encoded) ? encoded.replace(/[\\()]/g, (c) => `\\${c}`) : encoded;

// k / 100 prints in its shortest exact form ("467.92", "12.5", "800"), as PDF operands want.
const num = (value: number): string => String(Math.round(value * 100) / 100);

const fitToWidth = (encoded: string, font: FontName, size: number, maxWidth: number): string => {
  if (textWidth(encoded, font, size) <= maxWidth) return encoded;
  const ellipsis = '\x85'; // WinAnsi horizontal ellipsis
  let end = encoded.length;
  while (end > 0 && textWidth(encoded.slice(0, end) + ellipsis, font, size) > maxWidth) end -= 1;
  return encoded.slice(0, end) + ellipsis;
};

export const createPage = (): PageCanvas => {
  const ops: string[] = [];
  return {
    text: (x, y, text, options = {}) => {
      const font = options.font ?? 'Helvetica';
      const size = options.size ?? 9;
      let encoded = encodeWinAnsi(text);
      if (options.maxWidth !== undefined) encoded = fitToWidth(encoded, font, size, options.maxWidth);
      const width =
        options.align === undefined || options.align === 'left' ? 0 : textWidth(encoded, font, size);
      const left = options.align === 'right' ? x - width : options.align === 'center' ? x - width / 2 : x;
      ops.push(
        `BT /${FONT_RESOURCE[font]} ${num(size)} Tf ${num(left)} ${num(y)} Td (${escapeLiteral(encoded)}) Tj ET`,
      );
    },
    rule: (x1, y1, x2, y2, options = {}) => {
      const dash = options.dash === undefined ? '' : `[${num(options.dash)}] 0 d `;
      const reset = options.dash === undefined ? '' : ' [] 0 d';
      ops.push(
        `${num(options.width ?? 0.5)} w ${dash}${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S${reset}`,
      );
    },
    box: (x, y, width, height, options = {}) => {
      const rect = `${num(x)} ${num(y)} ${num(width)} ${num(height)} re`;
      if (options.fillGray !== undefined) ops.push(`${num(options.fillGray)} g ${rect} f 0 g`);
      if (options.stroke === true) ops.push(`0.5 w ${rect} S`);
    },
    content: () => ops.join('\n'),
  };
};

const encodeInfoString = (text: string): string => `(${escapeLiteral(encodeWinAnsi(text))})`;

/** Serialises pages into PDF bytes with a correct xref table. */
export const writePdf = (pages: readonly string[], info: DocumentInfo): Uint8Array => {
  const objects: string[] = [];
  // Fixed object numbers: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then page + content pairs.
  const pageObjectNumber = (i: number): number => 6 + i * 2;
  const kids = pages.map((_, i) => `${pageObjectNumber(i)} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  objects.push(
    `<< /Title ${encodeInfoString(info.title)} /Author ${encodeInfoString(info.author)} /Subject ${encodeInfoString(info.subject)} /Producer (Invoice Desk simulator) /CreationDate (${info.creationDate}) >>`,
  );
  pages.forEach((content, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(A4.width)} ${num(A4.height)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObjectNumber(i) + 1} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });

  // Latin-1 strings: one char per byte, so string lengths are byte offsets.
  const parts: string[] = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
  let offset = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = `${i + 1} 0 obj\n${body}\nendobj\n`;
    offsets.push(offset);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`];
  for (const at of offsets) xref.push(`${String(at).padStart(10, '0')} 00000 n \n`);
  parts.push(xref.join(''));
  parts.push(
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
  );
  return Buffer.from(parts.join(''), 'latin1');
};
