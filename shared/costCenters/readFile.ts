import { CFB, read, utils, type CellObject, type WorkBook } from 'xlsx';
import { CostCenterCodeSchema, type CostObjectType } from '../api/schemas';
import { isFormulaLike } from '../export/sanitize';
import { decodeCsv, parseCsv, sniffSeparator } from './csv';
import type {
  ColumnMapping,
  CostCenterField,
  FileFailureKey,
  FileFormat,
  FileReading,
  FileResult,
  FileRow,
  ReadOptions,
  RowError,
  RowErrorKey,
} from './fileContract';
import { COST_CENTER_FIELDS } from './fileContract';
import { NO_END, isoDate, parseBudgetNumber, parseBudgetText, parseDateText } from './values';
import {
  DATEV_CODES,
  SAP_LABELS,
  SAP_TECHNICAL,
  activeOf,
  foldHeader,
  matchHeader,
  objectTypeOf,
} from './vocabulary';

/** Files above this are refused before any parsing: a cost-centre list is a few hundred kilobytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How far down the header row is looked for (title rows, blank rows, notes above it). */
export const HEADER_SCAN_ROWS = 30;
const NAME_MAX = 80;
const OWNER_MAX = 80;

// --- cells -----------------------------------------------------------------------------------

/** A number cell: its value, the text the spreadsheet shows, and whether its format is a date. */
export interface NumberCell {
  readonly n: number;
  readonly w: string;
  readonly format: string | null;
  readonly date: string | null;
}
/** A cell as the reader sees it: text (CSV, text cells) or a number cell; undefined when blank. */
export type Cell = string | NumberCell;

/** One sheet, cells read lazily so unmapped columns cost nothing. */
export interface Grid {
  readonly rowCount: number;
  cell(row: number, column: number): Cell | undefined;
  columnCount(row: number): number;
}

export const shownText = (cell: Cell | undefined): string =>
  cell === undefined ? '' : typeof cell === 'string' ? cell : cell.w;

const csvGrid = (rows: string[][]): Grid => ({
  rowCount: rows.length,
  cell: (row, column) => {
    const text = rows[row]?.[column];
    return text === undefined || text === '' ? undefined : text;
  },
  columnCount: (row) => rows[row]?.length ?? 0,
});

const dateFormats = new Map<string, boolean>();
/** Whether a number format shows a date: it has d, m or y outside quotes, escapes and [colour]. */
const isDateFormat = (format: string): boolean => {
  let known = dateFormats.get(format);
  if (known === undefined) {
    const bare = format
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/general/gi, '');
    known = /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
    dateFormats.set(format, known);
  }
  return known;
};

const DAY_MS = 86_400_000;
/** An Excel serial day as an ISO date (1900 system with its phantom 29.2.1900, or 1904). */
const serialToIso = (serial: number, date1904: boolean): string | null => {
  const day = Math.floor(serial);
  if (!Number.isFinite(day) || day < 1) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + day * DAY_MS);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) ?? null;
};

/**
 * A number cell whose shown text is formatted only when asked for (an error message, a code in a
 * custom format): SheetJS formatting every cell up front (`cellText`) doubles the reading time.
 */
class FormattedNumber implements NumberCell {
  #shown: string | null = null;
  constructor(
    readonly n: number,
    readonly format: string | null,
    readonly date: string | null,
    private readonly source: CellObject,
  ) {}
  get w(): string {
    // A date is shown as ISO: SheetJS renders it in US form ("07/01/26"), which a Swiss clerk misreads.
    this.#shown ??= this.date ?? utils.format_cell(this.source);
    return this.#shown;
  }
}

const workbookGrid = (data: CellObject[][], date1904: boolean): Grid => {
  const view = (cell: CellObject | undefined): Cell | undefined => {
    if (cell === undefined || cell.t === 'z') return undefined;
    const { v } = cell;
    if (cell.t === 'n' && typeof v === 'number') {
      const format = typeof cell.z === 'string' ? cell.z : null;
      const date = format !== null && isDateFormat(format) ? serialToIso(v, date1904) : null;
      return new FormattedNumber(v, format, date, cell);
    }
    if (cell.t === 'd' && v instanceof Date) {
      const iso = isoDate(v.getFullYear(), v.getMonth() + 1, v.getDate()) ?? '';
      return new FormattedNumber(Number.NaN, null, iso, cell);
    }
    if (cell.t === 'b') return v === true ? 'TRUE' : 'FALSE';
    const text = typeof v === 'string' ? v : utils.format_cell(cell);
    return text === '' ? undefined : text;
  };
  return {
    rowCount: data.length,
    cell: (row, column) => view(data[row]?.[column]),
    columnCount: (row) => data[row]?.length ?? 0,
  };
};

