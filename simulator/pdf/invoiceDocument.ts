/**
 * The invoice as issued: a PDF with the operator's letterhead, the debtor's address, the invoice
 * particulars, the lines (or a per-service summary when there are too many to print), the VAT
 * summary, the totals and, on invoices, a QR-bill payment part carrying the QR reference.
 */
import type { Language } from '../../shared/api/schemas';
import { formatMoney, formatQuantity } from '../../shared/core/money';
import { swissDate } from '../data/calendar';
import { serviceAt } from '../data/catalogue';
import type { CustomerModel } from '../data/customer';
import type { InvoiceTotals } from '../data/invoiceTotals';
import type { InvoiceMeta } from '../data/ledger';
import { customerReference, type LineCore } from '../data/lines';
import { groupQrReference } from '../data/qrReference';
import { LABELS, type DocumentLabels } from './labels';
import { A4, createPage, writePdf, type PageCanvas } from './pdfWriter';

export interface InvoiceDocumentInput {
  readonly meta: InvoiceMeta;
  readonly model: CustomerModel;
  readonly totals: InvoiceTotals;
  /** every line, or null to print the per-service summary */
  readonly lines: readonly LineCore[] | null;
}

export const OPERATOR = {
  name: 'Helvetia Post (Simulator)',
  department: 'Rechnungsstelle Geschäftskunden',
  address: ['Postfach', '3030 Bern'],
  vatNumber: 'CHE-000.000.000 MWST',
  qrIban: 'CH44 3199 9123 0008 8901 2',
} as const;

const LEFT = 48;
const RIGHT = A4.width - 48;
const FOOTER_Y = 28;
const ROW = 10.5;
const PAYMENT_PART_HEIGHT = 298; // 105 mm, the QR-bill's fixed height

/** 1234567.5 -> "1'234'567.50", Swiss grouping. */
const amount = (centimes: number): string => {
  const text = formatMoney(centimes);
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return `${negative ? '-' : ''}${grouped}.${fraction}`;
};

const unitPriceText = (tenThousandths: number): string => {
  const whole = Math.trunc(tenThousandths / 10_000);
  const fraction = String(Math.abs(tenThousandths % 10_000)).padStart(4, '0');
  const trimmed = fraction.endsWith('00') ? fraction.slice(0, 2) : fraction;
  return `${tenThousandths < 0 && whole === 0 ? '-' : ''}${whole}.${trimmed}`;
};

const rateText = (basisPoints: number): string =>
  `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100)
    .padStart(2, '0')
    .slice(0, 1)}`;

interface Layout {
  readonly pages: PageCanvas[];
  page: PageCanvas;
  y: number;
}

const letterhead = (page: PageCanvas, title: string, first: boolean): number => {
  page.text(LEFT, 800, OPERATOR.name, { font: 'Helvetica-Bold', size: 11 });
  page.text(LEFT, 788, OPERATOR.department, { size: 8 });
  page.text(LEFT, 778, OPERATOR.address.join(', '), { size: 8 });
  page.text(RIGHT, 800, OPERATOR.vatNumber, { size: 7, align: 'right' });
  if (first) return 0;
  page.text(LEFT, 752, title, { font: 'Helvetica-Bold', size: 10 });
  page.rule(LEFT, 744, RIGHT, 744);
  return 730;
};

const LINE_COLUMNS = {
  lineNo: 66,
  date: 72,
  service: 112,
  licence: 262,
  reference: 306,
  quantity: 420,
  unitPrice: 462,
  amount: 516,
  vat: RIGHT,
} as const;

