import type { KeyKind } from '../api/schemas';
import { foldText, searchTerms } from './foldText';
import type { NameRow } from './nameRows';

/**
 * The Names page's filters as they live in the URL (?kind=licences&q=geneve), so reload and Back
 * keep them, and their application to the rows.
 */
export const kindFilters = ['all', 'services', 'licences', 'references'] as const;
export type KindFilter = (typeof kindFilters)[number];

export interface NameQuery {
  kind: KindFilter;
  /** As typed: spaces included, so the field does not fight the clerk mid-word. */
  text: string;
}

export const DEFAULT_NAME_QUERY: NameQuery = { kind: 'all', text: '' };

/** As long as the longest own name the operator accepts (DesignationInputSchema). */
export const MAX_SEARCH_LENGTH = 120;

const kindOf = {
  services: 'service',
  licences: 'frankingLicence',
  references: 'invoiceReference',
} as const satisfies Record<Exclude<KindFilter, 'all'>, KeyKind>;

/** Reads the query; an unknown kind is ignored rather than trusted. */
export const parseNameQuery = (params: URLSearchParams): NameQuery => ({
  kind: kindFilters.find((kind) => kind === params.get('kind')) ?? DEFAULT_NAME_QUERY.kind,
  text: (params.get('q') ?? '').slice(0, MAX_SEARCH_LENGTH),
});

/** Defaults stay out of the URL, so the plain page is plain #/names. */
export const nameQueryParams = (query: NameQuery): URLSearchParams => {
  const params = new URLSearchParams();
  if (query.kind !== 'all') params.set('kind', query.kind);
  if (query.text.trim() !== '') params.set('q', query.text.slice(0, MAX_SEARCH_LENGTH));
  return params;
};

// One folded text per row; the line break keeps a search word from spanning two fields.
const haystack = (row: NameRow): string =>
  foldText([row.key, row.operatorName ?? '', row.ownName ?? ''].join('\n'));

/** The rows of the chosen kind whose key, operator name or own name contain every word searched. */
export const filterNameRows = (rows: readonly NameRow[], query: NameQuery): NameRow[] => {
  const kind = query.kind === 'all' ? null : kindOf[query.kind];
  const terms = searchTerms(query.text);
  return rows.filter((row) => {
    if (kind !== null && row.kind !== kind) return false;
    if (terms.length === 0) return true;
    const text = haystack(row);
    return terms.every((term) => text.includes(term));
  });
};
