import { CostCenterCodeSchema, type KeyKind } from '../api/schemas';
import {
  HEADER_SCAN_ROWS,
  codeText,
  columnLetter,
  dateOf,
  hasContent,
  openSpreadsheet,
  shownText,
  type Cell,
  type Grid,
} from '../costCenters/readFile';
import { NO_END } from '../costCenters/values';
import { MAX_SPLITS } from '../allocation/assignmentForm';
import {
  ASSIGNMENT_FILE_FIELDS,
  type AssignmentColumnMapping,
  type AssignmentFileField,
  type AssignmentFileGroup,
  type AssignmentFileResult,
  type AssignmentFileRow,
  type AssignmentRowError,
  type AssignmentRowErrorCode,
} from './contract';
import { headerField, kindOf } from './vocabulary';

/** The contract's longest key (`AssignmentInput.key`). */
export const KEY_MAX = 35;
const REQUIRED: readonly AssignmentFileField[] = ['kind', 'key', 'costCenter', 'percent'];

interface Header {
  row: number;
  headers: string[];
  mapping: AssignmentColumnMapping;
}

/** The first row (of the first 30) naming the most fields, the first column of a field winning. */
const findHeader = (grid: Grid): Header | null => {
  let best: Header | null = null;
  let bestCount = 0;
  const end = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let row = 0; row < end; row += 1) {
    const headers: string[] = [];
    const count = grid.columnCount(row);
    for (let column = 0; column < count; column += 1) headers.push(shownText(grid.cell(row, column)).trim());
    while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
    const mapping: AssignmentColumnMapping = {};
    headers.forEach((text, column) => {
      const field = headerField(text);
      if (field !== null && mapping[field] === undefined) mapping[field] = column;
    });
    const named = Object.keys(mapping).length;
    // A title row ("Zuordnungen 2026") names at most one field; a header names the key and more.
    if (named >= 3 && mapping.key !== undefined && named > bestCount) {
      best = { row, headers, mapping };
      bestCount = named;
    }
  }
  return best;
};

type Percent = { ok: true; value: number } | { ok: false; code: AssignmentRowErrorCode };

/** "70", "70 %", "70,0", a number cell 70, or a percent-formatted cell 0.7: all 70. */
const percentOf = (cell: Cell | undefined): Percent | null => {
  if (cell === undefined) return null;
  let value: number;
  if (typeof cell === 'string') {
    const text = cell
      .trim()
      .replace(/[\s\u00A0\u202F]/g, '')
      .replace(/%$/, '')
      .replace(',', '.');
    if (text === '') return null;
    if (!/^-?\d+(?:\.\d+)?$/.test(text)) return { ok: false, code: 'invalidPercent' };
    value = Number(text);
  } else {
    if (cell.date !== null || !Number.isFinite(cell.n)) return { ok: false, code: 'invalidPercent' };
    // 15 significant digits remove binary noise: 0.7 x 100 is 70, not 70.00000000000001.
    value = Number(((cell.format?.includes('%') ?? false) ? cell.n * 100 : cell.n).toPrecision(15));
  }
  if (!Number.isInteger(value)) return { ok: false, code: 'percentNotWhole' };
  if (value < 1 || value > 100) return { ok: false, code: 'percentOutOfRange' };
  return { ok: true, value };
};

const periodOverlap = (a: AssignmentFileGroup, b: AssignmentFileGroup): boolean =>
  (a.validFrom ?? '') <= (b.validTo ?? '\uffff') && (b.validFrom ?? '') <= (a.validTo ?? '\uffff');

/**
 * Reads an assignment sheet (kind, key, cost centre, percent, valid from, valid to) from the bytes
 * of an .xlsx, .xls, .ods or .csv file, through the cost-centre reader's file machinery (formats,
 * encodings, separators, encryption, text kept as text). Rows with the same kind, key and period
 * form one split assignment. Pure and synchronous; never throws for bad input.
 */
export const readAssignmentFile = (bytes: Uint8Array, fileName: string): AssignmentFileResult => {
  const opened = openSpreadsheet(bytes, fileName);
  if (!opened.ok) return { ok: false, fileName, messageKey: opened.messageKey };
  const { source } = opened;
  let anyContent = false;
  for (const sheet of source.sheets) {
    const { grid } = sheet;
    const header = findHeader(grid);
    if (header === null) {
      anyContent ||= hasContent(grid);
      continue;
    }
    anyContent = true;
    if (REQUIRED.some((field) => header.mapping[field] === undefined)) {
      return { ok: false, fileName, messageKey: 'noHeader' };
    }
    const { rows, errors, rowCount } = readRows(grid, header);
    if (rowCount === 0) return { ok: false, fileName, messageKey: 'headerOnly' };
    const grouped = groupRows(rows, header.mapping);
    return {
      ok: true,
      fileName,
      format: source.format,
      csv: source.csv,
      sheetName: sheet.name,
      headerRow: header.row + 1,
      headers: header.headers,
      mapping: header.mapping,
      groups: grouped.groups,
      rowCount,
      errors: [...errors, ...grouped.errors].sort((a, b) => a.row - b.row),
    };
  }
  return { ok: false, fileName, messageKey: anyContent ? 'noHeader' : 'empty' };
};