/** Column letters as the clerk sees them: 0 is "A", 26 is "AA". */
export const columnLetter = (index: number): string => {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
};

// --- file level --------------------------------------------------------------------------------

const EXTENSIONS: Record<string, FileFormat> = {
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xls: 'xls',
  ods: 'ods',
  csv: 'csv',
};

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes begin (after a BOM and white space) with "<", as XML and HTML spreadsheets do. */
const looksLikeMarkup = (bytes: Uint8Array): boolean => {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (
    i < bytes.length &&
    i < 64 &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i += 1;
  return bytes[i] === 0x3c;
};

/** The slice of SheetJS's bundled CFB API (documented in sheetjs/cfb) used here. */
interface CfbApi {
  read(data: Uint8Array, options: { type: 'array' }): unknown;
  find(container: unknown, path: string): unknown;
}
// xlsx declares CFB as `any`; the assertion states the calls above, nothing more.
const cfb = CFB as CfbApi;

/**
 * An Office file protected by a password is a CFB container holding "EncryptedPackage" (ECMA-376
 * encryption). Checked before SheetJS, which fails on it with a generic error.
 */
const isEncryptedPackage = (bytes: Uint8Array): boolean => {
  try {
    return cfb.find(cfb.read(bytes, { type: 'array' }), 'EncryptedPackage') != null;
  } catch {
    return false;
  }
};

const failure = (fileName: string, messageKey: FileFailureKey): FileResult => ({
  ok: false,
  fileName,
  messageKey,
});

const hasBinaryBytes = (bytes: Uint8Array): boolean => {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0) return true;
  return false;
};

export interface Source {
  format: FileFormat;
  csv: FileReading['csv'];
  sheets: Array<{ name: string | null; grid: Grid }>;
}

const openFile = (bytes: Uint8Array, format: FileFormat): Source | FileFailureKey => {
  if (format === 'csv') {
    if (hasBinaryBytes(bytes)) return 'corrupt';
    const { text, encoding } = decodeCsv(bytes);
    const separator = sniffSeparator(text);
    return {
      format,
      csv: { encoding, separator },
      sheets: [{ name: null, grid: csvGrid(parseCsv(text, separator)) }],
    };
  }
  if (startsWith(bytes, CFB_MAGIC) && isEncryptedPackage(bytes)) return 'encrypted';
  const container = startsWith(bytes, ZIP) || startsWith(bytes, CFB_MAGIC);
  // A text file renamed to .xlsx would otherwise be read by SheetJS as CSV, and show as data.
  if (!container && !(format !== 'xlsx' && looksLikeMarkup(bytes))) return 'corrupt';
  let workbook: WorkBook;
  try {
    workbook = read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      cellDates: false,
      // Formatted text is made per cell when needed (FormattedNumber), not for every cell.
      cellText: false,
    });
  } catch (error) {
    return error instanceof Error && /password|encrypt/i.test(error.message) ? 'encrypted' : 'corrupt';
  }
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const sheets: Source['sheets'] = [];
  for (const name of workbook.SheetNames) {
    const data: unknown = workbook.Sheets[name]?.['!data'];
    if (Array.isArray(data)) sheets.push({ name, grid: workbookGrid(data as CellObject[][], date1904) });
  }
  if (sheets.length === 0) return 'corrupt';
  return { format, csv: null, sheets };
};

// --- header ------------------------------------------------------------------------------------

interface HeaderGuess {
  row: number;
  headers: string[];
  folded: string[];
  mapping: ColumnMapping;
  weak: Set<CostCenterField>;
  score: number;
}

