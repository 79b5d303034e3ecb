import { describe, expect, it } from 'vitest';
import { BadRequestError, UnauthorizedError } from '../../shared/api/errors';
import { PlatformError } from '../platform/Platform';
import { failureDetails } from './failureDetails';
import { failureOf, LineIndexError } from './failures';

describe('failureOf', () => {
  it('maps the codes the UI knows to their message keys', () => {
    expect(
      failureOf(new PlatformError('ipc.invalidPayload', 'suggestedName: must not start with a dot')),
    ).toEqual({ key: 'ipc.invalidPayload', known: true });
    expect(failureOf(new PlatformError('connection.secretRequired', 'x'))).toEqual({
      key: 'connection.secretRequired',
      known: true,
    });
    expect(failureOf(new PlatformError('files.refused', 'suggestedName: too long'))).toEqual({
      key: 'files.refused',
      known: true,
    });
    const quota = Object.assign(new Error('wrapped'), {
      inner: new DOMException('full', 'QuotaExceededError'),
    });
    expect(failureOf(quota).key).toBe('problems.action.quota');
    expect(failureOf(new LineIndexError('expired', 'The result has expired')).key).toBe(
      'problems.action.expired',
    );
  });

  it('words a refusal by the operator as a sync does, not as its code', () => {
    expect(failureOf(new UnauthorizedError('api.unauthorized', { status: 401 }))).toEqual({
      key: 'sync.errors.unauthorized',
      known: true,
    });
    // Not one of the reasons the clerk can act on: the generic message and "Copy details".
    expect(failureOf(new BadRequestError('api.badRequest', { status: 400 }))).toEqual({
      key: 'problems.action.unexpected',
      known: false,
    });
  });

  it('gives anything else the generic message, never its own text', () => {
    for (const error of [
      new TypeError("Cannot read properties of undefined (reading 'names')"),
      Object.assign(new Error('raw'), { name: 'PlatformError', code: 'main.somethingNew' }),
      new LineIndexError('failed', 'boom'),
      'a string',
      undefined,
    ])
      expect(failureOf(error)).toEqual({ key: 'problems.action.unexpected', known: false });
  });
});

describe('failureDetails', () => {
  it('carries name, code, message, stack, version, page and the component stack', () => {
    const error = new PlatformError('ipc.failed', 'disk on fire');
    const text = failureDetails(error, {
      area: 'page invoice',
      page: '#/invoices/abc',
      appVersion: '1.2.3',
      componentStack: '\n    at InvoiceDetailPage',
    });
    expect(text).toContain('Invoice Desk 1.2.3');
    expect(text).toContain('Page: #/invoices/abc');
    expect(text).toContain('Where: page invoice');
    expect(text).toContain('Error: PlatformError [ipc.failed]: disk on fire');
    expect(text).toContain(error.stack ?? 'no stack');
    expect(text).toContain('Components:\nat InvoiceDetailPage');
  });

  it('describes values that are not errors', () => {
    expect(failureDetails({ reason: 1 }, { area: 'a', page: '', appVersion: 'dev' })).toContain(
      'Error: object: {"reason":1}',
    );
  });
});
