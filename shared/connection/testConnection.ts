import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';

/**
 * "Test connection": one call that tells the clerk, in words, what is wrong with a back end. The
 * outcome codes are i18n keys under `connection.test.*`.
 */
export type ConnectionTestOutcome =
  | { ok: true; customerName: string; customerNumber: string; costCenters: 'available' | 'forbidden' }
  | { ok: false; code: ConnectionFailureCode; detail: string };

export const connectionFailureCodes = ['unreachable', 'unauthorized', 'nonConforming', 'failed'] as const;
export type ConnectionFailureCode = (typeof connectionFailureCodes)[number];

const failureCode = (error: unknown): ConnectionFailureCode => {
  if (!(error instanceof ApiError)) return 'failed';
  switch (error.code) {
    case 'api.network':
    case 'api.timeout':
    case 'api.unavailable':
      return 'unreachable';
    case 'api.unauthorized':
      return 'unauthorized';
    case 'api.invalidResponse':
    case 'api.notFound':
    case 'api.redirect':
    case 'api.tooLarge':
      return 'nonConforming';
    default:
      return 'failed';
  }
};

export const testConnection = async (
  client: ApiClient,
  signal?: AbortSignal,
): Promise<ConnectionTestOutcome> => {
  try {
    const customer = await client.getCustomer({ signal });
    let costCenters: 'available' | 'forbidden' = 'available';
    try {
      await client.listCostCenters({ signal });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'api.forbidden') costCenters = 'forbidden';
      else throw error;
    }
    return { ok: true, customerName: customer.name, customerNumber: customer.customerNumber, costCenters };
  } catch (error) {
    return {
      ok: false,
      code: failureCode(error),
      detail: error instanceof Error ? error.message : String(error),
    };
  }
};
