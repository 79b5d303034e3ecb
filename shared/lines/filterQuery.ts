import { UNASSIGNED } from '../allocation/assignments';
import { lineGroupKeys, lineSortKeys, type LineFilter, type LineGroupKey, type LineSort } from './lineIndex';

/** The line explorer's filters in the URL: ?svc=PP-PRI&svc=A-POST&lic=..&ref=..&cc=..&cc=-&from=..&to=..&q=.. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[A-Za-z0-9._/-]{1,35}$/;
const UNASSIGNED_PARAM = '-';

export const parseLineQuery = (params: URLSearchParams): LineFilter => {
  const list = (name: string) => [...new Set(params.getAll(name).filter((value) => KEY.test(value)))];
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
  const costCenters = [
    ...new Set(
      params
        .getAll('cc')
        .filter((value) => value === UNASSIGNED_PARAM || KEY.test(value))
        .map((value) => (value === UNASSIGNED_PARAM ? UNASSIGNED : value)),
    ),
  ];
  if (costCenters.length > 0) filter.costCenters = costCenters;
  return filter;
};

/** How the explorer shows the filtered lines: ?sort=net&dir=desc&group=month */
export interface LineView {
  sort?: LineSort;
  group?: LineGroupKey;
}

export const parseLineView = (params: URLSearchParams): LineView => {
  const view: LineView = {};
  const key = lineSortKeys.find((candidate) => candidate === params.get('sort'));
  if (key) view.sort = { key, direction: params.get('dir') === 'desc' ? 'desc' : 'asc' };
  const group = lineGroupKeys.find((candidate) => candidate === params.get('group'));
  if (group) view.group = group;
  return view;
};

export const lineQueryParams = (filter: LineFilter, view: LineView = {}): URLSearchParams => {
  const params = new URLSearchParams();
  for (const value of filter.services ?? []) params.append('svc', value);
  for (const value of filter.licences ?? []) params.append('lic', value);
  for (const value of filter.references ?? []) params.append('ref', value);
  for (const value of filter.costCenters ?? [])
    params.append('cc', value === UNASSIGNED ? UNASSIGNED_PARAM : value);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.text) params.set('q', filter.text);
  if (view.sort) {
    params.set('sort', view.sort.key);
    params.set('dir', view.sort.direction);
  }
  if (view.group) params.set('group', view.group);
  return params;
};
