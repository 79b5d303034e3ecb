/**
 * The Postal Billing API contract (shared/postal-billing-api.yaml) as zod schemas.
 *
 * Every pattern below is copied verbatim from the yaml so that what passes here is exactly what the
 * contract allows. Objects are not strict: a back end may add members, and a client must not break
 * on them. Types are inferred from the schemas, never written twice.
 */
import { z } from 'zod';

/**
 * Bounds on strings the contract leaves unbounded, so a hostile or broken server cannot make the
 * client store, index or render megabytes in one field. Generous against every real value; the
 * contract's own maxLengths are kept where it has them.
 */
export const STRING_MAX = {
  /** Invoice and assignment ids, service codes, designation keys. */
  id: 64,
  /** ETags, opaque cursors. */
  token: 1024,
  /** Names of customers, debtors, services; labels; address lines. */
  name: 200,
  /** Free text such as a line's description or a problem's detail. */
  text: 500,
  /** An OAuth access token (JWTs can be long). */
  accessToken: 8192,
  /** URIs such as a problem type. */
  uri: 2048,
} as const;

// --- scalars ---------------------------------------------------------------------------------

/**
 * The contract's patterns the line item uses, named once: its schema below and the sync's fast
 * validation path (shared/api/fastLineItem.ts) must check exactly the same thing.
 */
export const LINE_PATTERNS = {
  money: /^-?[0-9]{1,12}\.[0-9]{2}$/,
  invoiceReference: /^[0-9]{8,9}$/,
  frankingLicence: /^[0-9]{8}$/,
  quantity: /^-?[0-9]{1,9}(\.[0-9]{1,3})?$/,
  unitPrice: /^-?[0-9]{1,9}\.[0-9]{2,4}$/,
} as const;

/** The line item's VAT rates; the schema's enum and the fast path read this list. */
export const VAT_RATES = ['0.0', '2.6', '3.8', '8.1'] as const;

export const MoneySchema = z.string().regex(LINE_PATTERNS.money, 'expected a decimal with two decimals');
export type Money = z.infer<typeof MoneySchema>;

export const KeyKindSchema = z.enum(['frankingLicence', 'invoiceReference', 'service']);
export type KeyKind = z.infer<typeof KeyKindSchema>;

export const CostCenterCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9._/-]{1,20}$/, 'expected 1 to 20 letters, digits or . _ / -');
export type CostCenterCode = z.infer<typeof CostCenterCodeSchema>;