const headerCells = (grid: Grid, row: number) => {
  const headers: string[] = [];
  const count = grid.columnCount(row);
  for (let column = 0; column < count; column += 1) headers.push(shownText(grid.cell(row, column)).trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return { headers, folded: headers.map(foldHeader) };
};

const guessMapping = (folded: readonly string[]) => {
  const mapping: ColumnMapping = {};
  const weak = new Set<CostCenterField>();
  let score = 0;
  folded.forEach((text, column) => {
    const match = matchHeader(text);
    if (match === null) return;
    const taken = mapping[match.field];
    // The first strong match of a field wins; a strong one replaces a weak one.
    if (taken !== undefined && (!weak.has(match.field) || !match.strong)) return;
    if (taken !== undefined) score -= 1;
    mapping[match.field] = column;
    if (match.strong) weak.delete(match.field);
    else weak.add(match.field);
    score += match.strong ? 2 : 1;
  });
  return { mapping, weak, score };
};

/** A header needs more than one weak word: "Kostenstellen" alone is a title, "Code" + "Name" a header. */
const MIN_HEADER_SCORE = 3;

const findHeader = (grid: Grid): HeaderGuess | null => {
  let best: HeaderGuess | null = null;
  const end = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let row = 0; row < end; row += 1) {
    const { headers, folded } = headerCells(grid, row);
    if (headers.length === 0) continue;
    const { mapping, weak, score } = guessMapping(folded);
    if (score >= MIN_HEADER_SCORE && (best === null || score > best.score)) {
      best = { row, headers, folded, mapping, weak, score };
    }
  }
  return best;
};

const isCode = (text: string) => CostCenterCodeSchema.safeParse(text).success;

/**
 * A DATEV KOST1 list saved without its header: every filled row of the first ones holds exactly two
 * cells, a valid code and a text that is not a number. Read as code and name, both marked unsure, so
 * the import dialog asks the clerk to confirm.
 */
