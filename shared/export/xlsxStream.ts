import { Zip, ZipDeflate } from 'fflate';
import {
  checkColumns,
  checkRowLength,
  FIRST_EXACT_EXCEL_DATE,
  formatCentimes,
  invalidCell,
  isDecimal,
  isInteger,
  isIsoDate,
  isMoneyCentimes,
  isText,
  type ColumnType,
  type ExportColumn,
} from './columns';
import { sanitizeText } from './sanitize';
import { sanitizeSheetName } from './sheetName';

/**
 * A streaming xlsx writer for workbooks too large for SheetJS in memory (1.3 M lines): each sheet's
 * XML is written row by row in chunks of about 256 K characters and deflated through fflate's
 * streaming Zip, so memory stays bounded by a chunk, whatever the row count. Text is written as
 * inline strings (no shared-string table to hold), numbers as numbers with formats, dates as date
 * serials. Sheets go into the zip in the order they are written; the workbook part, which names
 * them in display order, is written last, once every sheet (and how many the lines needed) is known.
 */

/** Receives the file's bytes in order; awaiting it is the writer's back-pressure. */
export type ChunkSink = (chunk: Uint8Array) => void | Promise<void>;

/** A value of another type than its column's (the Overview sheet: a label beside a figure). */
export interface TypedValue {
  readonly type: ColumnType;
  readonly value: unknown;
}

export const typed = (type: ColumnType, value: unknown): TypedValue => ({ type, value });

/** Rows arrive in batches, so an async source pays one await per batch, not per row. */
export type RowBatches = AsyncIterable<Iterable<readonly unknown[]>> | Iterable<Iterable<readonly unknown[]>>;

export interface StreamSheet {
  /** Repaired to what Excel accepts; continuation sheets get " 2", " 3", ... */
  readonly name: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: RowBatches;
  /** Written in bold below the rows (column totals); never split from the last sheet. */
  readonly totals?: readonly (readonly unknown[])[];
  /** Where the sheet appears among the tabs (lower first); ties keep the writing order. */
  readonly position: number;
}

export interface WorkbookOptions {
  readonly dateFormat: 'yyyy-mm-dd' | 'dd.mm.yyyy';
  /** Rows a sheet may hold, header included: Excel's limit unless a test injects a small one. */
  readonly maxRows?: number;
  /** Deflate level: 1 is several times faster than 6 and costs a few percent of size on XML. */
  readonly level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Checked between batches: an aborted signal stops the export with its reason. */
  readonly signal?: AbortSignal;
  /** Told after each batch how many data rows were written so far (over all sheets). */
  readonly onRows?: (rows: number) => void;
}

export interface WorkbookWriter {
  /** Writes one sheet, or several when its rows pass the limit; returns the names used. */
  sheet(sheet: StreamSheet): Promise<string[]>;
  /** Writes the workbook parts and closes the zip. */
  finish(): Promise<void>;
}

/** Excel's fixed worksheet size. */
export const XLSX_STREAM_MAX_ROWS = 1_048_576;

