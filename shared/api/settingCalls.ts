/**
 * The customer's writable resources: cost centres, assignments, designations, preferences.
 *
 * Every write is conditional: creations send If-None-Match "*", replacements and deletions send
 * If-Match with the ETag the caller last saw. A stale ETag surfaces as PreconditionFailedError
 * carrying the server's current representation, so the clerk can resolve the conflict.
 */
import type { z } from 'zod';
import type {
  Assignment,
  AssignmentInput,
  CostCenter,
  CostCenterInputDraft,
  Designation,
  KeyKind,
  Preferences,
} from './schemas';
import {
  AssignmentSchema,
  CostCenterSchema,
  DesignationSchema,
  ListEnvelopeSchema,
  PreferencesSchema,
} from './schemas';
import { InvalidResponseError } from './errors';
import type { Http } from './http';
import type { CallOptions } from './invoiceCalls';
import { segment } from './paths';
import { readJson } from './read';
import type { ValidatedItems } from './validate';
import { memberId, parseOrThrow, validateItems } from './validate';

// ---------------------------------------------------------------------------------------------
// Contract

/** A representation with the ETag to send as If-Match on its next change. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** A write's answer: the stored representation, its new ETag, and whether it was created (201). */
export interface WriteResult<T> extends Versioned<T> {
  readonly created: boolean;
}

/** Create only if absent (If-None-Match "*"), or replace the version with this ETag (If-Match). */
export type Precondition = { readonly ifNoneMatch: '*' } | { readonly ifMatch: string };

export interface SettingCalls {
  listCostCenters(options?: CallOptions): Promise<ValidatedItems<CostCenter>>;
  putCostCenter(
    code: string,
    input: CostCenterInputDraft,
    precondition: Precondition,
    options?: CallOptions,
  ): Promise<WriteResult<CostCenter>>;
  createCostCenter(
    code: string,
    input: CostCenterInputDraft,
    options?: CallOptions,
  ): Promise<WriteResult<CostCenter>>;
  replaceCostCenter(
    code: string,
    input: CostCenterInputDraft,
    etag: string,
    options?: CallOptions,
  ): Promise<WriteResult<CostCenter>>;
  /** Deletes the cost centre and, on the server, its assignments. */
  deleteCostCenter(code: string, etag: string, options?: CallOptions): Promise<void>;

  listAssignments(options?: CallOptions): Promise<ValidatedItems<Assignment>>;
  putAssignment(
    id: string,
    input: AssignmentInput,
    precondition: Precondition,
    options?: CallOptions,
  ): Promise<WriteResult<Assignment>>;
  createAssignment(
    id: string,
    input: AssignmentInput,
    options?: CallOptions,
  ): Promise<WriteResult<Assignment>>;
  replaceAssignment(
    id: string,
    input: AssignmentInput,
    etag: string,
    options?: CallOptions,
  ): Promise<WriteResult<Assignment>>;
  deleteAssignment(id: string, etag: string, options?: CallOptions): Promise<void>;

  listDesignations(options?: CallOptions): Promise<ValidatedItems<Designation>>;
  putDesignation(
    kind: KeyKind,
    key: string,
    text: string,
    precondition: Precondition,
    options?: CallOptions,
  ): Promise<WriteResult<Designation>>;
  deleteDesignation(kind: KeyKind, key: string, etag: string, options?: CallOptions): Promise<void>;

  getPreferences(options?: CallOptions): Promise<Versioned<Preferences>>;
  putPreferences(
    preferences: Preferences,
    etag: string,
    options?: CallOptions,
  ): Promise<WriteResult<Preferences>>;
}

// ---------------------------------------------------------------------------------------------
// Implementation

export const CREATE = { ifNoneMatch: '*' } as const satisfies Precondition;

const preconditionHeaders = (precondition: Precondition): Record<string, string> =>
  'ifMatch' in precondition
    ? { 'if-match': precondition.ifMatch }
    : { 'if-none-match': precondition.ifNoneMatch };

const parserOf =
  <T>(schema: z.ZodType<T>) =>
  (value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };

const missingEtag = (what: string, status: number): InvalidResponseError =>
  new InvalidResponseError(`${what} came without an ETag`, { status, reason: 'header' });