export const LanguageSchema = z.enum(['de', 'fr', 'it', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** ISO 8601 calendar date, "2026-03-31". */
export const IsoDateSchema = z.iso.date();
/** RFC 3339 UTC instant, "2026-03-31T08:15:00Z". */
export const InstantSchema = z.iso.datetime();

export const CustomerNumberSchema = z.string().regex(/^[0-9]{6,10}$/);
export const InvoiceReferenceNumberSchema = z.string().regex(LINE_PATTERNS.invoiceReference);
export const FrankingLicenceSchema = z.string().regex(LINE_PATTERNS.frankingLicence);

export const AssignmentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export type AssignmentId = z.infer<typeof AssignmentIdSchema>;

export const VatRateSchema = z.enum(VAT_RATES);
export type VatRate = z.infer<typeof VatRateSchema>;

// --- OAuth -----------------------------------------------------------------------------------

export const TokenRequestSchema = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().max(STRING_MAX.name),
  client_secret: z.string().max(STRING_MAX.accessToken),
  scope: z.string().max(STRING_MAX.name).optional(),
});
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export const TokenResponseSchema = z.object({
  access_token: z.string().max(STRING_MAX.accessToken),
  token_type: z.literal('Bearer'),
  expires_in: z.int(),
  scope: z.string().max(STRING_MAX.name).optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

// --- customer and catalogue ------------------------------------------------------------------

export const InvoiceReferenceSchema = z.object({
  number: InvoiceReferenceNumberSchema,
  label: z.string().max(STRING_MAX.name).optional(),
  frankingLicences: z.array(FrankingLicenceSchema),
});
export type InvoiceReference = z.infer<typeof InvoiceReferenceSchema>;

export const DebtorSchema = z.object({
  number: CustomerNumberSchema,
  name: z.string().max(STRING_MAX.name),
  invoiceReferences: z.array(InvoiceReferenceSchema),
});
export type Debtor = z.infer<typeof DebtorSchema>;

export const CustomerSchema = z.object({
  customerNumber: CustomerNumberSchema,
  name: z.string().max(STRING_MAX.name),
  language: LanguageSchema,
  address: z.array(z.string().max(STRING_MAX.name)).optional(),
  debtors: z.array(DebtorSchema),
  costCenterOption: z.boolean(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const ServiceCategorySchema = z.enum([
  'letters',
  'parcels',
  'express',
  'international',
  'mass-mailing',
  'other',
]);
export type ServiceCategory = z.infer<typeof ServiceCategorySchema>;

export const ServiceUnitSchema = z.enum(['piece', 'kg', 'month', 'flat']);
export type ServiceUnit = z.infer<typeof ServiceUnitSchema>;

export const LocalizedNamesSchema = z.object({
  de: z.string().max(STRING_MAX.name),
  fr: z.string().max(STRING_MAX.name),
  it: z.string().max(STRING_MAX.name),
  en: z.string().max(STRING_MAX.name),
});
export type LocalizedNames = z.infer<typeof LocalizedNamesSchema>;

export const ServiceSchema = z.object({
  code: z.string().max(STRING_MAX.id),
  names: LocalizedNamesSchema,
  category: ServiceCategorySchema,
  unit: ServiceUnitSchema,
});
export type Service = z.infer<typeof ServiceSchema>;

// --- invoices and lines ----------------------------------------------------------------------

export const InvoiceTypeSchema = z.enum(['invoice', 'credit-note']);
export type InvoiceType = z.infer<typeof InvoiceTypeSchema>;

export const InvoiceStatusSchema = z.enum(['open', 'paid', 'overdue', 'cancelled']);
export type InvoiceStatus = z.infer<typeof InvoiceStatusSchema>;

export const InvoiceSchema = z.object({
  id: z.string().max(STRING_MAX.id),
  number: z.string().regex(/^[0-9]{10}$/),
  debtorNumber: CustomerNumberSchema,
  invoiceReference: InvoiceReferenceNumberSchema,
  type: InvoiceTypeSchema,
  correctsInvoiceId: z.string().max(STRING_MAX.id).nullable().optional(),
  issueDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  currency: z.literal('CHF'),
  netTotal: MoneySchema,
  vatTotal: MoneySchema,
  grossTotal: MoneySchema,
  status: InvoiceStatusSchema,
  qrReference: z
    .string()
    .regex(/^[0-9]{27}$/)
    .nullable()
    .optional(),
  lineCount: z.int().min(0),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  revision: z.int().min(1),
  updatedAt: InstantSchema,
});
export type Invoice = z.infer<typeof InvoiceSchema>;

export const LineItemSchema = z.object({
  lineNo: z.int().min(1),
  serviceCode: z.string().max(STRING_MAX.id),
  description: z.string().max(STRING_MAX.text).optional(),
  serviceDate: IsoDateSchema,
  invoiceReference: InvoiceReferenceNumberSchema,
  frankingLicence: FrankingLicenceSchema,
  customerReference: z.string().max(35).nullable().optional(),
  quantity: z.string().regex(LINE_PATTERNS.quantity),
  unitPrice: z.string().regex(LINE_PATTERNS.unitPrice),
  netAmount: MoneySchema,
  vatRate: VatRateSchema,
  vatAmount: MoneySchema,
});
export type LineItem = z.infer<typeof LineItemSchema>;

// --- cost centres ----------------------------------------------------------------------------

export const CostObjectTypeSchema = z.enum(['costCenter', 'costUnit', 'wbsElement', 'internalOrder']);
export type CostObjectType = z.infer<typeof CostObjectTypeSchema>;

// Defaults are the contract's; parsing fills them in, so the inferred (output) type has them required.
export const CostCenterInputSchema = z.object({
  name: z.string().min(1).max(80),
  owner: z.string().max(80).nullable().optional(),
  active: z.boolean().default(true),
  objectType: CostObjectTypeSchema.default('costCenter'),
  monthlyBudget: MoneySchema.nullable().optional(),
});
export type CostCenterInput = z.infer<typeof CostCenterInputSchema>;
/** What a caller may send: the members with a default may be left out. */
export type CostCenterInputDraft = z.input<typeof CostCenterInputSchema>;

export const CostCenterSchema = CostCenterInputSchema.extend({
  code: CostCenterCodeSchema,
  etag: z.string().max(STRING_MAX.token),
  updatedAt: InstantSchema,
});
export type CostCenter = z.infer<typeof CostCenterSchema>;

// --- assignments -----------------------------------------------------------------------------

export const SplitSchema = z.object({
  costCenterCode: CostCenterCodeSchema,
  percent: z.int().min(1).max(100),
});
export type Split = z.infer<typeof SplitSchema>;

const assignmentInputShape = {
  kind: KeyKindSchema,
  key: z.string().min(1).max(35),
  splits: z.array(SplitSchema).min(1).max(10),
  validFrom: IsoDateSchema.nullable().optional(),
  validTo: IsoDateSchema.nullable().optional(),
};

const percentSumIsHundred = (value: { splits: readonly Split[] }): boolean =>
  value.splits.reduce((sum, split) => sum + split.percent, 0) === 100;

const percentSumRule = { message: 'split percentages must add up to exactly 100', path: ['splits'] };

export const AssignmentInputSchema = z
  .object(assignmentInputShape)
  .refine(percentSumIsHundred, percentSumRule);
export type AssignmentInput = z.infer<typeof AssignmentInputSchema>;

export const AssignmentSchema = z
  .object({
    ...assignmentInputShape,
    id: z.string().max(STRING_MAX.id),
    etag: z.string().max(STRING_MAX.token),
    updatedAt: InstantSchema,
  })
  .refine(percentSumIsHundred, percentSumRule);
export type Assignment = z.infer<typeof AssignmentSchema>;

// --- designations and preferences ------------------------------------------------------------

export const DesignationInputSchema = z.object({ text: z.string().min(1).max(120) });
export type DesignationInput = z.infer<typeof DesignationInputSchema>;

export const DesignationSchema = z.object({
  kind: KeyKindSchema,
  key: z.string().max(STRING_MAX.id),
  // The contract bounds what a client may write (DesignationInput) to 120.
  text: z.string().max(120),
  etag: z.string().max(STRING_MAX.token),
});
export type Designation = z.infer<typeof DesignationSchema>;

export const PreferencesSchema = z.object({
  notifications: z.object({
    newDocuments: z.boolean(),
    paymentReminders: z.boolean(),
    emails: z.array(z.email().max(254)).max(5),
  }),
  paper: z.object({
    invoiceByPost: z.boolean(),
    detailedStatementByPost: z.boolean(),
  }),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

// --- errors ----------------------------------------------------------------------------------

export const FieldErrorSchema = z.object({
  field: z.string().max(STRING_MAX.name).optional(),
  message: z.string().max(STRING_MAX.text).optional(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ProblemSchema = z.object({
  type: z.string().max(STRING_MAX.uri),
  title: z.string().max(STRING_MAX.name),
  status: z.int(),
  detail: z.string().max(STRING_MAX.text).optional(),
  errors: z.array(FieldErrorSchema).optional(),
  current: z.unknown().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

// --- pages and list envelopes ----------------------------------------------------------------

export const InvoiceFeedPageSchema = z.object({
  items: z.array(InvoiceSchema),
  next: z.string().max(STRING_MAX.token).nullable(),
  cursor: z.string().max(STRING_MAX.token),
});
export type InvoiceFeedPage = z.infer<typeof InvoiceFeedPageSchema>;

export const LinesPageSchema = z.object({
  items: z.array(LineItemSchema),
  next: z.string().max(STRING_MAX.token).nullable(),
});
export type LinesPage = z.infer<typeof LinesPageSchema>;

export const ServiceListSchema = z.object({ items: z.array(ServiceSchema) });
export type ServiceList = z.infer<typeof ServiceListSchema>;

export const CostCenterListSchema = z.object({ items: z.array(CostCenterSchema) });
export type CostCenterList = z.infer<typeof CostCenterListSchema>;

export const AssignmentListSchema = z.object({ items: z.array(AssignmentSchema) });
export type AssignmentList = z.infer<typeof AssignmentListSchema>;

export const DesignationListSchema = z.object({ items: z.array(DesignationSchema) });
export type DesignationList = z.infer<typeof DesignationListSchema>;

/**
 * Page envelopes whose items are left unvalidated, so that a client can check each item on its own,
 * quarantine the invalid ones and carry on with the rest of the page.
 */
export const InvoiceFeedEnvelopeSchema = InvoiceFeedPageSchema.extend({ items: z.array(z.unknown()) });
export type InvoiceFeedEnvelope = z.infer<typeof InvoiceFeedEnvelopeSchema>;

export const LinesEnvelopeSchema = LinesPageSchema.extend({ items: z.array(z.unknown()) });
export type LinesEnvelope = z.infer<typeof LinesEnvelopeSchema>;

export const ListEnvelopeSchema = z.object({ items: z.array(z.unknown()) });
export type ListEnvelope = z.infer<typeof ListEnvelopeSchema>;
