import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineItem } from '../api/schemas';
import { UNASSIGNED } from '../allocation';
import { splitAssignment } from '../testing/assignmentFixture';
import { lineFixture } from '../testing/lineFixture';
import { encodeBlock, type LineBlock } from './block';
import { createLineIndex, type InvoiceMeta, type LineFilter } from './lineIndex';
import { byIssueDate, previewLines } from './linePreview';

// The preview must show exactly the first rows the whole index shows once it is built: the same
// lines, in the same order, with the same parts, reasons and charged shares.

const SERVICES = ['A-POST', 'PP-PRI', 'PP-ECO'];
const LICENCES = ['60000001', '60000002'];
const assignments = [
  splitAssignment('a-1', 'service', 'PP-PRI', [['2100', 100]]),
  splitAssignment('a-2', 'frankingLicence', '60000002', [
    ['3100', 70],
    ['2100', 30],
  ]),
  splitAssignment('a-3', 'service', 'A-POST', [['4100', 100]], '2026-01-01', '2026-01-31'),
];

const lineArb = fc
  .record({
    service: fc.constantFrom(...SERVICES),
    licence: fc.constantFrom(...LICENCES),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 2 }),
    net: fc.integer({ min: -500, max: 50_000 }),
    reference: fc.constantFrom(null, 'Order 7', 'order 12', 'KST-4'),
  })
  .map(
    ({ service, licence, day, month, net, reference }) =>
      (lineNo: number): LineItem =>
        lineFixture(lineNo, {
          serviceCode: service,
          frankingLicence: licence,
          serviceDate: `2026-0${month}-${String(day).padStart(2, '0')}`,
          customerReference: reference,
          netAmount: (net / 100).toFixed(2),
          vatAmount: (Math.round(net * 0.081) / 100).toFixed(2),
        }),
  );

/** Invoices (ids and issue dates chosen so that dates tie), each cut into blocks stored in any order. */
const archiveArb = fc
  .array(
    fc.record({
      id: fc.stringMatching(/^inv-[a-f]{1,3}$/),
      month: fc.integer({ min: 1, max: 4 }),
      lines: fc.array(lineArb, { minLength: 0, maxLength: 40 }),
      cut: fc.integer({ min: 1, max: 15 }),
      reversed: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((drafts) => {
    const seen = new Set<string>();
    const invoices: InvoiceMeta[] = [];
    const blocks = new Map<string, LineBlock[]>();
    for (const draft of drafts) {
      if (seen.has(draft.id)) continue;
      seen.add(draft.id);
      const meta = { id: draft.id, number: `9${invoices.length}`, issueDate: `2026-0${draft.month}-05` };
      invoices.push(meta);
      const lines = draft.lines.map((make, at) => make(at + 1));
      const cut: LineBlock[] = [];
      for (let start = 0, blockNo = 0; start < lines.length; start += draft.cut, blockNo += 1)
        cut.push(encodeBlock(meta.id, blockNo, lines.slice(start, start + draft.cut)));
      blocks.set(meta.id, draft.reversed ? cut.reverse() : cut);
    }
    return { invoices, blocks };
  });

const filterArb = fc.constantFrom<LineFilter>(
  {},
  { services: ['PP-PRI'] },
  { licences: ['60000002'], from: '2026-01-10', to: '2026-02-20' },
  { text: 'ORDER' },
  { costCenters: ['2100'] },
  { costCenters: [UNASSIGNED, '4100'] },
  { invoiceId: 'inv-a' },
  { services: ['NOPE'] },
);

describe('the first rows before the whole index is built', () => {
  it('are the first rows of the whole index, whatever the filter, the blocks and the dates', async () => {
    await fc.assert(
      fc.asyncProperty(
        archiveArb,
        filterArb,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 400 }),
        async ({ invoices, blocks }, filter, count, maxLines) => {
          // The whole index, fed the way the worker feeds it: every block, in key order.
          const whole = createLineIndex();
          for (const key of [...blocks.keys()].sort())
            for (const block of blocks.get(key) ?? []) {
              const meta = invoices.find((invoice) => invoice.id === block.invoiceId);
              if (meta) whole.addBlock(block, meta);
            }
          whole.setAssignments(assignments);
          const { ids, totals } = whole.query(filter);

          const preview = await previewLines({
            invoices: byIssueDate(invoices),
            assignments,
            filter,
            count,
            maxLines,
            blocksOf: (invoiceId) => Promise.resolve(blocks.get(invoiceId) ?? []),
          });
          expect(preview.rows.length).toBeLessThanOrEqual(count);
          expect(preview.rows).toEqual(whole.rows(ids, 0, preview.rows.length, filter.costCenters));
          // Cut short only by the reading budget.
          if (preview.linesRead < maxLines) expect(preview.rows.length).toBe(Math.min(count, totals.count));
        },
      ),
      { seed: 1807, numRuns: 200 },
    );
  });

  it('reads only the newest invoices it needs', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => lineFixture(i + 1));
    const invoices = ['2026-01-05', '2026-03-05', '2026-02-05'].map((issueDate, at) => ({
      id: `inv-${at}`,
      number: `${at}`,
      issueDate,
    }));
    const read: string[] = [];
    const preview = await previewLines({
      invoices: byIssueDate(invoices),
      assignments: [],
      filter: {},
      count: 30,
      maxLines: 10_000,
      blocksOf: (invoiceId) => {
        read.push(invoiceId);
        return Promise.resolve([encodeBlock(invoiceId, 0, lines(20))]);
      },
    });
    expect(read).toEqual(['inv-1', 'inv-2']);
    expect(preview.rows.map((row) => `${row.invoiceId}#${row.lineNo}`)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `inv-1#${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `inv-2#${i + 1}`),
    ]);
    expect(preview.linesRead).toBe(40);
  });

  it('stops reading once its signal aborts', async () => {
    const invoices = ['2026-01-05', '2026-03-05'].map((issueDate, at) => ({
      id: `inv-${at}`,
      number: `${at}`,
      issueDate,
    }));
    const controller = new AbortController();
    const read: string[] = [];
    const preview = await previewLines({
      invoices: byIssueDate(invoices),
      assignments: [],
      filter: { services: ['NOPE'] },
      count: 10,
      maxLines: 10_000,
      signal: controller.signal,
      blocksOf: (invoiceId) => {
        read.push(invoiceId);
        // The whole answer arrives while the first invoice is read.
        controller.abort();
        return Promise.resolve([encodeBlock(invoiceId, 0, [lineFixture(1)])]);
      },
    });
    expect(read).toEqual(['inv-1']);
    expect(preview.rows).toEqual([]);
  });
});
