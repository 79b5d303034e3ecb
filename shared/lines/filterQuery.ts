import { UNASSIGNED } from '../allocation/assignments';
import type { LineFilter } from './lineIndex';

/** The line explorer's filters in the URL: ?svc=PP-PRI&svc=A-POST&lic=..&ref=..&cc=..&from=..&to=..&q=.. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[A-Za-z0-9._/-]{1,35}$/;
const UNASSIGNED_PARAM = '-';

export const parseLineQuery = (params: URLSearchParams): LineFilter => {
  const list = (name: string) => params.getAll(name).filter((value) => KEY.test(value));
  const date = (name: string) => {
    const value = params.get(name);
    return value && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
  };
  const filter: LineFilter = {};
  const services = list('svc');
  const licences = list('lic');
  const references = list('ref');
  if (services.length > 0) filter.services = services;
  if (licences.length > 0) filter.licences = licences;
  if (references.length > 0) filter.references = references;
  const from = date('from');
  const to = date('to');
  if (from) filter.from = from;
  if (to) filter.to = to;
  const text = (params.get('q') ?? '').slice(0, 35);
  if (text.trim()) filter.text = text;
  const costCenter = params.get('cc');
  if (costCenter === UNASSIGNED_PARAM) filter.costCenter = UNASSIGNED;
  else if (costCenter && KEY.test(costCenter)) filter.costCenter = costCenter;
  return filter;
};

export const lineQueryParams = (filter: LineFilter): URLSearchParams => {
  const params = new URLSearchParams();
  for (const value of filter.services ?? []) params.append('svc', value);
  for (const value of filter.licences ?? []) params.append('lic', value);
  for (const value of filter.references ?? []) params.append('ref', value);
  if (filter.costCenter)
    params.set('cc', filter.costCenter === UNASSIGNED ? UNASSIGNED_PARAM : filter.costCenter);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.text) params.set('q', filter.text);
  return params;
};