export const createSettingCalls = (http: Http): SettingCalls => {
  const list =
    <T>(path: string, schema: z.ZodType<T>, idOf: ReturnType<typeof memberId>, what: string) =>
    (options: CallOptions = {}): Promise<ValidatedItems<T>> =>
      http.send({
        method: 'GET',
        path,
        signal: options.signal,
        read: async (response) =>
          validateItems(
            parseOrThrow(ListEnvelopeSchema, await readJson(response), what, response.status).items,
            schema,
            idOf,
          ),
      });

  /** PUT with a precondition; the ETag comes from the header, else from the body's `etag` member. */
  const put = <T extends { readonly etag?: string }>(
    path: string,
    schema: z.ZodType<T>,
    body: unknown,
    precondition: Precondition,
    what: string,
    options: CallOptions,
  ): Promise<WriteResult<T>> =>
    http.send({
      method: 'PUT',
      path,
      body,
      headers: preconditionHeaders(precondition),
      signal: options.signal,
      parseCurrent: parserOf(schema),
      read: async (response) => {
        const value = parseOrThrow(schema, await readJson(response), what, response.status);
        const etag = response.headers.get('etag') ?? value.etag;
        if (etag === undefined) throw missingEtag(what, response.status);
        return { value, etag, created: response.status === 201 };
      },
    });

  const remove = (path: string, etag: string, options: CallOptions): Promise<void> =>
    http.send({
      method: 'DELETE',
      path,
      headers: { 'if-match': etag },
      signal: options.signal,
      read: async (response) => {
        await response.body?.cancel();
      },
    });

  const costCenterPath = (code: string): string => `/v1/cost-centers/${segment(code)}`;
  const assignmentPath = (id: string): string => `/v1/cost-center-assignments/${segment(id)}`;
  const designationPath = (kind: KeyKind, key: string): string =>
    `/v1/designations/${segment(kind)}/${segment(key)}`;

  // The writers below are async so that an identifier refused by segment() rejects instead of throwing.
  const putCostCenter: SettingCalls['putCostCenter'] = async (code, input, precondition, options = {}) =>
    put(costCenterPath(code), CostCenterSchema, input, precondition, 'The cost centre', options);
  const putAssignment: SettingCalls['putAssignment'] = async (id, input, precondition, options = {}) =>
    put(assignmentPath(id), AssignmentSchema, input, precondition, 'The assignment', options);

  const getPreferences = (options: CallOptions = {}): Promise<Versioned<Preferences>> =>
    http.send({
      method: 'GET',
      path: '/v1/preferences',
      signal: options.signal,
      read: async (response) => {
        const value = parseOrThrow(
          PreferencesSchema,
          await readJson(response),
          'The preferences',
          response.status,
        );
        const etag = response.headers.get('etag');
        if (etag === null) throw missingEtag('The preferences', response.status);
        return { value, etag };
      },
    });

  const putPreferences = async (
    preferences: Preferences,
    etag: string,
    options: CallOptions = {},
  ): Promise<WriteResult<Preferences>> => {
    const stored = await http.send({
      method: 'PUT',
      path: '/v1/preferences',
      body: preferences,
      headers: { 'if-match': etag },
      signal: options.signal,
      parseCurrent: parserOf(PreferencesSchema),
      read: async (response) => ({
        value: parseOrThrow(PreferencesSchema, await readJson(response), 'The preferences', response.status),
        etag: response.headers.get('etag'),
      }),
    });
    if (stored.etag !== null) return { value: stored.value, etag: stored.etag, created: false };
    // The contract names no ETag header on this 200. Re-read value and ETag together rather than pair
    // our value with an ETag that may already belong to someone else's later change.
    return { ...(await getPreferences(options)), created: false };
  };

  return {
    listCostCenters: list('/v1/cost-centers', CostCenterSchema, memberId('code'), 'The cost-centre list'),
    putCostCenter,
    createCostCenter: (code, input, options) => putCostCenter(code, input, CREATE, options),
    replaceCostCenter: (code, input, etag, options) => putCostCenter(code, input, { ifMatch: etag }, options),
    deleteCostCenter: async (code, etag, options = {}) => remove(costCenterPath(code), etag, options),

    listAssignments: list(
      '/v1/cost-center-assignments',
      AssignmentSchema,
      memberId('id'),
      'The assignment list',
    ),
    putAssignment,
    createAssignment: (id, input, options) => putAssignment(id, input, CREATE, options),
    replaceAssignment: (id, input, etag, options) => putAssignment(id, input, { ifMatch: etag }, options),
    deleteAssignment: async (id, etag, options = {}) => remove(assignmentPath(id), etag, options),

    listDesignations: list(
      '/v1/designations',
      DesignationSchema,
      memberId('kind', 'key'),
      'The designation list',
    ),
    putDesignation: async (kind, key, text, precondition, options = {}) =>
      put(designationPath(kind, key), DesignationSchema, { text }, precondition, 'The designation', options),
    deleteDesignation: async (kind, key, etag, options = {}) =>
      remove(designationPath(kind, key), etag, options),

    getPreferences,
    putPreferences,
  };
};
