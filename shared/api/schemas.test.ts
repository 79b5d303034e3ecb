import { describe, expect, it } from 'vitest';
import {
  AssignmentInputSchema,
  AssignmentSchema,
  CostCenterCodeSchema,
  CostCenterInputSchema,
  CostCenterSchema,
  CustomerSchema,
  DesignationInputSchema,
  DesignationSchema,
  InvoiceFeedEnvelopeSchema,
  InvoiceFeedPageSchema,
  InvoiceSchema,
  LineItemSchema,
  LinesPageSchema,
  MoneySchema,
  PreferencesSchema,
  ProblemSchema,
  ServiceSchema,
  STRING_MAX,
  TokenResponseSchema,
  type Invoice,
  type LineItem,
} from './schemas';

const invoice = {
  id: 'inv-2026-000001',
  number: '4000000001',
  debtorNumber: '1000123',
  invoiceReference: '30012345',
  type: 'invoice',
  correctsInvoiceId: null,
  issueDate: '2026-03-31',
  dueDate: '2026-04-30',
  periodStart: '2026-03-01',
  periodEnd: '2026-03-31',
  currency: 'CHF',
  netTotal: '100.00',
  vatTotal: '8.10',
  grossTotal: '108.10',
  status: 'open',
  qrReference: '210000000003139471430009017',
  lineCount: 1,
  documentSha256: 'a'.repeat(64),
  revision: 1,
  updatedAt: '2026-03-31T08:15:00Z',
} satisfies Invoice;

const line = {
  lineNo: 1,
  serviceCode: 'PP-PRI',
  description: '',
  serviceDate: '2026-03-12',
  invoiceReference: '30012345',
  frankingLicence: '60001234',
  customerReference: null,
  quantity: '10',
  unitPrice: '10.00',
  netAmount: '100.00',
  vatRate: '8.1',
  vatAmount: '8.10',
} satisfies LineItem;

describe('scalars', () => {
  it.each(['0.00', '-12.05', '999999999999.99'])('Money accepts %s', (m) => {
    expect(MoneySchema.safeParse(m).success).toBe(true);
  });
  it.each(['1', '1.5', '1.500', '1,50', '1234567890123.00', ''])('Money rejects %j', (m) => {
    expect(MoneySchema.safeParse(m).success).toBe(false);
  });
  it('CostCenterCode follows the contract pattern', () => {
    expect(CostCenterCodeSchema.safeParse('CC-4100/a.b_c').success).toBe(true);
    expect(CostCenterCodeSchema.safeParse('with space').success).toBe(false);
    expect(CostCenterCodeSchema.safeParse('x'.repeat(21)).success).toBe(false);
    expect(CostCenterCodeSchema.safeParse('').success).toBe(false);
  });
});

describe('Invoice', () => {
  it('accepts a contract example and tolerates unknown members', () => {
    expect(InvoiceSchema.parse({ ...invoice, extra: 1 })).toEqual(invoice);
  });
  it('treats correctsInvoiceId and qrReference as optional', () => {
    const withoutOptionals = Object.fromEntries(
      Object.entries(invoice).filter(([key]) => key !== 'correctsInvoiceId' && key !== 'qrReference'),
    );
    expect(InvoiceSchema.safeParse(withoutOptionals).success).toBe(true);
  });
  it.each([
    ['number', '123'],
    ['currency', 'EUR'],
    ['netTotal', '100'],
    ['status', 'unknown'],
    ['qrReference', '123'],
    ['documentSha256', 'A'.repeat(64)],
    ['revision', 0],
    ['lineCount', 1.5],
    ['issueDate', '2026-3-31'],
    ['updatedAt', '2026-03-31 08:15'],
    ['invoiceReference', '1234567'],
  ])('rejects a bad %s', (field, value) => {
    expect(InvoiceSchema.safeParse({ ...invoice, [field]: value }).success).toBe(false);
  });
});

describe('LineItem', () => {
  it('accepts a valid line', () => {
    expect(LineItemSchema.parse(line)).toEqual(line);
  });
  it.each([
    ['quantity', '1.2345'],
    ['unitPrice', '1.1'],
    ['vatRate', '7.7'],
    ['frankingLicence', '1234567'],
    ['customerReference', 'x'.repeat(36)],
    ['lineNo', 0],
  ])('rejects a bad %s', (field, value) => {
    expect(LineItemSchema.safeParse({ ...line, [field]: value }).success).toBe(false);
  });
});

