/**
 * QR reference (Swiss QR-bill, formerly ISR/ESR reference): 26 digits followed by a check digit
 * computed with the recursive modulo-10 algorithm of the ISR specification.
 */

const TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5] as const;

export const mod10Recursive = (digits: string): number => {
  let carry = 0;
  for (const char of digits) carry = TABLE[(carry + Number(char)) % 10] ?? 0;
  return (10 - carry) % 10;
};

export const qrReference = (customerNumber: string, invoiceNumber: string): string => {
  const payload = `${customerNumber.padStart(11, '0')}00000${invoiceNumber.padStart(10, '0')}`;
  return `${payload}${mod10Recursive(payload)}`;
};

/** "21 00000 00003 13947 14300 09017": the grouping printed on payment slips. */
export const groupQrReference = (reference: string): string => {
  const head = reference.slice(0, 2);
  const rest = reference.slice(2).match(/.{1,5}/g) ?? [];
  return [head, ...rest].join(' ');
};