export const createWorkbookWriter = (sink: ChunkSink, options: WorkbookOptions): WorkbookWriter => {
  const maxRows = options.maxRows ?? XLSX_STREAM_MAX_ROWS;
  if (maxRows < 2) throw new RangeError('A sheet needs room for its header and one row');
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    while (pending.length > 0) {
      const chunk = pending.shift();
      if (chunk) await sink(chunk);
    }
  };
  const encoder = new TextEncoder();
  const level = options.level ?? 1;
  const written: (WrittenSheet & { position: number })[] = [];
  let files = 0;
  const usedNames = new Set<string>();
  let rowsSoFar = 0;

  const addFile = async (path: string, text: string): Promise<void> => {
    const file = new ZipDeflate(path, { level });
    zip.add(file);
    file.push(encoder.encode(text), true);
    await flush();
  };

  const uniqueName = (wanted: string): string => {
    let name = sanitizeSheetName(wanted);
    for (let n = 2; usedNames.has(name.toLowerCase()); n += 1) {
      name = sanitizeSheetName(`${wanted.slice(0, 26)} (${n})`);
    }
    usedNames.add(name.toLowerCase());
    return name;
  };

  return {
    sheet: async (sheet) => {
      checkColumns(sheet.columns);
      const cells = sheet.columns.map((column) => cellWriter(column, options.dateFormat));
      const letters = sheet.columns.map((_, index) => columnLetter(index));
      const lastLetter = letters[letters.length - 1] ?? 'A';
      const header = headerRow(sheet.columns, letters);
      const names: string[] = [];

      let file: ZipDeflate | null = null;
      let fileNo = 0;
      let xml = '';
      let row = 0;
      let dataRow = 0;
      const push = async (final: boolean): Promise<void> => {
        if (!file) return;
        file.push(encoder.encode(xml), final);
        xml = '';
        await flush();
      };
      const open = (): void => {
        const name = uniqueName(names.length === 0 ? sheet.name : `${sheet.name} ${names.length + 1}`);
        names.push(name);
        files += 1;
        fileNo = files;
        file = new ZipDeflate(`xl/worksheets/sheet${fileNo}.xml`, { level });
        zip.add(file);
        xml = sheetStart(sheet.columns) + header;
        row = 1;
      };
      const close = async (): Promise<void> => {
        const filter = `A1:${lastLetter}${row}`;
        xml += `</sheetData><autoFilter ref="${filter}"/></worksheet>`;
        await push(true);
        file = null;
        const name = names[names.length - 1] ?? sheet.name;
        written.push({ name, position: sheet.position, filter, file: fileNo });
      };
      const writeRow = (values: readonly unknown[], bold: boolean): void => {
        checkRowLength(values, cells.length, dataRow);
        row += 1;
        xml += `<row r="${row}">`;
        let gap = false;
        for (let column = 0; column < cells.length; column += 1) {
          const write = cells[column];
          if (!write) continue;
          const cell = write(values[column], gap ? `${letters[column] ?? 'A'}${row}` : '', dataRow, bold);
          gap = cell === '';
          xml += cell;
        }
        xml += '</row>';
        dataRow += 1;
      };

      open();
      for await (const batch of sheet.rows) {
        if (options.signal?.aborted) throw abortReason(options.signal);
        for (const values of batch) {
          if (row === maxRows) {
            await close();
            open();
          }
          writeRow(values, false);
          if (xml.length >= CHUNK_CHARS) await push(false);
        }
        options.onRows?.(rowsSoFar + dataRow);
      }
      const totals = sheet.totals ?? [];
      if (row + totals.length > maxRows) {
        await close();
        open();
      }
      for (const values of totals) writeRow(values, true);
      await close();
      rowsSoFar += dataRow;
      return names;
    },
    finish: async () => {
      if (options.signal?.aborted) throw abortReason(options.signal);
      const sheets = [...written].sort((a, b) => a.position - b.position || a.file - b.file);
      await addFile('xl/styles.xml', stylesXml(options.dateFormat));
      await addFile('xl/workbook.xml', workbookXml(sheets));
      await addFile('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets));
      await addFile('_rels/.rels', ROOT_RELS);
      await addFile('[Content_Types].xml', contentTypesXml(sheets));
      zip.end();
      await flush();
    },
  };
};

// ---------------------------------------------------------------------------------------------

const CHUNK_CHARS = 1 << 18;
const MAX_TEXT_LENGTH = 32_767;
// Up to 15 digits a spreadsheet number shows exactly; past that, the exact digits go in as text.
const MAX_EXACT = 999_999_999_999_999;
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;
const MAX_DECIMALS = 6;

// Style indexes in cellXfs (see stylesXml); a bold variant is the same index plus BOLD.
const TEXT = 0;
const MONEY = 1;
const DATE = 2;
const INTEGER = 3;
const DECIMAL = 4; // + decimals, 0..MAX_DECIMALS
const BOLD = DECIMAL + MAX_DECIMALS + 1;

const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The export was cancelled', 'AbortError');

const columnLetter = (index: number): string => {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
};

