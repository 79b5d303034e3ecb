import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { Assignment, CostCenter, Customer, Designation, Preferences, Service } from '../api/schemas';
import type { InvalidItem } from '../api/validate';

/**
 * The customer's small resources, fetched whole at each sync: customer, service catalogue, cost
 * centres, assignments, designations, preferences. The store replaces its copies except where a
 * local edit still waits in the outbox: the clerk's typing wins until the operator has it.
 */
export interface ResourceSnapshot {
  customer: Customer;
  services: Service[];
  /** Null when the cost-centre option is off (403). */
  costCenters: CostCenter[] | null;
  assignments: Assignment[] | null;
  designations: Designation[];
  preferences: { value: Preferences; etag: string };
  invalid: Array<{ resource: string } & InvalidItem>;
}

export interface ResourcePort {
  replaceResources: (snapshot: ResourceSnapshot) => Promise<void>;
}

type Reads = Pick<
  ApiClient,
  | 'getCustomer'
  | 'listServices'
  | 'listCostCenters'
  | 'listAssignments'
  | 'listDesignations'
  | 'getPreferences'
>;

const unlessForbidden = async <T>(read: () => Promise<T>): Promise<T | null> => {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'api.forbidden') return null;
    throw error;
  }
};

export const pullResources = async (
  api: Reads,
  port: ResourcePort,
  signal?: AbortSignal,
): Promise<ResourceSnapshot> => {
  const options = { signal };
  const [customer, services, costCenters, assignments, designations, preferences] = await Promise.all([
    api.getCustomer(options),
    api.listServices(options),
    unlessForbidden(() => api.listCostCenters(options)),
    unlessForbidden(() => api.listAssignments(options)),
    api.listDesignations(options),
    api.getPreferences(options),
  ]);
  const tag = (resource: string, invalid: readonly InvalidItem[]) =>
    invalid.map((item) => ({ resource, ...item }));
  const snapshot: ResourceSnapshot = {
    customer,
    services: services.items,
    costCenters: costCenters?.items ?? null,
    assignments: assignments?.items ?? null,
    designations: designations.items,
    preferences,
    invalid: [
      ...tag('services', services.invalid),
      ...tag('costCenters', costCenters?.invalid ?? []),
      ...tag('assignments', assignments?.invalid ?? []),
      ...tag('designations', designations.invalid),
    ],
  };
  await port.replaceResources(snapshot);
  return snapshot;
};