const lineTableHeader = (page: PageCanvas, y: number, labels: DocumentLabels): number => {
  const bold = { font: 'Helvetica-Bold', size: 7.5 } as const;
  page.box(LEFT - 2, y - 3, RIGHT - LEFT + 4, ROW + 1, { fillGray: 0.9 });
  page.text(LINE_COLUMNS.lineNo, y, labels.lineNo, { ...bold, align: 'right' });
  page.text(LINE_COLUMNS.date, y, labels.serviceDate, bold);
  page.text(LINE_COLUMNS.service, y, labels.service, bold);
  page.text(LINE_COLUMNS.licence, y, labels.licence, { ...bold, maxWidth: 42 });
  page.text(LINE_COLUMNS.reference, y, labels.reference, { ...bold, maxWidth: 70 });
  page.text(LINE_COLUMNS.quantity, y, labels.quantity, { ...bold, align: 'right' });
  page.text(LINE_COLUMNS.unitPrice, y, labels.unitPrice, { ...bold, align: 'right' });
  page.text(LINE_COLUMNS.amount, y, labels.amount, { ...bold, align: 'right' });
  page.text(LINE_COLUMNS.vat, y, labels.vat, { ...bold, align: 'right' });
  return y - ROW - 2;
};

const ensureSpace = (layout: Layout, needed: number, continuation: () => number): void => {
  if (layout.y - needed >= FOOTER_Y + 20) return;
  layout.page = createPage();
  layout.pages.push(layout.page);
  layout.y = continuation();
};

