import { describe, expect, it } from 'vitest';
import { read, utils } from 'xlsx';
import { createAllocator } from '../allocation/allocator';
import { isoToDay } from '../core/dates';
import { formatMoney } from '../core/money';
import { UNASSIGNED } from '../allocation/assignments';
import {
  createJournal,
  encodeWindows1252,
  JournalCodeError,
  journalCells,
  journalChunks,
  journalLayouts,
  sapCostCenter,
  vatRateText,
  type JournalRow,
} from './journal';
import { englishLabels, fixtureArchive, fixtureAssignments } from './testing/periodFixture';
import { journalHeaders } from './periodExport';

const headers = journalHeaders(englishLabels.journal);

const row = (overrides: Partial<JournalRow> = {}): JournalRow => ({
  month: '2026-03',
  costCenter: '2100',
  service: 'PP-PRI',
  vatRateBp: 810,
  netCentimes: 123_405,
  vatCentimes: 9_996,
  invoiceNumbers: ['1000000001', '1000000002'],
  ...overrides,
});

const concat = (chunks: Iterable<Uint8Array>): Uint8Array => {
  const list = [...chunks];
  const out = new Uint8Array(list.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of list) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
};

describe('journal layouts', () => {
  it('generic: semicolon, decimal point, UTF-8 with BOM, headers in the clerk’s language', () => {
    const bytes = concat(
      journalChunks(journalLayouts.generic, [row(), row({ costCenter: UNASSIGNED })], headers),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe(
      'Period;Cost centre;Service;Net;VAT rate;VAT;Gross;Invoices\r\n' +
        '2026-03;2100;PP-PRI;1234.05;8.1;99.96;1334.01;1000000001 1000000002\r\n' +
        '2026-03;;PP-PRI;1234.05;8.1;99.96;1334.01;1000000001 1000000002\r\n',
    );
  });

  it('SAP: KOSTL with leading zeros to ten digits, period YYYYMM, decimal point, no BOM', () => {
    const bytes = concat(
      journalChunks(journalLayouts.sap, [row({ netCentimes: -50, vatCentimes: -4 })], headers),
    );
    expect(bytes[0]).toBe('P'.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(
      'PERIOD;KOSTL;SERVICE;NET_AMOUNT;VAT_RATE;VAT_AMOUNT;GROSS_AMOUNT;INVOICES\r\n' +
        '202603;0000002100;PP-PRI;-0.50;8.1;-0.04;-0.54;1000000001 1000000002\r\n',
    );
  });

  it.each([
    ['2100', '0000002100'],
    ['0042', '0000000042'],
    ['1234567890', '1234567890'],
    ['sales', 'SALES'],
  ])('SAP KOSTL of %j is %j', (code, kostl) => {
    expect(sapCostCenter(code)).toBe(kostl);
  });

  it('SAP refuses a code longer than KOSTL holds, as typed data', () => {
    expect(() => sapCostCenter('12345678901')).toThrow(JournalCodeError);
    try {
      journalCells(journalLayouts.sap, row({ costCenter: 'TOO-LONG-CODE' }));
    } catch (error) {
      expect(error).toBeInstanceOf(JournalCodeError);
      expect(error instanceof JournalCodeError && error.code).toBe('export.costCenterTooLong');
    }
  });

  it('DATEV: KOST1, decimal comma, period MM/YYYY, Windows-1252', () => {
    const bytes = concat(
      journalChunks(journalLayouts.datev, [row({ costCenter: 'Märkte', service: 'Päckli €' })], headers),
    );
    // Node decodes "windows-1252" as Latin-1 (0x80 is not € there): the € byte is checked below.
    expect(new TextDecoder('windows-1252').decode(bytes).replace('\u0080', '€')).toBe(
      'Periode;KOST1;Leistung;Nettobetrag;USt-Satz;USt-Betrag;Bruttobetrag;Belegnummern\r\n' +
        '03/2026;Märkte;Päckli €;1234,05;8,1;99,96;1334,01;1000000001 1000000002\r\n',
    );
    // One byte per character: ä is E4, € is 80 in Windows-1252.
    expect(bytes.includes(0xe4)).toBe(true);
    expect(bytes.includes(0x80)).toBe(true);
  });

  it('Windows-1252: Latin-1, the 0x80..0x9F specials, and "?" for what the code page lacks', () => {
    expect([...encodeWindows1252('aé€œŸ')]).toEqual([0x61, 0xe9, 0x80, 0x9c, 0x9f]);
    expect([...encodeWindows1252('漢📦')]).toEqual([0x3f, 0x3f]);
  });

  it('guards text against formula injection in every layout', () => {
    for (const layout of Object.values(journalLayouts)) {
      const text = new TextDecoder(layout.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8').decode(
        concat(journalChunks(layout, [row({ service: '=HYPERLINK("x")', costCenter: '@SUM' })], headers)),
      );
      expect(text).toContain(`'=HYPERLINK`);
      expect(text).not.toMatch(/[;\n]=/);
    }
  });

  it.each([
    [810, '8.1'],
    [260, '2.6'],
    [0, '0.0'],
    [775, '7.75'],
  ])('VAT rate %d bp is %s', (bp, text) => {
    expect(vatRateText(bp)).toBe(text);
  });
});

describe('the journal from allocated lines', () => {
  const archive = fixtureArchive(12, 700, 500);
  const period = { from: '2026-01', to: '2026-06' };
  const from = isoToDay('2026-01-01');
  const to = isoToDay('2026-06-30');
  const journal = createJournal(
    createAllocator(fixtureAssignments),
    (id) => archive.invoices.get(id)?.number ?? id,
  );
  for (const block of archive.blocks) journal.addBlock(block, from, to);
  const rows = journal.rows();

  it('per (month, cost centre, service) equals the allocated rollups, to the centime', () => {
    const sums = new Map<string, [number, number]>();
    for (const entry of rows) {
      const key = `${entry.month}|${entry.costCenter}|${entry.service}`;
      const sum = sums.get(key) ?? [0, 0];
      sums.set(key, [sum[0] + entry.netCentimes, sum[1] + entry.vatCentimes]);
    }
    const rollups = new Map(
      archive
        .allocatedRows(period)
        .filter((rollup) => rollup.shares !== 0)
        .map((rollup) => [
          `${rollup.month}|${rollup.costCenterCode}|${rollup.serviceCode}`,
          [rollup.netCentimes, rollup.vatCentimes],
        ]),
    );
    expect(sums.size).toBeGreaterThan(20);
    expect(new Map([...sums].sort())).toEqual(new Map([...rollups].sort()));
    // Splits that leave remainders and lines nothing charges are both in the fixture.
    expect(rows.some((entry) => entry.costCenter === UNASSIGNED)).toBe(true);
    expect(rows.some((entry) => entry.costCenter === '4100')).toBe(true);
  });

  it('is sorted by month, cost centre (unassigned last), service and VAT rate, each key once', () => {
    const keys = rows.map(
      (entry) => `${entry.month}|${entry.costCenter}|${entry.service}|${entry.vatRateBp}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    const march = rows.filter((entry) => entry.month === '2026-03').map((entry) => entry.costCenter);
    expect(march.at(-1)).toBe(UNASSIGNED);
    expect(rows[0]?.month).toBe('2026-01');
    expect(rows.at(-1)?.month).toBe('2026-06');
  });

  it.each(['generic', 'sap', 'datev'] as const)(
    'the %s file read back with SheetJS holds the same figures',
    (id) => {
      const layout = journalLayouts[id];
      const bytes = concat(journalChunks(layout, rows, headers));
      const text = new TextDecoder(layout.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8').decode(
        bytes,
      );
      // Read as text so the decimal comma is parsed the way the layout wrote it.
      const book = read(text.replace(/^\uFEFF/, ''), { type: 'string', FS: ';', raw: true });
      const sheet = book.Sheets[book.SheetNames[0] ?? ''];
      if (!sheet) throw new Error('no sheet');
      const table = utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, rawNumbers: false });
      expect(table).toHaveLength(rows.length + 1);
      const netOf = (cell: string | undefined) => Math.round(Number((cell ?? '').replace(',', '.')) * 100);
      const written = table.slice(1).map((cells) => netOf(cells[3]));
      expect(written).toEqual(rows.map((entry) => entry.netCentimes));
      expect(formatMoney(written.reduce((total, net) => total + net, 0))).toBe(
        formatMoney(rows.reduce((total, entry) => total + entry.netCentimes, 0)),
      );
    },
  );
});