const looksLikeHeaderlessList = (grid: Grid): boolean => {
  let seen = 0;
  const end = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let row = 0; row < end; row += 1) {
    const count = grid.columnCount(row);
    let filled = 0;
    for (let column = 0; column < count; column += 1) if (grid.cell(row, column) !== undefined) filled += 1;
    if (filled === 0) continue;
    const code = codeText(grid.cell(row, 0));
    const name = grid.cell(row, 1);
    if (filled !== 2 || !isCode(code) || typeof name !== 'string' || /^[\d\s.,'-]+$/.test(name)) return false;
    seen += 1;
  }
  return seen > 0;
};

// --- values ------------------------------------------------------------------------------------

const INTEGER_FORMAT = /^(?:general|0+|@)?$/i;

/** A code as text: a number cell 4100 is "4100", a formatted one ("0000100100") what it shows. */
export const codeText = (cell: Cell | undefined): string => {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return textOf(cell);
  if (cell.date !== null) return cell.w.trim();
  if (Number.isInteger(cell.n) && (cell.format === null || INTEGER_FORMAT.test(cell.format))) {
    // A number format of zeros ("0000000000") pads; "General" would print 1234567890123 as 1.23457E+12.
    const digits = BigInt(cell.n).toString();
    return cell.format !== null && /^0+$/.test(cell.format)
      ? digits.padStart(cell.format.length, '0')
      : digits;
  }
  return cell.w.trim();
};

/** A text field: trimmed; a leading quote that our own export put before a formula-like text is dropped. */
const textOf = (cell: Cell | undefined): string => {
  const text = shownText(cell).trim();
  return text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
};

export type Parsed<T> = { ok: true; value: T } | { ok: false };
const OK_NULL: Parsed<null> = { ok: true, value: null };
const BAD: { ok: false } = { ok: false };

const budgetOf = (cell: Cell | undefined): Parsed<string | null> => {
  if (cell === undefined) return OK_NULL;
  const value = typeof cell === 'string' ? parseBudgetText(cell) : parseBudgetNumber(cell.n);
  if (value === undefined) return typeof cell === 'string' && cell.trim() === '' ? OK_NULL : BAD;
  return { ok: true, value };
};

export const dateOf = (cell: Cell | undefined): Parsed<string | null> => {
  if (cell === undefined) return OK_NULL;
  if (typeof cell === 'string') {
    if (cell.trim() === '') return OK_NULL;
    const value = parseDateText(cell);
    return value === undefined ? BAD : { ok: true, value };
  }
  if (cell.date !== null) return { ok: true, value: cell.date };
  // SAP writes dates as the number 20261130 when the column is not formatted as a date.
  const value = Number.isInteger(cell.n) ? parseDateText(String(cell.n)) : undefined;
  return value === undefined ? BAD : { ok: true, value };
};

// --- rows --------------------------------------------------------------------------------------

interface Candidate extends FileRow {
  /** The row's own errors; a row with any is not imported. */
  errors: RowError[];
}

const readRows = (grid: Grid, firstRow: number, mapping: ColumnMapping): Candidate[] => {
  const candidates: Candidate[] = [];
  const columns = COST_CENTER_FIELDS.map((field) => [field, mapping[field]] as const).filter(
    (entry): entry is readonly [CostCenterField, number] => entry[1] !== undefined,
  );
  const letters = new Map<CostCenterField, string>(
    columns.map(([field, column]) => [field, columnLetter(column)]),
  );
  // The row's mapped cells, read once each into one reused record (no allocation per row).
  const cells: Partial<Record<CostCenterField, Cell>> = {};
  // Type and active words repeat down a column: each distinct text is folded and looked up once.
  const types = new Map<string, CostObjectType | null>();
  const actives = new Map<string, boolean | null>();
  for (let row = firstRow; row < grid.rowCount; row += 1) {
    let blank = true;
    for (const [field, column] of columns) {
      const cell = grid.cell(row, column);
      cells[field] = cell;
      if (cell !== undefined && (typeof cell !== 'string' || cell.trim() !== '')) blank = false;
    }
    if (blank) continue;
    const errors: RowError[] = [];
    const fail = (field: CostCenterField, messageKey: RowErrorKey, cell: Cell | undefined) =>
      errors.push({
        row: row + 1,
        field,
        column: letters.get(field) ?? null,
        messageKey,
        value: shownText(cell).trim(),
      });

    const codeCell = cells.code;
    const code = codeText(codeCell);
    if (code === '') fail('code', 'missingCode', codeCell);
    else if (!isCode(code)) fail('code', 'invalidCode', codeCell);

    let nameField: CostCenterField = 'name';
    let nameCell = cells.name;
    let name = textOf(nameCell);
    if (name === '' && mapping.description !== undefined && mapping.description !== mapping.name) {
      // SAP's long text stands in for an empty short text.
      nameField = 'description';
      nameCell = cells.description;
      name = textOf(nameCell);
      if (name === '') {
        nameField = 'name';
        nameCell = cells.name;
      }
    }
    if (name === '') fail('name', 'missingName', nameCell);
    else if (name.length > NAME_MAX) fail(nameField, 'tooLong', nameCell);

    const ownerCell = cells.owner;
    const owner = textOf(ownerCell);
    if (owner.length > OWNER_MAX) fail('owner', 'tooLong', ownerCell);

    const typeCell = cells.objectType;
    const typeRaw = shownText(typeCell);
    let objectType: CostObjectType = 'costCenter';
    if (typeRaw.trim() !== '') {
      let type = types.get(typeRaw);
      if (type === undefined) {
        type = objectTypeOf(foldHeader(typeRaw));
        types.set(typeRaw, type);
      }
      if (type === null) fail('objectType', 'invalidType', typeCell);
      else objectType = type;
    }

    const budgetCell = cells.monthlyBudget;
    const budget = budgetOf(budgetCell);
    if (!budget.ok) fail('monthlyBudget', 'invalidBudget', budgetCell);

    const activeCell = cells.active;
    const activeRaw = shownText(activeCell);
    let active = true;
    if (activeRaw.trim() !== '') {
      let value = actives.get(activeRaw);
      if (value === undefined) {
        value = activeOf(foldHeader(activeRaw));
        actives.set(activeRaw, value);
      }
      if (value === null) fail('active', 'invalidActive', activeCell);
      else active = value;
    }

    const fromCell = cells.validFrom;
    const from = dateOf(fromCell);
    if (!from.ok) fail('validFrom', 'invalidDate', fromCell);
    const toCell = cells.validTo;
    const to = dateOf(toCell);
    if (!to.ok) fail('validTo', 'invalidDate', toCell);
    const validFrom = from.ok ? from.value : null;
    const validTo = to.ok && to.value !== NO_END ? to.value : null;
    if (validFrom !== null && validTo !== null && validFrom > validTo) {
      fail('validFrom', 'validityReversed', fromCell);
    }

    candidates.push({
      row: row + 1,
      code,
      name,
      owner: owner === '' ? null : owner,
      objectType,
      monthlyBudget: budget.ok ? budget.value : null,
      active,
      validFrom,
      validTo,
      errors,
    });
  }
  return candidates;
};

const hasPeriod = (row: FileRow) => row.validFrom !== null || row.validTo !== null;

/** Periods of one code overlap when, sorted by start, one starts on or before the previous one ends. */
const overlaps = (rows: readonly FileRow[]): boolean => {
  const sorted = [...rows].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
  for (let i = 1; i < sorted.length; i += 1) {
    const previousEnd = sorted[i - 1]?.validTo ?? null;
    const start = sorted[i]?.validFrom ?? null;
    if (previousEnd === null || start === null || start <= previousEnd) return true;
  }
  return false;
};

/**
 * Of the validity rows of one code, the one to import on `importDate`: the row valid that day; else,
 * when every row has ended, the latest, inactive; else the earliest of those still to come (also
 * when today falls in a gap between periods: that is the row that will hold next).
 */
const pickValid = (rows: readonly FileRow[], importDate: string): FileRow | null => {
  const current = rows.find(
    (row) => (row.validFrom ?? '') <= importDate && (row.validTo === null || importDate <= row.validTo),
  );
  if (current !== undefined) return current;
  const future = rows.filter((row) => row.validFrom !== null && row.validFrom > importDate);
  if (future.length > 0) {
    return future.reduce((earliest, row) =>
      (row.validFrom ?? '') < (earliest.validFrom ?? '') ? row : earliest,
    );
  }
  const latest = rows.reduce<FileRow | null>(
    (last, row) => (last === null || (row.validTo ?? '') > (last.validTo ?? '') ? row : last),
    null,
  );
  return latest === null ? null : { ...latest, active: false };
};

const settleCodes = (candidates: readonly Candidate[], importDate: string, codeColumn: string | null) => {
  const rows: FileRow[] = [];
  const errors: RowError[] = [];
  const byCode = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    // A code already refused in readRows groups with nothing.
    if (candidate.errors.some((error) => error.field === 'code')) continue;
    const group = byCode.get(candidate.code);
    if (group === undefined) byCode.set(candidate.code, [candidate]);
    else group.push(candidate);
  }
  const duplicated = new Set<Candidate>();
  const chosen = new Set<FileRow>();
  const replaced = new Map<Candidate, FileRow>();
  for (const group of byCode.values()) {
    const clean = group.filter((candidate) => candidate.errors.length === 0);
    if (group.length > 1 && (!group.every(hasPeriod) || overlaps(group))) {
      for (const candidate of group) duplicated.add(candidate);
      continue;
    }
    if (clean.length === 0) continue;
    const first = clean[0];
    if (clean.length === 1 && first !== undefined && !hasPeriod(first)) {
      chosen.add(first);
      continue;
    }
    const winner = pickValid(clean, importDate);
    if (winner === null) continue;
    const original = clean.find((candidate) => candidate.row === winner.row);
    if (original === undefined) continue;
    chosen.add(original);
    if (winner !== original) replaced.set(original, winner);
  }
  for (const candidate of candidates) {
    const own = candidate.errors;
    for (const error of own) errors.push(error);
    if (duplicated.has(candidate)) {
      errors.push({
        row: candidate.row,
        field: 'code',
        column: codeColumn,
        messageKey: 'duplicateCode',
        value: candidate.code,
      });
      continue;
    }
    if (own.length > 0 || !chosen.has(candidate)) continue;
    const row = replaced.get(candidate) ?? candidate;
    rows.push({
      row: row.row,
      code: row.code,
      name: row.name,
      owner: row.owner,
      objectType: row.objectType,
      monthlyBudget: row.monthlyBudget,
      active: row.active,
      validFrom: row.validFrom,
      validTo: row.validTo,
    });
  }
  return { rows, errors };
};