export const renderInvoiceDocument = ({ meta, model, totals, lines }: InvoiceDocumentInput): Uint8Array => {
  const language: Language = model.language;
  const labels = LABELS[language];
  const creditNote = meta.type === 'credit-note';
  const title = `${creditNote ? labels.creditNote : labels.invoice} ${meta.number}`;
  const debtor = model.customer.debtors.find((d) => d.number === meta.rrn.debtorNumber);

  const first = createPage();
  const layout: Layout = { pages: [first], page: first, y: 0 };
  const continuationPage = (): number => letterhead(layout.page, title, false);
  letterhead(first, title, true);

  // Address block in the window of a C5 envelope.
  const addressLines = [debtor?.name ?? model.customer.name, ...(model.customer.address ?? []).slice(1)];
  addressLines.forEach((line, i) => first.text(330, 740 - i * 12, line, { size: 10 }));

  first.text(LEFT, 668, title, { font: 'Helvetica-Bold', size: 15 });
  const particulars: [string, string][] = [
    [labels.date, swissDate(meta.issueDate)],
    ...(creditNote ? [] : [[labels.dueDate, swissDate(meta.dueDate)] satisfies [string, string]]),
    [labels.period, `${swissDate(meta.periodStart)} – ${swissDate(meta.periodEnd)}`],
    [labels.customerNumber, model.customer.customerNumber],
    [labels.debtorNumber, meta.rrn.debtorNumber],
    [labels.invoiceReference, `${meta.rrn.number} (${meta.rrn.label})`],
    ...(meta.correction === null
      ? []
      : [[labels.corrects, meta.correction.original.number] satisfies [string, string]]),
  ];
  particulars.forEach(([label, value], i) => {
    first.text(LEFT, 646 - i * 12, label, { size: 8.5 });
    first.text(170, 646 - i * 12, value, { size: 8.5, maxWidth: RIGHT - 170 });
  });
  layout.y = 646 - particulars.length * 12 - 16;

  const service = (index: number): string => serviceAt(index).names[language];

  if (lines !== null) {
    first.text(LEFT, layout.y, labels.lines, { font: 'Helvetica-Bold', size: 10 });
    layout.y = lineTableHeader(first, layout.y - 16, labels);
    for (const line of lines) {
      ensureSpace(layout, ROW, () => lineTableHeader(layout.page, continuationPage(), labels));
      const { page, y } = layout;
      const owner = meta.correction?.original ?? meta;
      page.text(LINE_COLUMNS.lineNo, y, String(line.lineNo), { size: 7.5, align: 'right' });
      page.text(LINE_COLUMNS.date, y, swissDate(line.day), { size: 7.5 });
      page.text(LINE_COLUMNS.service, y, service(line.serviceIndex), { size: 7.5, maxWidth: 146 });
      page.text(LINE_COLUMNS.licence, y, owner.rrn.licences[line.licenceIndex] ?? '', { size: 7.5 });
      page.text(LINE_COLUMNS.reference, y, customerReference(line, meta) ?? '', { size: 7.5, maxWidth: 76 });
      page.text(LINE_COLUMNS.quantity, y, formatQuantity(line.quantity), { size: 7.5, align: 'right' });
      page.text(LINE_COLUMNS.unitPrice, y, unitPriceText(line.unitPrice), { size: 7.5, align: 'right' });
      page.text(LINE_COLUMNS.amount, y, amount(line.net), { size: 7.5, align: 'right' });
      page.text(LINE_COLUMNS.vat, y, serviceAt(line.serviceIndex).vatRate, { size: 7.5, align: 'right' });
      layout.y -= ROW;
    }
  } else {
    first.text(LEFT, layout.y, labels.summaryByService, { font: 'Helvetica-Bold', size: 10 });
    first.text(LEFT, layout.y - 12, labels.summaryNote(totals.lineCount), { size: 8 });
    layout.y -= 30;
    const bold = { font: 'Helvetica-Bold', size: 8 } as const;
    first.box(LEFT - 2, layout.y - 3, RIGHT - LEFT + 4, ROW + 1, { fillGray: 0.9 });
    first.text(LEFT, layout.y, labels.service, bold);
    first.text(330, layout.y, labels.lines, { ...bold, align: 'right' });
    first.text(410, layout.y, labels.quantity, { ...bold, align: 'right' });
    first.text(480, layout.y, labels.amount, { ...bold, align: 'right' });
    first.text(RIGHT, layout.y, labels.vat, { ...bold, align: 'right' });
    layout.y -= ROW + 2;
    for (const [index, subtotal] of totals.byService) {
      ensureSpace(layout, ROW, continuationPage);
      const { page, y } = layout;
      page.text(LEFT, y, service(index), { size: 8, maxWidth: 230 });
      page.text(330, y, String(subtotal.lines), { size: 8, align: 'right' });
      page.text(410, y, formatQuantity(subtotal.quantity), { size: 8, align: 'right' });
      page.text(480, y, amount(subtotal.net), { size: 8, align: 'right' });
      page.text(RIGHT, y, serviceAt(index).vatRate, { size: 8, align: 'right' });
      layout.y -= ROW;
    }
  }

  // VAT summary and totals stay together.
  ensureSpace(layout, 40 + totals.byRate.size * ROW + 3 * 13, continuationPage);
  layout.page.rule(LEFT, layout.y + 4, RIGHT, layout.y + 4);
  layout.y -= 12;
  layout.page.text(LEFT, layout.y, labels.vatSummary, { font: 'Helvetica-Bold', size: 8.5 });
  layout.page.text(360, layout.y, labels.netAmount, { size: 8, align: 'right' });
  layout.page.text(RIGHT, layout.y, labels.totalVat, { size: 8, align: 'right' });
  for (const [rate, subtotal] of totals.byRate) {
    layout.y -= ROW;
    layout.page.text(LEFT + 10, layout.y, `${labels.vatRate} ${rateText(rate)} %`, { size: 8 });
    layout.page.text(360, layout.y, amount(subtotal.net), { size: 8, align: 'right' });
    layout.page.text(RIGHT, layout.y, amount(subtotal.vat), { size: 8, align: 'right' });
  }
  layout.y -= 18;
  const totalRows: [string, number, boolean][] = [
    [labels.totalNet, totals.net, false],
    [labels.totalVat, totals.vat, false],
    [labels.totalGross, totals.gross, true],
  ];
  for (const [label, value, strong] of totalRows) {
    const font = strong ? 'Helvetica-Bold' : 'Helvetica';
    layout.page.text(300, layout.y, `${label} CHF`, { font, size: strong ? 10 : 9 });
    layout.page.text(RIGHT, layout.y, amount(value), { font, size: strong ? 10 : 9, align: 'right' });
    layout.y -= 13;
  }

  if (creditNote) {
    layout.y -= 8;
    layout.page.text(LEFT, layout.y, labels.creditNotice, { size: 8.5 });
  } else {
    // Room for the payment part and the footer above it.
    if (layout.y - 24 < PAYMENT_PART_HEIGHT) {
      layout.page = createPage();
      layout.pages.push(layout.page);
      continuationPage();
    }
    paymentPart(layout.page, labels, meta, model, totals.gross, debtor?.name ?? model.customer.name);
  }

  const pageCount = layout.pages.length;
  layout.pages.forEach((page, i) => {
    // The payment part occupies the foot of the last page of an invoice: the footer goes above it.
    const footerY = !creditNote && i === pageCount - 1 ? PAYMENT_PART_HEIGHT + 6 : FOOTER_Y;
    page.text(LEFT, footerY, `${title} · ${meta.rrn.number}`, { size: 7 });
    page.text(RIGHT, footerY, labels.page(i + 1, pageCount), { size: 7, align: 'right' });
  });
  const iso = (day: number): string => swissDate(day).split('.').reverse().join('');
  return writePdf(
    layout.pages.map((page) => page.content()),
    {
      title,
      author: OPERATOR.name,
      subject: `${model.customer.name}, ${meta.rrn.number}`,
      creationDate: `D:${iso(meta.issueDate)}000000Z`,
    },
  );
};

