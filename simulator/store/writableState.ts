/**
 * The customer's writable resources (cost centres, assignments, designations, preferences) with
 * their etags. Plain data plus pure operations; persistence and HTTP live elsewhere.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { designationKey } from '../../shared/designations/names';
import {
  AssignmentSchema,
  CostCenterSchema,
  DesignationSchema,
  PreferencesSchema,
  type Assignment,
  type AssignmentInput,
  type CostCenter,
  type CostCenterInput,
  type Designation,
  type KeyKind,
  type Preferences,
} from '../../shared/api/schemas';

export const PersistedStateSchema = z.object({
  version: z.int().min(0),
  costCenters: z.array(CostCenterSchema),
  assignments: z.array(AssignmentSchema),
  designations: z.array(DesignationSchema),
  preferences: PreferencesSchema,
  preferencesEtag: z.string(),
});
export type PersistedState = z.infer<typeof PersistedStateSchema>;

export interface WritableStore {
  costCenters(): CostCenter[];
  costCenter(code: string): CostCenter | undefined;
  putCostCenter(code: string, input: CostCenterInput): CostCenter;
  /** deletes the cost centre and every assignment that charges it; returns the assignments removed */
  deleteCostCenter(code: string): number;
  assignments(): Assignment[];
  assignment(id: string): Assignment | undefined;
  putAssignment(id: string, input: AssignmentInput): Assignment;
  deleteAssignment(id: string): void;
  designations(): Designation[];
  designation(kind: KeyKind, key: string): Designation | undefined;
  putDesignation(kind: KeyKind, key: string, text: string): Designation;
  deleteDesignation(kind: KeyKind, key: string): void;
  preferences(): { readonly value: Preferences; readonly etag: string };
  putPreferences(value: Preferences): { readonly value: Preferences; readonly etag: string };
  snapshot(): PersistedState;
}

/** Strong etag from a write counter and the content: it changes with every write, deterministically. */
export const makeEtag = (version: number, content: unknown): string =>
  `"${version.toString(36)}-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16)}"`;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const designationId = designationKey;

export const createWritableStore = (
  initial: PersistedState,
  now: () => string,
  onChange: (state: PersistedState) => void,
): WritableStore => {
  let version = initial.version;
  const costCenters = new Map(initial.costCenters.map((c) => [c.code, c]));
  const assignments = new Map(initial.assignments.map((a) => [a.id, a]));
  const designations = new Map(initial.designations.map((d) => [designationId(d.kind, d.key), d]));
  let preferences = { value: initial.preferences, etag: initial.preferencesEtag };

  const snapshot = (): PersistedState => ({
    version,
    costCenters: [...costCenters.values()],
    assignments: [...assignments.values()],
    designations: [...designations.values()],
    preferences: preferences.value,
    preferencesEtag: preferences.etag,
  });
  const changed = (): void => onChange(snapshot());

  return {
    costCenters: () => [...costCenters.values()].sort((a, b) => byText(a.code, b.code)),
    costCenter: (code) => costCenters.get(code),
    putCostCenter: (code, input) => {
      version += 1;
      // Optional members are stored explicitly, so every representation is complete.
      const content = {
        name: input.name,
        owner: input.owner ?? null,
        active: input.active,
        objectType: input.objectType,
        monthlyBudget: input.monthlyBudget ?? null,
        code,
        updatedAt: now(),
      };
      const costCenter: CostCenter = { ...content, etag: makeEtag(version, content) };
      costCenters.set(code, costCenter);
      changed();
      return costCenter;
    },
    deleteCostCenter: (code) => {
      version += 1;
      costCenters.delete(code);
      let removed = 0;
      for (const [id, assignment] of assignments) {
        if (assignment.splits.some((split) => split.costCenterCode === code)) {
          assignments.delete(id);
          removed += 1;
        }
      }
      changed();
      return removed;
    },
    assignments: () => [...assignments.values()].sort((a, b) => byText(a.id, b.id)),
    assignment: (id) => assignments.get(id),
    putAssignment: (id, input) => {
      version += 1;
      const content = {
        kind: input.kind,
        key: input.key,
        splits: input.splits,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        id,
        updatedAt: now(),
      };
      const assignment: Assignment = { ...content, etag: makeEtag(version, content) };
      assignments.set(id, assignment);
      changed();
      return assignment;
    },
    deleteAssignment: (id) => {
      version += 1;
      assignments.delete(id);
      changed();
    },
    designations: () =>
      [...designations.values()].sort((a, b) =>
        byText(designationId(a.kind, a.key), designationId(b.kind, b.key)),
      ),
    designation: (kind, key) => designations.get(designationId(kind, key)),
    putDesignation: (kind, key, text) => {
      version += 1;
      const content = { kind, key, text };
      const designation: Designation = { ...content, etag: makeEtag(version, content) };
      designations.set(designationId(kind, key), designation);
      changed();
      return designation;
    },
    deleteDesignation: (kind, key) => {
      version += 1;
      designations.delete(designationId(kind, key));
      changed();
    },
    preferences: () => preferences,
    putPreferences: (value) => {
      version += 1;
      preferences = { value, etag: makeEtag(version, value) };
      changed();
      return preferences;
    },
    snapshot,
  };
};
