/**
 * Control endpoints under /__sim/ (only when the simulator runs with `control: true`): fault
 * injection, the simulated clock, token revocation, edits by "another user", and statistics that
 * tests compare with what a client synchronised. Documented in simulator/README.md.
 */
import { z } from 'zod';
import { KeyKindSchema, type Assignment, type CostCenter, type Designation } from '../../shared/api/schemas';
import { formatMoney } from '../../shared/core/money';
import type { Handler, SimulatorContext } from '../context';
import { MS_PER_DAY, isoInstant } from '../data/calendar';
import { SERVICE_BY_CODE, serviceAt } from '../data/catalogue';
import { monthIndex } from '../data/calendar';
import { FaultUpdateSchema } from '../faults';
import { json, problem, type SimResponse } from '../http/messages';
import { jsonBody } from '../http/query';
import type { Route } from '../router';

const EDIT_MARK = ' (edited by another user)';
const LENIENT = { anyContentType: true } as const;

export const getFaults: Handler = (_request, context) => json(200, context.faults.config());

export const postFaults: Handler = (request, context) => {
  const body = jsonBody(request, FaultUpdateSchema, LENIENT);
  if (!body.ok) return body.response;
  return json(200, context.faults.update(body.value));
};

export const deleteFaults: Handler = (_request, context) => json(200, context.faults.clear());

const ClockChangeSchema = z.strictObject({ advanceDays: z.number().min(0).max(3650) });

export const getClock: Handler = (_request, context) => json(200, { now: isoInstant(context.clock.now()) });

export const postClock: Handler = (request, context) => {
  const body = jsonBody(request, ClockChangeSchema, LENIENT);
  if (!body.ok) return body.response;
  context.clock.advance(Math.round(body.value.advanceDays * MS_PER_DAY));
  return json(200, { now: isoInstant(context.clock.now()) });
};

export const revokeTokens: Handler = (_request, context) => json(200, { revoked: context.auth.revokeAll() });

const OtherUserEditSchema = z.strictObject({
  kind: z.enum(['costCenter', 'assignment', 'designation', 'preferences']),
  id: z.string().min(1).optional(),
});

const notFound = (what: string): SimResponse =>
  problem(404, { slug: 'not-found', detail: `no ${what} to edit` });

const editCostCenter = (context: SimulatorContext, id: string | undefined): SimResponse => {
  const target: CostCenter | undefined =
    id === undefined ? context.store.costCenters()[0] : context.store.costCenter(id);
  if (target === undefined) return notFound(`cost centre ${id ?? ''}`);
  const base = target.name.endsWith(EDIT_MARK) ? target.name.slice(0, -EDIT_MARK.length) : target.name;
  return json(
    200,
    context.store.putCostCenter(target.code, {
      name: `${base}${EDIT_MARK}`.slice(0, 80),
      owner: 'Other User',
      active: target.active,
      objectType: target.objectType,
      monthlyBudget: target.monthlyBudget ?? null,
    }),
  );
};

/** Moves some percentage points between splits, or splits a single one, keeping the sum at 100. */
const editedSplits = (context: SimulatorContext, assignment: Assignment): Assignment['splits'] | null => {
  const [first, second, ...rest] = assignment.splits;
  if (first === undefined) return null;
  if (second !== undefined) {
    if (first.percent > 5)
      return [{ ...first, percent: first.percent - 5 }, { ...second, percent: second.percent + 5 }, ...rest];
    if (second.percent > 5)
      return [{ ...first, percent: first.percent + 5 }, { ...second, percent: second.percent - 5 }, ...rest];
  }
  const other = context.store
    .costCenters()
    .find((c) => !assignment.splits.some((s) => s.costCenterCode === c.code));
  if (other === undefined || first.percent < 2) return null;
  return [
    { costCenterCode: first.costCenterCode, percent: Math.ceil(first.percent / 2) },
    { costCenterCode: other.code, percent: Math.floor(first.percent / 2) },
    ...(second === undefined ? [] : [second, ...rest]),
  ];
};

const editAssignment = (context: SimulatorContext, id: string | undefined): SimResponse => {
  const target = id === undefined ? context.store.assignments()[0] : context.store.assignment(id);
  if (target === undefined) return notFound(`assignment ${id ?? ''}`);
  const splits = editedSplits(context, target) ?? target.splits;
  return json(
    200,
    context.store.putAssignment(target.id, {
      kind: target.kind,
      key: target.key,
      splits,
      validFrom: target.validFrom ?? null,
      validTo: target.validTo ?? null,
    }),
  );
};

