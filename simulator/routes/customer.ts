/** GET /v1/customer and GET /v1/services. */
import type { Customer, ServiceList } from '../../shared/api/schemas';
import type { Handler } from '../context';
import { CATALOGUE, toContractService } from '../data/catalogue';
import { json } from '../http/messages';

export const getCustomer: Handler = (_request, context) =>
  json(200, {
    ...context.repository.model.customer,
    costCenterOption: context.costCenterOption,
  } satisfies Customer);

export const getServices: Handler = () =>
  json(200, { items: CATALOGUE.map(toContractService) } satisfies ServiceList);