// XML 1.0 cannot hold most control characters: OOXML spells them _xHHHH_, and a literal text that
// looks like that escape gets its underscore spelled _x005F_ so it survives as typed.
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;
const MARKUP = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// A lone surrogate is not a character XML may hold either.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Any character one of the replacements below would touch; most text has none.
// eslint-disable-next-line no-control-regex -- control characters are among what this finds
const NEEDS_ESCAPE = /[&<>"_\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

export const xmlText = (text: string): string => {
  if (text.length <= MAX_TEXT_LENGTH && !NEEDS_ESCAPE.test(text)) return text;
  let value = text;
  if (value.length > MAX_TEXT_LENGTH) {
    const high = value.charCodeAt(MAX_TEXT_LENGTH - 1);
    value = value.slice(0, high >= 0xd800 && high <= 0xdbff ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH);
  }
  return value
    .replace(ESCAPE_LIKE, '_x005F_$1')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(NOT_XML, (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(MARKUP, (char) => ENTITIES[char] ?? char);
};

// A cell names its reference only after a gap (an empty cell is not written): readers place the
// others one after the other. Over a million rows that is a third less XML to write and deflate.
const refAttribute = (ref: string): string => (ref === '' ? '' : ` r="${ref}"`);

// Readers trim leading and trailing white space unless told to keep it: only such text says so.
const keepsSpace = (text: string): boolean =>
  text.charCodeAt(0) <= 0x20 || text.charCodeAt(text.length - 1) <= 0x20;

const inlineText = (ref: string, text: string, style: number): string => {
  const value = xmlText(sanitizeText(text));
  return `<c${refAttribute(ref)} t="inlineStr"${style === 0 ? '' : ` s="${style}"`}><is>${keepsSpace(text) ? '<t xml:space="preserve">' : '<t>'}${value}</t></is></c>`;
};

const numberCell = (ref: string, value: number | string, style: number): string =>
  `<c${refAttribute(ref)} s="${style}"><v>${value}</v></c>`;

const dateSerial = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY +
  UNIX_EPOCH_SERIAL;

const dateText = (iso: string, format: WorkbookOptions['dateFormat']): string =>
  format === 'dd.mm.yyyy' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;

type CellWrite = (value: unknown, ref: string, rowIndex: number, bold: boolean) => string;

const isTypedValue = (value: unknown): value is TypedValue =>
  typeof value === 'object' && value !== null && 'type' in value && 'value' in value;

const cellWriter = (column: ExportColumn, dateFormat: WorkbookOptions['dateFormat']): CellWrite => {
  const plain = typeWriter(column, column.type, dateFormat);
  const others = new Map<ColumnType, CellWrite>();
  return (value, ref, rowIndex, bold) => {
    if (!isTypedValue(value)) return plain(value, ref, rowIndex, bold);
    let write = others.get(value.type);
    if (!write) {
      write = typeWriter(column, value.type, dateFormat);
      others.set(value.type, write);
    }
    return write(value.value, ref, rowIndex, bold);
  };
};

const typeWriter = (
  column: ExportColumn,
  type: ColumnType,
  dateFormat: WorkbookOptions['dateFormat'],
): CellWrite => {
  const style = (base: number, bold: boolean) => (bold ? base + BOLD : base);
  switch (type) {
    case 'text':
      return (value, ref, rowIndex, bold) => {
        if (!isText(value)) throw invalidCell(column, value, rowIndex);
        return value === null || value === '' ? '' : inlineText(ref, value, style(TEXT, bold));
      };
    case 'integer':
      return (value, ref, rowIndex, bold) => {
        if (!isInteger(value)) throw invalidCell(column, value, rowIndex);
        return Math.abs(value) > MAX_EXACT
          ? inlineText(ref, String(value), style(TEXT, bold))
          : numberCell(ref, value, style(INTEGER, bold));
      };
    case 'money':
      return (value, ref, rowIndex, bold) => {
        if (!isMoneyCentimes(value)) throw invalidCell(column, value, rowIndex);
        // centimes / 100 is the double nearest the amount, and its shortest form (what String
        // writes) is the amount's exact digits up to 15 of them; longer sums stay exact as text.
        return Math.abs(value) > MAX_EXACT
          ? inlineText(ref, formatCentimes(value), style(TEXT, bold))
          : numberCell(ref, value / 100, style(MONEY, bold));
      };
    case 'decimal':
      return (value, ref, rowIndex, bold) => {
        if (!isDecimal(value)) throw invalidCell(column, value, rowIndex);
        const dot = value.indexOf('.');
        const decimals = Math.min(MAX_DECIMALS, dot === -1 ? 0 : value.length - dot - 1);
        return numberCell(ref, Number(value), style(DECIMAL + decimals, bold));
      };
    case 'date':
      return (value, ref, rowIndex, bold) => {
        if (!isIsoDate(value)) throw invalidCell(column, value, rowIndex);
        // Before March 1900 Excel's serials are off by a day (its phantom 29 February 1900).
        return value < FIRST_EXACT_EXCEL_DATE
          ? inlineText(ref, dateText(value, dateFormat), style(TEXT, bold))
          : numberCell(ref, dateSerial(value), style(DATE, bold));
      };
  }
};

const WIDTHS: Record<ColumnType, number> = { text: 18, integer: 10, money: 16, decimal: 12, date: 12 };

const sheetStart = (columns: readonly ExportColumn[]): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  '<sheetViews><sheetView workbookViewId="0">' +
  '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
  '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>' +
  columns
    .map((column, index) => {
      // Room for the header and the autofilter's button beside it.
      const width = Math.min(60, Math.max(WIDTHS[column.type], column.header.length + 4));
      return `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('') +
  '</cols><sheetData>';

const headerRow = (columns: readonly ExportColumn[], letters: readonly string[]): string =>
  '<row r="1">' +
  columns
    .map((column, index) => inlineText(`${letters[index] ?? 'A'}1`, column.header, TEXT + BOLD))
    .join('') +
  '</row>';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const stylesXml = (dateFormat: WorkbookOptions['dateFormat']): string => {
  const decimalFormats = Array.from(
    { length: MAX_DECIMALS + 1 },
    (_, decimals) => `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`,
  );
  const formats = [
    '#,##0.00',
    dateFormat === 'dd.mm.yyyy' ? 'dd\\.mm\\.yyyy' : 'yyyy-mm-dd',
    '0',
    ...decimalFormats,
  ];
  const numFmts = formats
    .map((code, index) => `<numFmt numFmtId="${164 + index}" formatCode="${xmlText(code)}"/>`)
    .join('');
  // One xf per format (text first, general), then the same again with the bold font.
  const xf = (numFmtId: number, font: number) =>
    `<xf numFmtId="${numFmtId}" fontId="${font}" fillId="0" borderId="0" xfId="0"${numFmtId === 0 ? '' : ' applyNumberFormat="1"'}${font === 0 ? '' : ' applyFont="1"'}/>`;
  const ids = [0, ...formats.map((_, index) => 164 + index)];
  const xfs = [...ids.map((id) => xf(id, 0)), ...ids.map((id) => xf(id, 1))];
  return (
    XML_HEAD +
    `<styleSheet xmlns="${MAIN_NS}"><numFmts count="${formats.length}">${numFmts}</numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
};

interface WrittenSheet {
  name: string;
  file: number;
  filter: string;
}

const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

const workbookXml = (sheets: readonly WrittenSheet[]): string =>
  XML_HEAD +
  `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
  sheets
    .map(
      (sheet, index) =>
        `<sheet name="${xmlText(sheet.name)}" sheetId="${index + 1}" r:id="rId${sheet.file}"/>`,
    )
    .join('') +
  '</sheets><definedNames>' +
  sheets
    .map((sheet, index) => {
      const [from = 'A1', to = 'A1'] = sheet.filter.split(':');
      const absolute = (ref: string) => ref.replace(/^([A-Z]+)([0-9]+)$/, '$$$1$$$2');
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${xmlText(quotedSheet(sheet.name))}!${absolute(from)}:${absolute(to)}</definedName>`;
    })
    .join('') +
  '</definedNames></workbook>';

const workbookRelsXml = (sheets: readonly WrittenSheet[]): string =>
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  sheets
    .map(
      (sheet) =>
        `<Relationship Id="rId${sheet.file}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${sheet.file}.xml"/>`,
    )
    .join('') +
  `<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;

const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const contentTypesXml = (sheets: readonly WrittenSheet[]): string =>
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  sheets
    .map(
      (sheet) =>
        `<Override PartName="/xl/worksheets/sheet${sheet.file}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('') +
  '</Types>';