const editDesignation = (context: SimulatorContext, id: string | undefined): SimResponse => {
  let target: Designation | undefined;
  if (id === undefined) {
    target = context.store.designations()[0];
  } else {
    const separator = id.indexOf('/');
    const kind = KeyKindSchema.safeParse(id.slice(0, separator));
    target =
      separator > 0 && kind.success
        ? context.store.designation(kind.data, id.slice(separator + 1))
        : undefined;
  }
  if (target === undefined) return notFound(`designation ${id ?? ''}`);
  const base = target.text.endsWith(EDIT_MARK) ? target.text.slice(0, -EDIT_MARK.length) : target.text;
  return json(
    200,
    context.store.putDesignation(
      target.kind,
      target.key,
      `${base.slice(0, 120 - EDIT_MARK.length)}${EDIT_MARK}`,
    ),
  );
};

const editPreferences = (context: SimulatorContext): SimResponse => {
  const { value } = context.store.preferences();
  const stored = context.store.putPreferences({
    ...value,
    notifications: { ...value.notifications, paymentReminders: !value.notifications.paymentReminders },
  });
  return json(200, stored.value, { ETag: stored.etag });
};

export const otherUserEdit: Handler = (request, context) => {
  const body = jsonBody(request, OtherUserEditSchema, LENIENT);
  if (!body.ok) return body.response;
  const { kind, id } = body.value;
  switch (kind) {
    case 'costCenter':
      return editCostCenter(context, id);
    case 'assignment':
      return editAssignment(context, id);
    case 'designation':
      return editDesignation(context, id);
    case 'preferences':
      return editPreferences(context);
  }
};

const PlantSchema = z.strictObject({
  serviceCode: z.string().min(1).max(35),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  factor: z.int().min(2).max(1000),
});

/**
 * Plants an anomaly: one service's volume in one month's invoices multiplied by `factor`
 * (deterministic: the same lines, each with more pieces). Plant before a client fetches that
 * month's invoices; they keep their revision, so one already synced is not fetched again.
 */
export const postPlant: Handler = (request, context) => {
  const body = jsonBody(request, PlantSchema, LENIENT);
  if (!body.ok) return body.response;
  const { serviceCode, month, factor } = body.value;
  const service = SERVICE_BY_CODE.get(serviceCode);
  if (service === undefined) return notFound(`service ${serviceCode}`);
  const [year = 0, monthNo = 1] = month.split('-').map(Number);
  context.repository.plant({ serviceIndex: service.index, period: monthIndex(year, monthNo), factor });
  return json(200, { serviceCode, month, factor });
};

interface Accumulator {
  lines: number;
  net: number;
  vat: number;
}

export const getStats: Handler = (_request, context) => {
  const now = context.clock.now();
  const order = context.repository.ledger.feedOrder(now);
  const total: Accumulator = { lines: 0, net: 0, vat: 0 };
  const perService = new Map<number, Accumulator>();
  for (const state of order) {
    const { totals } = context.repository.summary(state.meta);
    total.lines += totals.lineCount;
    total.net += totals.net;
    total.vat += totals.vat;
    for (const [index, subtotal] of totals.byService) {
      const entry = perService.get(index) ?? { lines: 0, net: 0, vat: 0 };
      entry.lines += subtotal.lines;
      entry.net += subtotal.net;
      entry.vat += subtotal.vat;
      perService.set(index, entry);
    }
  }
  return json(200, {
    now: isoInstant(now),
    invoices: order.length,
    lines: total.lines,
    netTotal: formatMoney(total.net),
    vatTotal: formatMoney(total.vat),
    grossTotal: formatMoney(total.net + total.vat),
    perService: Object.fromEntries(
      [...perService]
        .sort(([a], [b]) => a - b)
        .map(([index, entry]) => [
          serviceAt(index).code,
          {
            lines: entry.lines,
            net: formatMoney(entry.net),
            vat: formatMoney(entry.vat),
            gross: formatMoney(entry.net + entry.vat),
          },
        ]),
    ),
  });
};

export const CONTROL_ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/__sim/faults', handler: getFaults },
  { method: 'POST', pattern: '/__sim/faults', handler: postFaults },
  { method: 'DELETE', pattern: '/__sim/faults', handler: deleteFaults },
  { method: 'GET', pattern: '/__sim/clock', handler: getClock },
  { method: 'POST', pattern: '/__sim/clock', handler: postClock },
  { method: 'POST', pattern: '/__sim/tokens/revoke', handler: revokeTokens },
  { method: 'POST', pattern: '/__sim/other-user-edit', handler: otherUserEdit },
  { method: 'GET', pattern: '/__sim/stats', handler: getStats },
  {
    method: 'GET',
    pattern: '/__sim/cost',
    handler: (_request, context) => json(200, context.cost.snapshot()),
  },
  { method: 'POST', pattern: '/__sim/plant', handler: postPlant },
];