const paymentPart = (
  page: PageCanvas,
  labels: DocumentLabels,
  meta: InvoiceMeta,
  model: CustomerModel,
  gross: number,
  payer: string,
): void => {
  const top = PAYMENT_PART_HEIGHT;
  page.rule(0, top, A4.width, top, { width: 0.3, dash: 3 });
  page.rule(176, 0, 176, top, { width: 0.3, dash: 3 });
  const reference = meta.qrReference === null ? '' : groupQrReference(meta.qrReference);
  const payerLines = [payer, ...(model.customer.address ?? []).slice(1)];

  // Receipt (left, 62 mm)
  let y = top - 20;
  page.text(16, y, labels.receipt, { font: 'Helvetica-Bold', size: 11 });
  y -= 20;
  const field = (x: number, label: string, values: readonly string[], width: number): void => {
    page.text(x, y, label, { font: 'Helvetica-Bold', size: 6 });
    y -= 9;
    for (const value of values) {
      page.text(x, y, value, { size: 8, maxWidth: width });
      y -= 9;
    }
    y -= 4;
  };
  field(16, labels.account, [OPERATOR.qrIban, OPERATOR.name, OPERATOR.address.join(', ')], 150);
  field(16, 'Referenz / Reference', [reference], 150);
  field(16, labels.payableBy, payerLines, 150);
  page.text(16, 60, labels.currency, { font: 'Helvetica-Bold', size: 6 });
  page.text(16, 50, 'CHF', { size: 8 });
  page.text(60, 60, labels.amount, { font: 'Helvetica-Bold', size: 6 });
  page.text(60, 50, amount(gross), { size: 8 });

  // Payment part (right): QR code area with the Swiss cross, then the same data.
  page.text(190, top - 20, labels.paymentPart, { font: 'Helvetica-Bold', size: 11 });
  const qrX = 190;
  const qrY = top - 180;
  page.box(qrX, qrY, 130, 130, { stroke: true });
  page.box(qrX + 54, qrY + 54, 22, 22, { fillGray: 0 });
  page.box(qrX + 63, qrY + 58, 4, 14, { fillGray: 1 });
  page.box(qrX + 58, qrY + 63, 14, 4, { fillGray: 1 });
  page.text(qrX + 65, qrY + 10, 'QR', { size: 7, align: 'center' });
  page.text(190, 60, labels.currency, { font: 'Helvetica-Bold', size: 6 });
  page.text(190, 50, 'CHF', { size: 8 });
  page.text(240, 60, labels.amount, { font: 'Helvetica-Bold', size: 6 });
  page.text(240, 50, amount(gross), { size: 8 });

  y = top - 20;
  field(340, labels.account, [OPERATOR.qrIban, OPERATOR.name, OPERATOR.address.join(', ')], 230);
  field(340, 'Referenz / Reference', [reference], 230);
  field(340, labels.additionalInformation, [`${labels.invoice} ${meta.number}`, meta.rrn.label], 230);
  field(340, labels.payableBy, payerLines, 230);
};