describe('pages', () => {
  it('InvoiceFeedPage requires next and cursor', () => {
    expect(InvoiceFeedPageSchema.safeParse({ items: [invoice], next: null, cursor: 'c1' }).success).toBe(
      true,
    );
    expect(InvoiceFeedPageSchema.safeParse({ items: [invoice], next: null }).success).toBe(false);
  });
  it('the envelope lets invalid items through for per-item quarantine', () => {
    const page = { items: [invoice, { ...invoice, netTotal: 'x' }], next: 'n', cursor: 'c' };
    expect(InvoiceFeedPageSchema.safeParse(page).success).toBe(false);
    const envelope = InvoiceFeedEnvelopeSchema.parse(page);
    expect(envelope.items.map((item) => InvoiceSchema.safeParse(item).success)).toEqual([true, false]);
  });
  it('LinesPage', () => {
    expect(LinesPageSchema.safeParse({ items: [line], next: 'abc' }).success).toBe(true);
  });
});

describe('writable resources', () => {
  it('CostCenterInput applies the contract defaults', () => {
    expect(CostCenterInputSchema.parse({ name: 'Marketing' })).toEqual({
      name: 'Marketing',
      active: true,
      objectType: 'costCenter',
    });
    expect(CostCenterInputSchema.safeParse({ name: '' }).success).toBe(false);
    expect(CostCenterInputSchema.safeParse({ name: 'x', monthlyBudget: '12' }).success).toBe(false);
    expect(CostCenterInputSchema.safeParse({ name: 'x', monthlyBudget: null, owner: null }).success).toBe(
      true,
    );
  });
  it('CostCenter needs code, etag, updatedAt', () => {
    const cc = { name: 'M', code: 'M1', etag: '"1"', updatedAt: '2026-01-01T00:00:00Z' };
    expect(CostCenterSchema.safeParse(cc).success).toBe(true);
    expect(CostCenterSchema.safeParse({ ...cc, code: 'bad code' }).success).toBe(false);
  });
  const assignment = {
    kind: 'frankingLicence',
    key: '60001234',
    splits: [
      { costCenterCode: 'A', percent: 60 },
      { costCenterCode: 'B', percent: 40 },
    ],
    validFrom: '2026-01-01',
    validTo: null,
  } as const;
  it('AssignmentInput requires percentages adding up to exactly 100', () => {
    expect(AssignmentInputSchema.safeParse(assignment).success).toBe(true);
    const bad = AssignmentInputSchema.safeParse({
      ...assignment,
      splits: [{ costCenterCode: 'A', percent: 99 }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['splits']);
    expect(
      AssignmentInputSchema.safeParse({ ...assignment, splits: [{ costCenterCode: 'A', percent: 50.5 }] })
        .success,
    ).toBe(false);
    expect(AssignmentInputSchema.safeParse({ ...assignment, splits: [] }).success).toBe(false);
    expect(AssignmentInputSchema.safeParse({ ...assignment, key: '' }).success).toBe(false);
  });
  it('Assignment keeps the percent rule and adds id, etag, updatedAt', () => {
    const full = { ...assignment, id: 'a1', etag: '"x"', updatedAt: '2026-01-01T00:00:00Z' };
    expect(AssignmentSchema.safeParse(full).success).toBe(true);
    expect(
      AssignmentSchema.safeParse({ ...full, splits: [{ costCenterCode: 'A', percent: 10 }] }).success,
    ).toBe(false);
  });
  it('DesignationInput limits text to 1..120', () => {
    expect(DesignationInputSchema.safeParse({ text: 'Versand Zürich' }).success).toBe(true);
    expect(DesignationInputSchema.safeParse({ text: '' }).success).toBe(false);
    expect(DesignationInputSchema.safeParse({ text: 'x'.repeat(121) }).success).toBe(false);
  });
  it('Preferences allows at most five valid e-mail addresses', () => {
    const prefs = {
      notifications: { newDocuments: true, paymentReminders: false, emails: ['a@example.ch'] },
      paper: { invoiceByPost: false, detailedStatementByPost: false },
    };
    expect(PreferencesSchema.safeParse(prefs).success).toBe(true);
    const tooMany = { ...prefs, notifications: { ...prefs.notifications, emails: Array(6).fill('a@b.ch') } };
    expect(PreferencesSchema.safeParse(tooMany).success).toBe(false);
    const invalid = { ...prefs, notifications: { ...prefs.notifications, emails: ['not-an-email'] } };
    expect(PreferencesSchema.safeParse(invalid).success).toBe(false);
  });
});

describe('other contract objects', () => {
  it('Customer', () => {
    const customer = {
      customerNumber: '1000123',
      name: 'Muster AG',
      language: 'de',
      debtors: [
        {
          number: '1000124',
          name: 'Muster AG Zürich',
          invoiceReferences: [{ number: '30012345', frankingLicences: ['60001234'] }],
        },
      ],
      costCenterOption: true,
    };
    expect(CustomerSchema.safeParse(customer).success).toBe(true);
    expect(CustomerSchema.safeParse({ ...customer, language: 'rm' }).success).toBe(false);
  });
  it('Service', () => {
    const names = {
      de: 'PostPac Priority',
      fr: 'PostPac Priority',
      it: 'PostPac Priority',
      en: 'PostPac Priority',
    };
    expect(
      ServiceSchema.safeParse({ code: 'PP-PRI', names, category: 'parcels', unit: 'piece' }).success,
    ).toBe(true);
    expect(ServiceSchema.safeParse({ code: 'PP-PRI', names, category: 'boxes', unit: 'piece' }).success).toBe(
      false,
    );
  });
  it('Token response', () => {
    expect(
      TokenResponseSchema.safeParse({ access_token: 't', token_type: 'Bearer', expires_in: 3600 }).success,
    ).toBe(true);
    expect(
      TokenResponseSchema.safeParse({ access_token: 't', token_type: 'bearer', expires_in: 3600 }).success,
    ).toBe(false);
  });
  it('Problem', () => {
    const problem = ProblemSchema.parse({
      type: 'about:blank',
      title: 'Precondition Failed',
      status: 412,
      current: { name: 'x' },
      errors: [{ field: 'splits', message: 'sum' }],
    });
    expect(problem.current).toEqual({ name: 'x' });
    expect(ProblemSchema.safeParse({ title: 'x', status: 400 }).success).toBe(false);
  });
});

describe('string bounds', () => {
  const huge = 'x'.repeat(100_000);
  const valid = {
    invoice: [InvoiceSchema, invoice],
    line: [LineItemSchema, line],
  } as const;

  it.each([
    ['an invoice id', 'invoice', 'id', STRING_MAX.id],
    ['a corrected invoice id', 'invoice', 'correctsInvoiceId', STRING_MAX.id],
    ['a line description', 'line', 'description', STRING_MAX.text],
    ['a service code', 'line', 'serviceCode', STRING_MAX.id],
    ['a customer reference (contract: 35)', 'line', 'customerReference', 35],
  ] as const)('%s is bounded', (_label, kind, field, max) => {
    const [schema, value] = valid[kind];
    expect(schema.safeParse({ ...value, [field]: 'x'.repeat(max) }).success).toBe(true);
    expect(schema.safeParse({ ...value, [field]: 'x'.repeat(max + 1) }).success).toBe(false);
    expect(schema.safeParse({ ...value, [field]: huge }).success).toBe(false);
  });

  it('bounds names, cursors, etags, tokens and problem texts', () => {
    const names = { de: huge, fr: 'f', it: 'i', en: 'e' };
    expect(ServiceSchema.safeParse({ code: 'PP', names, category: 'parcels', unit: 'piece' }).success).toBe(
      false,
    );
    expect(
      ServiceSchema.safeParse({
        code: huge,
        names: { ...names, de: 'd' },
        category: 'parcels',
        unit: 'piece',
      }).success,
    ).toBe(false);
    expect(InvoiceFeedPageSchema.safeParse({ items: [], next: null, cursor: huge }).success).toBe(false);
    expect(LinesPageSchema.safeParse({ items: [], next: huge }).success).toBe(false);
    expect(
      TokenResponseSchema.safeParse({ access_token: huge, token_type: 'Bearer', expires_in: 3600 }).success,
    ).toBe(false);
    expect(ProblemSchema.safeParse({ type: 'about:blank', title: huge, status: 400 }).success).toBe(false);
    expect(
      DesignationSchema.safeParse({ kind: 'service', key: 'PP', text: 'x'.repeat(121), etag: '"1"' }).success,
    ).toBe(false);
    expect(
      DesignationSchema.safeParse({ kind: 'service', key: 'PP', text: 'x'.repeat(120), etag: '"1"' }).success,
    ).toBe(true);
    expect(
      CustomerSchema.safeParse({
        customerNumber: '1000123',
        name: huge,
        language: 'de',
        debtors: [],
        costCenterOption: true,
      }).success,
    ).toBe(false);
  });
});
