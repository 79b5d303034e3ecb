/** GET /v1/cost-centers, PUT and DELETE /v1/cost-centers/{code} (the cost-centre option). */
import {
  CostCenterCodeSchema,
  CostCenterInputSchema,
  type CostCenter,
  type CostCenterList,
} from '../../shared/api/schemas';
import type { Handler, SimulatorContext } from '../context';
import { checkWritePreconditions } from '../http/conditional';
import { json, noContent, problem, type SimResponse } from '../http/messages';
import { jsonBody } from '../http/query';

/** Without the cost-centre option every cost-centre and assignment path answers 403. */
export const requireCostCenterOption = (context: SimulatorContext): SimResponse | null =>
  context.costCenterOption
    ? null
    : problem(403, {
        slug: 'cost-center-option-missing',
        detail: 'the customer has not subscribed to the cost-centre option',
      });

const currentOf = (
  costCenter: CostCenter | undefined,
): { etag: string; representation: unknown } | undefined =>
  costCenter === undefined ? undefined : { etag: costCenter.etag, representation: costCenter };

const invalidCode = (code: string): SimResponse | null =>
  CostCenterCodeSchema.safeParse(code).success
    ? null
    : problem(400, {
        slug: 'invalid-parameter',
        detail: 'the cost-centre code must be 1 to 20 letters, digits or . _ / -',
        errors: [{ field: 'code', message: 'does not match ^[A-Za-z0-9._/-]{1,20}$' }],
      });

export const listCostCenters: Handler = (_request, context) =>
  requireCostCenterOption(context) ??
  json(200, { items: context.store.costCenters() } satisfies CostCenterList);

export const putCostCenter: Handler = (request, context) => {
  const code = request.params[0] ?? '';
  const refused = requireCostCenterOption(context) ?? invalidCode(code);
  if (refused !== null) return refused;
  const body = jsonBody(request, CostCenterInputSchema);
  if (!body.ok) return body.response;
  const existing = context.store.costCenter(code);
  const precondition = checkWritePreconditions(request.headers, currentOf(existing));
  if (precondition !== null) return precondition;
  const stored = context.store.putCostCenter(code, body.value);
  return json(existing === undefined ? 201 : 200, stored, { ETag: stored.etag });
};

export const deleteCostCenter: Handler = (request, context) => {
  const code = request.params[0] ?? '';
  const refused = requireCostCenterOption(context) ?? invalidCode(code);
  if (refused !== null) return refused;
  const existing = context.store.costCenter(code);
  if (existing === undefined) return problem(404, { slug: 'not-found', detail: `no cost centre ${code}` });
  const precondition = checkWritePreconditions(request.headers, currentOf(existing), {
    requireIfMatch: true,
  });
  if (precondition !== null) return precondition;
  context.store.deleteCostCenter(code);
  return noContent();
};
