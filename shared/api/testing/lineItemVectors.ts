import { lineFixture } from '../../testing/lineFixture';

/**
 * Line items at the edges of the contract, each named, for every validator of a line item to be
 * fed the same: the zod schema and the sync's fast path (fastLineItem.ts) must agree on each.
 * `valid` says what the contract says; a test checks zod agrees, so the vectors cannot drift.
 */
export interface LineItemVector {
  readonly name: string;
  readonly raw: unknown;
  readonly valid: boolean;
}

const base = (): Record<string, unknown> => ({ ...lineFixture(7) });
const withMember = (name: string, value: unknown): Record<string, unknown> => ({ ...base(), [name]: value });
const without = (name: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(base()).filter(([member]) => member !== name));
const shown = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value));

const vector = (name: string, raw: unknown, valid: boolean): LineItemVector => ({ name, raw, valid });

/** Per member: values the contract accepts and values it refuses. */
const members: Record<string, { accepted: unknown[]; refused: unknown[] }> = {
  lineNo: {
    accepted: [1, 2, 999_999, Number.MAX_SAFE_INTEGER],
    refused: [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, '1', null, undefined, true, [], {}],
  },
  serviceCode: {
    // zod counts code points: 64 emoji (128 UTF-16 units) pass, 65 do not; a lone surrogate is one.
    accepted: ['PP-PRI', '', 'x'.repeat(64), 'é'.repeat(64), '😀'.repeat(64), '\ud83d'.repeat(64)],
    refused: [
      'x'.repeat(65),
      '😀'.repeat(65),
      '\ud83d'.repeat(65),
      `${'😀'.repeat(63)}\ud83dxx`,
      42,
      null,
      undefined,
      ['PP'],
    ],
  },
  description: {
    accepted: [undefined, '', 'A-Post', 'x'.repeat(500), 'Zürich – Genève'],
    refused: ['x'.repeat(501), null, 5, false, {}],
  },
  serviceDate: {
    accepted: [
      '2026-03-15',
      '2024-02-29',
      '2000-02-29',
      '0000-02-29',
      '2026-12-31',
      '2026-11-30',
      '2026-01-31',
      '0001-01-01',
      '9999-12-31',
    ],
    refused: [
      '2100-02-29',
      '2026-11-31',
      '2026-06-31',
      '2026-01-32',
      '2026-01-00',
      '2026/01/15',
      '２０２６-01-15',
      '2026-0a-15',
      '-026-01-15',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-3-15',
      '2026-03-15T00:00:00Z',
      ' 2026-03-15',
      '20260315',
      '',
      20260315,
      null,
    ],
  },
  invoiceReference: {
    accepted: ['10000001', '123456789', '00000000'],
    refused: ['1234567', '1234567890', '1234567a', ' 12345678', '12345678\n', 12345678, null],
  },
  frankingLicence: {
    accepted: ['60000001', '00000000'],
    refused: ['6000001', '600000012', '6000000x', 60000001, null, undefined],
  },
  customerReference: {
    accepted: [null, undefined, '', 'PO 4711', 'x'.repeat(35), '🏷'.repeat(35)],
    refused: ['x'.repeat(36), '🏷'.repeat(36), 4711, false],
  },
  quantity: {
    accepted: ['1', '-1', '0', '123456789', '1.5', '1.125', '-0.001', '000000001'],
    refused: ['1234567890', '1.1234', '1.', '.5', '+1', '1e3', '', ' 1', 1, null],
  },
  unitPrice: {
    accepted: ['10.05', '-0.01', '0.0000', '123456789.1234', '1.00'],
    refused: ['10', '10.0', '10.12345', '1234567890.00', '+1.00', '1,00', 10.05, null],
  },
  netAmount: {
    accepted: ['10.05', '-10.05', '0.00', '-0.00', '999999999999.99'],
    refused: ['10.5', '10.055', '1000000000000.00', '10', '10.05 ', '1’000.00', 10.05, null],
  },
  vatRate: {
    accepted: ['0.0', '2.6', '3.8', '8.1'],
    refused: ['7.7', '8.10', '8', 8.1, '', null, undefined],
  },
  vatAmount: {
    accepted: ['0.81', '0.00', '-0.81'],
    refused: ['0.8', '.81', 0.81, null, undefined],
  },
};

export const lineItemVectors: readonly LineItemVector[] = [
  vector('the fixture', base(), true),
  vector('an unknown member added by the back end', { ...base(), discount: '1.00' }, true),
  vector('no optional members', without('description'), true),
  vector('null', null, false),
  vector('an array', [base()], false),
  vector('a string', 'line', false),
  vector('a number', 7, false),
  vector('an empty object', {}, false),
  ...Object.entries(members).flatMap(([name, { accepted, refused }]) => [
    ...accepted.map((value) => vector(`${name} = ${shown(value)}`, withMember(name, value), true)),
    ...refused.map((value) => vector(`${name} = ${shown(value)}`, withMember(name, value), false)),
    vector(`${name} missing`, without(name), name === 'description' || name === 'customerReference'),
  ]),
];

/** The accepted and refused values of each member, for generated items (fast-check). */
export const lineItemMemberValues = members;