const readRows = (grid: Grid, header: Header) => {
  const { mapping } = header;
  const columns = ASSIGNMENT_FILE_FIELDS.flatMap((field) => {
    const column = mapping[field];
    return column === undefined ? [] : [[field, column] as const];
  });
  const rows: AssignmentFileRow[] = [];
  const errors: AssignmentRowError[] = [];
  let rowCount = 0;
  for (let index = header.row + 1; index < grid.rowCount; index += 1) {
    const cells: Partial<Record<AssignmentFileField, Cell>> = {};
    let blank = true;
    for (const [field, column] of columns) {
      const cell = grid.cell(index, column);
      cells[field] = cell;
      if (cell !== undefined && shownText(cell).trim() !== '') blank = false;
    }
    if (blank) continue;
    rowCount += 1;
    const row = index + 1;
    const own: AssignmentRowError[] = [];
    const fail = (field: AssignmentFileField, code: AssignmentRowErrorCode) =>
      own.push({
        row,
        field,
        column: columnLetter(mapping[field] ?? 0),
        code,
        value: shownText(cells[field]).trim(),
      });

    const kindText = shownText(cells.kind).trim();
    let kind: KeyKind | null = null;
    if (kindText === '') fail('kind', 'missingKind');
    else {
      kind = kindOf(kindText);
      if (kind === null) fail('kind', 'invalidKind');
    }

    const key = codeText(cells.key);
    if (key === '') fail('key', 'missingKey');
    else if (key.length > KEY_MAX) fail('key', 'keyTooLong');

    const costCenterCode = codeText(cells.costCenter);
    if (costCenterCode === '') fail('costCenter', 'missingCostCenter');
    else if (!CostCenterCodeSchema.safeParse(costCenterCode).success) fail('costCenter', 'invalidCostCenter');

    const percent = percentOf(cells.percent);
    if (percent === null) fail('percent', 'missingPercent');
    else if (!percent.ok) fail('percent', percent.code);

    const from = dateOf(cells.validFrom);
    if (!from.ok) fail('validFrom', 'invalidDate');
    const to = dateOf(cells.validTo);
    if (!to.ok) fail('validTo', 'invalidDate');
    const validFrom = from.ok ? from.value : null;
    // SAP's and many sheets' "no end" (31.12.9999) is the contract's open end.
    const validTo = to.ok && to.value !== NO_END ? to.value : null;
    if (validFrom !== null && validTo !== null && validFrom > validTo) fail('validTo', 'validityReversed');

    if (own.length > 0 || kind === null || percent === null || !percent.ok) {
      errors.push(...own);
      continue;
    }
    rows.push({ row, kind, key, costCenterCode, percent: percent.value, validFrom, validTo });
  }
  return { rows, errors, rowCount };
};

const groupKey = (row: Pick<AssignmentFileRow, 'kind' | 'key' | 'validFrom' | 'validTo'>) =>
  `${row.kind}\u0001${row.key}\u0001${row.validFrom ?? ''}\u0001${row.validTo ?? ''}`;

/** Rows into assignments; a group whose splits the operator would refuse is refused row by row. */
const groupRows = (rows: readonly AssignmentFileRow[], mapping: AssignmentColumnMapping) => {
  const byKey = new Map<string, AssignmentFileGroup>();
  for (const row of rows) {
    const key = groupKey(row);
    const group = byKey.get(key);
    if (group) group.rows.push(row);
    else
      byKey.set(key, {
        kind: row.kind,
        key: row.key,
        validFrom: row.validFrom,
        validTo: row.validTo,
        rows: [row],
      });
  }
  const letter = (field: AssignmentFileField) => columnLetter(mapping[field] ?? 0);
  const errors: AssignmentRowError[] = [];
  const refused = new Set<AssignmentFileGroup>();
  const groups = [...byKey.values()];
  for (const group of groups) {
    const sum = group.rows.reduce((total, row) => total + row.percent, 0);
    const seen = new Set<string>();
    for (const row of group.rows) {
      if (seen.has(row.costCenterCode)) {
        errors.push({
          row: row.row,
          field: 'costCenter',
          column: letter('costCenter'),
          code: 'repeatedCostCenter',
          value: row.costCenterCode,
        });
        refused.add(group);
      }
      seen.add(row.costCenterCode);
    }
    const groupProblem: AssignmentRowErrorCode | null =
      group.rows.length > MAX_SPLITS ? 'tooManySplits' : sum !== 100 ? 'sumNot100' : null;
    if (groupProblem !== null) {
      refused.add(group);
      for (const row of group.rows)
        errors.push({
          row: row.row,
          field: 'percent',
          column: letter('percent'),
          code: groupProblem,
          value: String(sum),
        });
    }
  }
  // Two periods of one key sharing a day: the operator answers 409 to the second.
  const byIdentity = new Map<string, AssignmentFileGroup[]>();
  for (const group of groups) {
    const identity = `${group.kind}\u0001${group.key}`;
    byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), group]);
  }
  for (const same of byIdentity.values()) {
    for (const group of same) {
      const other = same.find((candidate) => candidate !== group && periodOverlap(candidate, group));
      if (other === undefined) continue;
      refused.add(group);
      const otherRow = other.rows[0]?.row ?? 0;
      for (const row of group.rows)
        errors.push({
          row: row.row,
          field: 'validFrom',
          column: letter('validFrom'),
          code: 'overlapsInFile',
          value: String(otherRow),
        });
    }
  }
  return { groups: groups.filter((group) => !refused.has(group)), errors };
};
