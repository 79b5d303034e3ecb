/** Designations (/v1/designations, /v1/designations/{kind}/{key}) and preferences (/v1/preferences). */
import {
  DesignationInputSchema,
  KeyKindSchema,
  PreferencesSchema,
  type Designation,
  type DesignationList,
  type KeyKind,
} from '../../shared/api/schemas';
import type { Handler } from '../context';
import { checkWritePreconditions, notModified } from '../http/conditional';
import { json, noContent, problem, type SimRequest, type SimResponse } from '../http/messages';
import { jsonBody } from '../http/query';

const designationTarget = (
  request: SimRequest,
): { ok: true; kind: KeyKind; key: string } | { ok: false; response: SimResponse } => {
  const kind = KeyKindSchema.safeParse(request.params[0]);
  const key = request.params[1] ?? '';
  if (!kind.success) {
    return {
      ok: false,
      response: problem(400, {
        slug: 'invalid-parameter',
        detail: 'kind must be frankingLicence, invoiceReference or service',
        errors: [{ field: 'kind', message: 'not a KeyKind' }],
      }),
    };
  }
  if (key.length < 1 || key.length > 64) {
    return {
      ok: false,
      response: problem(400, {
        slug: 'invalid-parameter',
        errors: [{ field: 'key', message: '1 to 64 characters' }],
      }),
    };
  }
  return { ok: true, kind: kind.data, key };
};

const currentOf = (
  designation: Designation | undefined,
): { etag: string; representation: unknown } | undefined =>
  designation === undefined ? undefined : { etag: designation.etag, representation: designation };

export const listDesignations: Handler = (_request, context) =>
  json(200, { items: context.store.designations() } satisfies DesignationList);

export const putDesignation: Handler = (request, context) => {
  const target = designationTarget(request);
  if (!target.ok) return target.response;
  const body = jsonBody(request, DesignationInputSchema);
  if (!body.ok) return body.response;
  const existing = context.store.designation(target.kind, target.key);
  const precondition = checkWritePreconditions(request.headers, currentOf(existing));
  if (precondition !== null) return precondition;
  const stored = context.store.putDesignation(target.kind, target.key, body.value.text);
  return json(existing === undefined ? 201 : 200, stored, { ETag: stored.etag });
};

export const deleteDesignation: Handler = (request, context) => {
  const target = designationTarget(request);
  if (!target.ok) return target.response;
  const existing = context.store.designation(target.kind, target.key);
  if (existing === undefined) {
    return problem(404, { slug: 'not-found', detail: `no designation ${target.kind}/${target.key}` });
  }
  const precondition = checkWritePreconditions(request.headers, currentOf(existing), {
    requireIfMatch: true,
  });
  if (precondition !== null) return precondition;
  context.store.deleteDesignation(target.kind, target.key);
  return noContent();
};

export const getPreferences: Handler = (request, context) => {
  const { value, etag } = context.store.preferences();
  if (notModified(request.headers, etag)) return { status: 304, headers: { ETag: etag }, body: null };
  return json(200, value, { ETag: etag });
};

export const putPreferences: Handler = (request, context) => {
  const body = jsonBody(request, PreferencesSchema);
  if (!body.ok) return body.response;
  const current = context.store.preferences();
  const precondition = checkWritePreconditions(
    request.headers,
    { etag: current.etag, representation: current.value },
    { requireIfMatch: true },
  );
  if (precondition !== null) return precondition;
  const stored = context.store.putPreferences(body.value);
  return json(200, stored.value, { ETag: stored.etag });
};
