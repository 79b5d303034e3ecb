/**
 * Exact money arithmetic for the Postal Billing API.
 *
 * Money travels as a decimal string with exactly two decimals ("1234.50", "-12.05") and is held in
 * memory as integer centimes (a safe integer). Quantities and unit prices are scaled integers too.
 * Products are exact: plain integer arithmetic while it stays below 2^53, BigInt beyond, because
 * quantity (3 decimals) x unit price (4 decimals) can exceed 2^53 before it is rounded to centimes.
 */

/** Integer number of centimes (1/100 CHF); always a safe integer. */
export type Centimes = number;

/** A quantity in thousandths of a unit: "12.5" is 12500. */
export type QuantityMilli = number;

/** A unit price in ten-thousandths of a franc: "0.8500" is 8500. */
export type UnitPriceTenThousandths = number;

/** A VAT rate in hundredths of a percent: "8.1" is 810. */
export type VatRateBasisPoints = number;

export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
  constructor(
    readonly kind: 'money' | 'quantity' | 'unitPrice' | 'vatRate' | 'centimes',
    readonly input: unknown,
    reason: string,
  ) {
    super(`Invalid ${kind} ${JSON.stringify(input)}: ${reason}`);
  }
}

// The patterns are the contract's (postal-billing-api.yaml), so anything accepted here is valid on the wire.
export const MONEY_PATTERN = /^-?[0-9]{1,12}\.[0-9]{2}$/;
export const QUANTITY_PATTERN = /^-?[0-9]{1,9}(\.[0-9]{1,3})?$/;
export const UNIT_PRICE_PATTERN = /^-?[0-9]{1,9}\.[0-9]{2,4}$/;
// Not constrained by the contract beyond its enum; any non-negative rate with up to two decimals is exact here.
const VAT_RATE_PATTERN = /^[0-9]{1,2}(\.[0-9]{1,2})?$/;

/** Largest magnitude the Money pattern can carry: 999999999999.99. */
export const MAX_MONEY_CENTIMES: Centimes = 99_999_999_999_999;

// ---------------------------------------------------------------------------------------------

const parseScaled = (text: string, scale: number): number => {
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const [whole = '', fraction = ''] = unsigned.split('.');
  const digits = Number(whole + fraction.padEnd(scale, '0'));
  // Avoid producing -0, which would otherwise leak into formatting and equality checks.
  return negative && digits !== 0 ? -digits : digits;
};

const formatScaled = (value: number, scale: number, minDecimals: number): string => {
  const sign = value < 0 ? '-' : '';
  const digits = Math.abs(value)
    .toString()
    .padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  let kept = fraction;
  while (kept.length > minDecimals && kept.endsWith('0')) kept = kept.slice(0, -1);
  return kept.length > 0 ? `${sign}${whole}.${kept}` : `${sign}${whole}`;
};

/**
 * Divides a non-negative integer and rounds half away from zero, the commercial rounding every Swiss
 * invoice uses. Stays in plain numbers while every intermediate is a safe integer (the hot path when
 * generating millions of lines) and falls back to BigInt beyond that.
 */
const divideMagnitude = (magnitude: number, denominator: number): number => {
  const doubled = magnitude * 2 + denominator;
  if (Number.isSafeInteger(doubled)) {
    const divisor = denominator * 2;
    return (doubled - (doubled % divisor)) / divisor;
  }
  return Number((BigInt(magnitude) * 2n + BigInt(denominator)) / (BigInt(denominator) * 2n));
};

/** a x b / denominator, rounded half away from zero, exact for any safe-integer operands. */
const scaleToCentimes = (a: number, b: number, denominator: number, input: string): Centimes => {
  const product = a * b;
  const magnitude = Number.isSafeInteger(product)
    ? divideMagnitude(Math.abs(product), denominator)
    : bigDivideMagnitude(BigInt(a) * BigInt(b), BigInt(denominator));
  if (magnitude > MAX_MONEY_CENTIMES) {
    throw new MoneyFormatError('money', input, 'result exceeds the 12-digit money range');
  }
  return product < 0 && magnitude !== 0 ? -magnitude : magnitude;
};

const bigDivideMagnitude = (product: bigint, denominator: bigint): number => {
  const magnitude = product < 0n ? -product : product;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  // Past the money range the exact value no longer matters: the caller rejects it.
  return quotient > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(quotient);
};

const assertCentimes = (centimes: Centimes): void => {
  if (!Number.isSafeInteger(centimes)) {
    throw new MoneyFormatError('centimes', centimes, 'not a safe integer');
  }
  if (Math.abs(centimes) > MAX_MONEY_CENTIMES) {
    throw new MoneyFormatError('centimes', centimes, 'exceeds the 12-digit money range');
  }
};

// ---------------------------------------------------------------------------------------------

export const isMoney = (text: unknown): text is string =>
  typeof text === 'string' && MONEY_PATTERN.test(text);

/** "1234.50" -> 123450; "-12.05" -> -1205. */
export const parseMoney = (text: string): Centimes => {
  if (!isMoney(text)) throw new MoneyFormatError('money', text, 'expected digits, a dot and two decimals');
  return parseScaled(text, 2);
};

