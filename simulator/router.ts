/**
 * The route table: every path of the contract (the /__sim/ control paths are in routes/control.ts,
 * kept out of the app's bundle). A pattern segment starting with ':' captures one percent-decoded
 * path segment.
 */
import type { Handler } from './context';
import { getCustomer, getServices } from './routes/customer';
import { deleteAssignment, listAssignments, putAssignment } from './routes/assignments';
import { deleteCostCenter, listCostCenters, putCostCenter } from './routes/costCenters';
import { getInvoiceDocument, getInvoiceFeed, getInvoiceLines } from './routes/invoices';
import {
  deleteDesignation,
  getPreferences,
  listDesignations,
  putDesignation,
  putPreferences,
} from './routes/settings';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  readonly method: Method;
  readonly pattern: string;
  readonly handler: Handler;
}

/** The token endpoint is answered before routing (it needs no token); everything here does. */
export const API_ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/v1/customer', handler: getCustomer },
  { method: 'GET', pattern: '/v1/services', handler: getServices },
  { method: 'GET', pattern: '/v1/invoices', handler: getInvoiceFeed },
  { method: 'GET', pattern: '/v1/invoices/:id/lines', handler: getInvoiceLines },
  { method: 'GET', pattern: '/v1/invoices/:id/document', handler: getInvoiceDocument },
  { method: 'GET', pattern: '/v1/cost-centers', handler: listCostCenters },
  { method: 'PUT', pattern: '/v1/cost-centers/:code', handler: putCostCenter },
  { method: 'DELETE', pattern: '/v1/cost-centers/:code', handler: deleteCostCenter },
  { method: 'GET', pattern: '/v1/cost-center-assignments', handler: listAssignments },
  { method: 'PUT', pattern: '/v1/cost-center-assignments/:id', handler: putAssignment },
  { method: 'DELETE', pattern: '/v1/cost-center-assignments/:id', handler: deleteAssignment },
  { method: 'GET', pattern: '/v1/designations', handler: listDesignations },
  { method: 'PUT', pattern: '/v1/designations/:kind/:key', handler: putDesignation },
  { method: 'DELETE', pattern: '/v1/designations/:kind/:key', handler: deleteDesignation },
  { method: 'GET', pattern: '/v1/preferences', handler: getPreferences },
  { method: 'PUT', pattern: '/v1/preferences', handler: putPreferences },
];

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: readonly string[] }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly Method[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-path' };

const matchPattern = (pattern: string, segments: readonly string[]): string[] | null => {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return null;
  const params: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) {
      if (segment === '') return null;
      params.push(segment);
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
};

export const matchRoute = (routes: readonly Route[], method: string, path: string): RouteMatch => {
  let segments: string[];
  try {
    segments = path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return { kind: 'bad-path' };
  }
  const allowed: Method[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (params === null) continue;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET'))
      return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
};