/**
 * The sheets of a spreadsheet or CSV file as grids, or why the file cannot be read: the file-level
 * checks every import shares (extension, size, emptiness, encryption, a renamed text file).
 * The assignment import reads its own columns from these grids.
 */
export const openSpreadsheet = (
  bytes: Uint8Array,
  fileName: string,
): { ok: true; source: Source } | { ok: false; messageKey: FileFailureKey } => {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const format = EXTENSIONS[extension];
  if (format === undefined) return { ok: false, messageKey: 'unsupportedType' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, messageKey: 'tooLarge' };
  if (bytes.length === 0) return { ok: false, messageKey: 'empty' };
  const source = openFile(bytes, format);
  return typeof source === 'string' ? { ok: false, messageKey: source } : { ok: true, source };
};

// --- entry point -------------------------------------------------------------------------------

const REQUIRED: readonly CostCenterField[] = ['code', 'name'];

/**
 * Reads a cost-centre list from the bytes of an .xlsx, .xls, .ods or .csv file. Pure and
 * synchronous (it runs in a worker); never throws for bad input. See fileContract.ts.
 */
export const readCostCenterFile = (bytes: Uint8Array, fileName: string, options: ReadOptions): FileResult => {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const format = EXTENSIONS[extension];
  if (format === undefined) return failure(fileName, 'unsupportedType');
  if (bytes.length > MAX_FILE_BYTES) return failure(fileName, 'tooLarge');
  if (bytes.length === 0) return failure(fileName, 'empty');
  const source = openFile(bytes, format);
  if (typeof source === 'string') return failure(fileName, source);

  let anyContent = false;
  for (const sheet of source.sheets) {
    const { grid } = sheet;
    let guess: HeaderGuess | null;
    let dialect: FileReading['dialect'] = 'generic';
    if (options.headerRow !== undefined && options.headerRow >= 1) {
      const row = options.headerRow - 1;
      const { headers, folded } = headerCells(grid, row);
      const { mapping, weak, score } = guessMapping(folded);
      guess = { row, headers, folded, mapping, weak, score };
    } else if (options.headerRow === 0) {
      guess = { row: -1, headers: [], folded: [], mapping: { code: 0, name: 1 }, weak: new Set(), score: 0 };
      dialect = 'datev';
    } else {
      guess = findHeader(grid);
      if (guess === null && looksLikeHeaderlessList(grid)) {
        guess = {
          row: -1,
          headers: [],
          folded: [],
          mapping: { code: 0, name: 1 },
          weak: new Set<CostCenterField>(['code', 'name']),
          score: 0,
        };
        dialect = 'datev';
      }
    }
    if (guess === null) {
      if (!anyContent && hasContent(grid)) anyContent = true;
      continue;
    }
    anyContent = true;

    const mapping: ColumnMapping =
      options.mapping === undefined ? { ...guess.mapping } : { ...options.mapping };
    const unsure = new Set<CostCenterField>(options.mapping === undefined ? guess.weak : []);
    if (mapping.name === undefined && mapping.description !== undefined) mapping.name = mapping.description;
    for (const field of REQUIRED) if (mapping[field] === undefined) unsure.add(field);

    if (guess.row >= 0 && dialect === 'generic') dialect = dialectOf(guess.folded, guess.mapping);
    const candidates = readRows(grid, guess.row + 1, mapping);
    if (candidates.length === 0) return failure(fileName, 'headerOnly');
    const missingRequired = REQUIRED.some((field) => mapping[field] === undefined);
    // Without a code or a name column every row would be an error: the clerk maps the columns first.
    const { rows, errors } = missingRequired
      ? { rows: [], errors: [] }
      : settleCodes(
          candidates,
          options.importDate,
          mapping.code === undefined ? null : columnLetter(mapping.code),
        );
    return {
      ok: true,
      fileName,
      format: source.format,
      csv: source.csv,
      sheetName: sheet.name,
      headerRow: guess.row + 1,
      headers: guess.headers,
      layoutKey: guess.folded.join('|'),
      mapping,
      unsure: COST_CENTER_FIELDS.filter((field) => unsure.has(field)),
      dialect,
      rows,
      errors,
    };
  }
  return failure(fileName, anyContent ? 'noHeader' : 'empty');
};

export const hasContent = (grid: Grid): boolean => {
  for (let row = 0; row < grid.rowCount; row += 1) {
    const count = grid.columnCount(row);
    for (let column = 0; column < count; column += 1) {
      if (shownText(grid.cell(row, column)).trim() !== '') return true;
    }
  }
  return false;
};

const dialectOf = (folded: readonly string[], mapping: ColumnMapping): FileReading['dialect'] => {
  if (folded.some((text) => SAP_TECHNICAL.has(text))) return 'sap';
  if (folded.filter((text) => SAP_LABELS.has(text)).length >= 4) return 'sap';
  const codeHeader = mapping.code === undefined ? '' : (folded[mapping.code] ?? '');
  if (DATEV_CODES.has(codeHeader)) return 'datev';
  // DATEV's list saved with German labels: exactly "Kostenstelle" and "Bezeichnung".
  const filled = folded.filter((text) => text !== '');
  if (filled.length === 2 && codeHeader === 'kostenstelle' && mapping.name !== undefined) return 'datev';
  return 'generic';
};
