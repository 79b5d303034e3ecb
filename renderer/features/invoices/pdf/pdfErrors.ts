/** Why a PDF cannot be shown, as the clerk is told. */
export type PdfErrorReason = 'corrupt' | 'password' | 'failed';

const nameOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : '';

const detailsOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'details' in error && typeof error.details === 'string'
    ? error.details
    : '';

/**
 * pdf.js errors cross from its worker as plain objects rebuilt by name, so they are told apart by
 * name, not by class (the class would also tie this module to the lazily loaded library).
 */
export const classifyPdfError = (error: unknown): PdfErrorReason => {
  const name = nameOf(error);
  if (name === 'PasswordException') return 'password';
  if (name === 'InvalidPDFException') return 'corrupt';
  // The parser's own errors reach us wrapped, with their name in the details.
  if (name === 'UnknownErrorException' && /FormatError|XRefParseException/.test(detailsOf(error)))
    return 'corrupt';
  return 'failed';
};

/** A render or a page load given up on purpose (page turned, zoom changed, viewer closed): no error. */
export const isPdfCancellation = (error: unknown): boolean =>
  nameOf(error) === 'RenderingCancelledException' || nameOf(error) === 'AbortException';
