/**
 * GET /v1/cost-center-assignments, PUT and DELETE /v1/cost-center-assignments/{id}.
 * Beyond the schema, a write is checked the way the operator's back end would: the key must look
 * like what its kind names, the cost centres must exist, validity must not run backwards (400), and
 * two assignments of one kind and key must not overlap in time (409).
 */
import {
  AssignmentIdSchema,
  AssignmentInputSchema,
  type Assignment,
  type AssignmentInput,
  type AssignmentList,
  type Problem,
} from '../../shared/api/schemas';
import type { Handler } from '../context';
import { SERVICE_BY_CODE } from '../data/catalogue';
import type { WritableStore } from '../store/writableState';
import { checkWritePreconditions } from '../http/conditional';
import { json, noContent, problem, type SimResponse } from '../http/messages';
import { jsonBody } from '../http/query';
import { requireCostCenterOption } from './costCenters';

const KEY_RULES: Record<AssignmentInput['kind'], { test: (key: string) => boolean; message: string }> = {
  frankingLicence: { test: (key) => /^[0-9]{8}$/.test(key), message: 'a franking licence has 8 digits' },
  invoiceReference: {
    test: (key) => /^[0-9]{8,9}$/.test(key),
    message: 'an invoice reference has 8 or 9 digits',
  },
  service: { test: (key) => SERVICE_BY_CODE.has(key), message: 'not a service code of the catalogue' },
};

const semanticErrors = (input: AssignmentInput, store: WritableStore): NonNullable<Problem['errors']> => {
  const errors: NonNullable<Problem['errors']> = [];
  const rule = KEY_RULES[input.kind];
  if (!rule.test(input.key)) errors.push({ field: 'key', message: rule.message });
  const seen = new Set<string>();
  input.splits.forEach((split, i) => {
    if (store.costCenter(split.costCenterCode) === undefined) {
      errors.push({
        field: `splits[${i}].costCenterCode`,
        message: `no cost centre ${split.costCenterCode}`,
      });
    }
    if (seen.has(split.costCenterCode)) {
      errors.push({ field: `splits[${i}].costCenterCode`, message: 'cost centre named twice' });
    }
    seen.add(split.costCenterCode);
  });
  if (input.validFrom != null && input.validTo != null && input.validTo < input.validFrom) {
    errors.push({ field: 'validTo', message: 'validTo is before validFrom' });
  }
  return errors;
};

/** Inclusive date ranges, null meaning unbounded; ISO dates compare as text. */
const overlaps = (a: AssignmentInput, b: AssignmentInput): boolean => {
  const aFrom = a.validFrom ?? '0000-01-01';
  const aTo = a.validTo ?? '9999-12-31';
  const bFrom = b.validFrom ?? '0000-01-01';
  const bTo = b.validTo ?? '9999-12-31';
  return aFrom <= bTo && bFrom <= aTo;
};

const currentOf = (
  assignment: Assignment | undefined,
): { etag: string; representation: unknown } | undefined =>
  assignment === undefined ? undefined : { etag: assignment.etag, representation: assignment };

const invalidId = (id: string): SimResponse | null =>
  AssignmentIdSchema.safeParse(id).success
    ? null
    : problem(400, {
        slug: 'invalid-parameter',
        detail: 'the assignment id must be 1 to 64 letters, digits, _ or -',
        errors: [{ field: 'assignmentId', message: 'does not match ^[A-Za-z0-9_-]{1,64}$' }],
      });

export const listAssignments: Handler = (_request, context) =>
  requireCostCenterOption(context) ??
  json(200, { items: context.store.assignments() } satisfies AssignmentList);

export const putAssignment: Handler = (request, context) => {
  const id = request.params[0] ?? '';
  const refused = requireCostCenterOption(context) ?? invalidId(id);
  if (refused !== null) return refused;
  const body = jsonBody(request, AssignmentInputSchema);
  if (!body.ok) return body.response;
  const errors = semanticErrors(body.value, context.store);
  if (errors.length > 0) {
    return problem(400, { slug: 'invalid-body', detail: 'the assignment is not valid', errors });
  }
  const existing = context.store.assignment(id);
  const precondition = checkWritePreconditions(request.headers, currentOf(existing));
  if (precondition !== null) return precondition;
  const clash = context.store
    .assignments()
    .find(
      (other) =>
        other.id !== id &&
        other.kind === body.value.kind &&
        other.key === body.value.key &&
        overlaps(other, body.value),
    );
  if (clash !== undefined) {
    return problem(409, {
      slug: 'overlapping-assignment',
      detail: `assignment ${clash.id} already charges ${body.value.kind} ${body.value.key} in an overlapping period`,
    });
  }
  const stored = context.store.putAssignment(id, body.value);
  return json(existing === undefined ? 201 : 200, stored, { ETag: stored.etag });
};

export const deleteAssignment: Handler = (request, context) => {
  const id = request.params[0] ?? '';
  const refused = requireCostCenterOption(context) ?? invalidId(id);
  if (refused !== null) return refused;
  const existing = context.store.assignment(id);
  if (existing === undefined) return problem(404, { slug: 'not-found', detail: `no assignment ${id}` });
  const precondition = checkWritePreconditions(request.headers, currentOf(existing), {
    requireIfMatch: true,
  });
  if (precondition !== null) return precondition;
  context.store.deleteAssignment(id);
  return noContent();
};