/** 123450 -> "1234.50"; -1205 -> "-12.05". */
export const formatMoney = (centimes: Centimes): string => {
  assertCentimes(centimes);
  return formatScaled(centimes, 2, 2);
};

/** "12.5" -> 12500 thousandths. */
export const parseQuantity = (text: string): QuantityMilli => {
  if (typeof text !== 'string' || !QUANTITY_PATTERN.test(text)) {
    throw new MoneyFormatError('quantity', text, 'expected up to 9 digits and up to 3 decimals');
  }
  return parseScaled(text, 3);
};

/** 12500 -> "12.5"; 3000 -> "3": the shortest exact form. */
export const formatQuantity = (milli: QuantityMilli): string => {
  if (!Number.isSafeInteger(milli) || Math.abs(milli) >= 1e12) {
    throw new MoneyFormatError('quantity', milli, 'not an integer number of thousandths within range');
  }
  return formatScaled(milli, 3, 0);
};

/** "0.8500" -> 8500 ten-thousandths; "1.10" -> 11000. */
export const parseUnitPrice = (text: string): UnitPriceTenThousandths => {
  if (typeof text !== 'string' || !UNIT_PRICE_PATTERN.test(text)) {
    throw new MoneyFormatError('unitPrice', text, 'expected up to 9 digits and 2 to 4 decimals');
  }
  return parseScaled(text, 4);
};

/** 8500 -> "0.85"; 8525 -> "0.8525": two decimals at least, four at most. */
export const formatUnitPrice = (tenThousandths: UnitPriceTenThousandths): string => {
  if (!Number.isSafeInteger(tenThousandths) || Math.abs(tenThousandths) >= 1e13) {
    throw new MoneyFormatError('unitPrice', tenThousandths, 'not an integer within range');
  }
  return formatScaled(tenThousandths, 4, 2);
};

/** "8.1" -> 810 hundredths of a percent. */
export const parseVatRate = (text: string): VatRateBasisPoints => {
  if (typeof text !== 'string' || !VAT_RATE_PATTERN.test(text)) {
    throw new MoneyFormatError('vatRate', text, 'expected a percentage such as "8.1"');
  }
  return parseScaled(text, 2);
};

/**
 * quantity (thousandths) x unit price (ten-thousandths), rounded to the centime half away from zero:
 * the scaled-integer form of lineNetAmount, for callers that already hold parsed values.
 */
export const multiplyToCentimes = (quantity: QuantityMilli, unitPrice: UnitPriceTenThousandths): Centimes => {
  if (!Number.isSafeInteger(quantity) || !Number.isSafeInteger(unitPrice)) {
    throw new MoneyFormatError('centimes', `${quantity} x ${unitPrice}`, 'operands must be safe integers');
  }
  // 3 + 4 decimals: 10^7 units per franc, 10^5 per centime.
  return scaleToCentimes(quantity, unitPrice, 100_000, `${quantity} x ${unitPrice}`);
};

/** VAT on a net amount at a rate in hundredths of a percent, rounded half away from zero. */
export const vatOnNet = (netCentimes: Centimes, rate: VatRateBasisPoints): Centimes => {
  assertCentimes(netCentimes);
  if (!Number.isSafeInteger(rate) || rate < 0) {
    throw new MoneyFormatError('vatRate', rate, 'not a rate in hundredths of a percent');
  }
  return scaleToCentimes(netCentimes, rate, 10_000, `${netCentimes} @ ${rate}`);
};

/** Net amount of a line: quantity x unit price, rounded to the centime half away from zero. */
export const lineNetAmount = (quantity: string, unitPrice: string): Centimes =>
  multiplyToCentimes(parseQuantity(quantity), parseUnitPrice(unitPrice));

/** VAT on a net amount at a rate in percent ("8.1"), rounded to the centime half away from zero. */
export const vatAmount = (netCentimes: Centimes, rate: string): Centimes =>
  vatOnNet(netCentimes, parseVatRate(rate));

/**
 * `percent` % of an amount in centimes, rounded to the centime half away from zero (-0.005 is
 * -0.01): one split of an allocation. Exact for every amount the Money pattern can carry.
 */
export const percentOfCentimes = (centimes: Centimes, percent: number): Centimes => {
  if (!Number.isSafeInteger(percent)) {
    throw new MoneyFormatError('centimes', percent, 'a percentage must be a whole number');
  }
  return scaleToCentimes(centimes, percent, 100, `${centimes} x ${percent} %`);
};

/** Sum of centime amounts that refuses to drift past the safe-integer range silently. */
export const sumCentimes = (amounts: Iterable<Centimes>): Centimes => {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    // Checked per step: once past 2^53 a later term could bring the total back into range, wrongly.
    if (!Number.isSafeInteger(total))
      throw new MoneyFormatError('centimes', total, 'sum is not a safe integer');
  }
  return total;
};

/** Adds Money strings exactly: addMoney("0.10", "0.20") is "0.30". */
export const addMoney = (...amounts: readonly string[]): string =>
  formatMoney(sumCentimes(amounts.map(parseMoney)));
