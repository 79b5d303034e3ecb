import { describe, expect, it } from 'vitest';
import { classifyPdfError, isPdfCancellation } from './pdfErrors';

/** pdf.js's exceptions: Error objects told apart by `name`, as they arrive from its worker. */
const pdfJsError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error('message'), { name, ...extra });

describe('classifyPdfError', () => {
  it('tells a damaged file, a password and anything else apart', () => {
    expect(classifyPdfError(pdfJsError('InvalidPDFException'))).toBe('corrupt');
    expect(
      classifyPdfError(
        pdfJsError('UnknownErrorException', { details: 'FormatError: Bad FCHECK in flate stream' }),
      ),
    ).toBe('corrupt');
    expect(classifyPdfError(pdfJsError('PasswordException', { code: 1 }))).toBe('password');
    expect(classifyPdfError(pdfJsError('UnknownErrorException', { details: 'Error: out of memory' }))).toBe(
      'failed',
    );
    expect(classifyPdfError(new TypeError('Failed to fetch dynamically imported module'))).toBe('failed');
    expect(classifyPdfError('a string')).toBe('failed');
    expect(classifyPdfError(null)).toBe('failed');
  });
});

describe('isPdfCancellation', () => {
  it('recognises renders and loads given up on purpose', () => {
    expect(isPdfCancellation(pdfJsError('RenderingCancelledException'))).toBe(true);
    expect(isPdfCancellation(pdfJsError('AbortException'))).toBe(true);
    expect(isPdfCancellation(pdfJsError('InvalidPDFException'))).toBe(false);
  });
});
