import { utils, write, type CellObject, type WorkBook } from 'xlsx';
import type { CostCenter, Language } from '../api/schemas';
import { parseMoney } from '../core/money';
import { sanitizeText } from '../export/sanitize';
import { finishPackage } from '../export/xlsxPackage';
import { WORKBOOK_COLUMNS, WORKBOOK_TEXT, type WorkbookText } from './workbookText';

/**
 * The cost-centre workbook in the clerk's language: the template (one example row) or the export of
 * the current cost centres, in the layout `readCostCenterFile` reads, so that exporting and
 * importing again changes nothing. A second sheet explains each column.
 */

export interface WorkbookOptions {
  /** The example row's budget in the template, a Money string; default "1250.00". */
  readonly exampleBudget?: string;
}

/** What a cost centre needs to be written; `CostCenter` has it, and so does a draft without an etag. */
export type WorkbookCenter = Pick<
  CostCenter,
  'code' | 'name' | 'owner' | 'objectType' | 'monthlyBudget' | 'active'
>;

// Header cells carry the text format, which finishPackage makes bold (as shared/export/xlsx.ts does).
const HEADER_FORMAT = '@';
const HEADER_FORMAT_ID = 49;
const BUDGET_FORMAT = '#,##0.00';

const text = (value: string, format?: string): CellObject =>
  format === undefined ? { t: 's', v: sanitizeText(value) } : { t: 's', v: sanitizeText(value), z: format };

const rowOf = (center: WorkbookCenter, words: WorkbookText): CellObject[] => {
  const cells: CellObject[] = [
    // Text, never a number: "0042" must reach Excel as 0042.
    text(center.code),
    text(center.name),
    text(center.owner ?? ''),
    text(words.types[center.objectType]),
  ];
  const budget = center.monthlyBudget ?? null;
  // A real number so the clerk can sum; centimes / 100 is the double nearest the decimal, and the
  // reader prints it back with 15 significant digits, which restores the exact string.
  cells.push(
    budget === null ? { t: 'z' } : { t: 'n', v: parseMoney(budget) / 100, z: BUDGET_FORMAT },
    text(center.active ? words.yes : words.no),
  );
  return cells;
};

export const writeCostCenterWorkbook = (
  centers: readonly WorkbookCenter[] | null,
  language: Language,
  options: WorkbookOptions = {},
): Uint8Array => {
  const words = WORKBOOK_TEXT[language];
  const header = WORKBOOK_COLUMNS.map((column) => text(words.headers[column], HEADER_FORMAT));
  const rows =
    centers === null
      ? [
          {
            code: words.example.code,
            name: words.example.name,
            owner: words.example.owner,
            objectType: 'costCenter' as const,
            monthlyBudget: options.exampleBudget ?? '1250.00',
            active: true,
          },
        ]
      : centers;
  const data: CellObject[][] = [header, ...rows.map((center) => rowOf(center, words))];
  const sheet = utils.aoa_to_sheet(data);
  sheet['!cols'] = [{ wch: 16 }, { wch: 40 }, { wch: 28 }, { wch: 18 }, { wch: 16 }, { wch: 10 }];

  const notes = utils.aoa_to_sheet([
    words.notesHeader.map((label) => text(label, HEADER_FORMAT)),
    ...WORKBOOK_COLUMNS.map((column) => [text(words.headers[column]), text(words.notes[column])]),
  ]);
  notes['!cols'] = [{ wch: 20 }, { wch: 110 }];

  const book: WorkBook = utils.book_new();
  utils.book_append_sheet(book, sheet, words.sheetName);
  utils.book_append_sheet(book, notes, words.notesSheetName);
  const written: unknown = write(book, {
    type: 'array',
    bookType: 'xlsx',
    bookSST: true,
    compression: false,
  });
  if (!(written instanceof ArrayBuffer)) throw new Error('SheetJS returned no ArrayBuffer');
  // Bold header, frozen first row: the touches the invoice exports get too.
  return finishPackage(new Uint8Array(written), { frozenRows: 1, boldNumberFormatId: HEADER_FORMAT_ID });
};
