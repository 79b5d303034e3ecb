import { z } from 'zod';
import { ConnectionSettingsSchema, type ConnectionSettings } from '../connection/settings';

/**
 * Profiles: one archive per (back end, customer). A clerk who tries the demo and then connects the
 * operator's real back end, or a fiduciary who serves several customer numbers, gets one IndexedDB
 * database per customer with its own sync state; nothing of one is ever shown under another's name.
 *
 * The registry lives with the device's settings (localStorage). This module is its pure logic:
 * which profile a connection and a customer belong to, created where none exists yet.
 */

export const LEGACY_DATABASE_NAME = 'invoice-desk';
const DATABASE_PREFIX = 'invoice-desk-profile-';

export const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  databaseName: z.string().min(1).max(128),
  backend: ConnectionSettingsSchema,
  /** Null until the operator has told us (a first start offline). */
  customerNumber: z
    .string()
    .regex(/^[0-9]{6,10}$/)
    .nullable(),
  customerName: z.string().max(200).nullable(),
  createdAt: z.string().max(40),
  /** When this profile was last the one shown: the most recent one is reopened for its back end. */
  lastOpenedAt: z.string().max(40),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const ProfileRegistrySchema = z.object({
  version: z.literal(1),
  active: z.string().nullable(),
  profiles: z.array(ProfileSchema).max(200),
});
export type ProfileRegistry = z.infer<typeof ProfileRegistrySchema>;

export const EMPTY_REGISTRY: ProfileRegistry = { version: 1, active: null, profiles: [] };

export interface Customer {
  customerNumber: string;
  name: string;
}

/** The same back end: the demo, or one base URL (trailing slashes aside) with one client id. */
export const sameBackend = (a: ConnectionSettings, b: ConnectionSettings): boolean => {
  if (a.mode === 'demo' || b.mode === 'demo') return a.mode === b.mode;
  return a.baseUrl.replace(/\/+$/, '') === b.baseUrl.replace(/\/+$/, '') && a.clientId === b.clientId;
};

export const activeProfile = (registry: ProfileRegistry): Profile | undefined =>
  registry.profiles.find((profile) => profile.id === registry.active);

const byRecentUse = (a: Profile, b: Profile): number => b.lastOpenedAt.localeCompare(a.lastOpenedAt);

export interface ProfileChoice {
  registry: ProfileRegistry;
  profile: Profile;
  created: boolean;
}

/**
 * The profile to open for a back end: the one of its customer when the customer is known (a profile
 * of that back end still waiting for its customer is adopted), otherwise the most recently used one
 * of that back end; a new profile when there is none. It becomes the active one.
 */
export const chooseProfile = (
  registry: ProfileRegistry,
  backend: ConnectionSettings,
  customer: Customer | null,
  at: string,
  newId: () => string,
): ProfileChoice => {
  const ofBackend = registry.profiles
    .filter((profile) => sameBackend(profile.backend, backend))
    .sort(byRecentUse);
  const existing =
    customer === null
      ? ofBackend[0]
      : (ofBackend.find((profile) => profile.customerNumber === customer.customerNumber) ??
        ofBackend.find((profile) => profile.customerNumber === null));
  const id = existing?.id ?? newId();
  const profile: Profile = {
    id,
    databaseName: existing?.databaseName ?? `${DATABASE_PREFIX}${id}`,
    backend,
    customerNumber: customer?.customerNumber ?? existing?.customerNumber ?? null,
    customerName: customer?.name ?? existing?.customerName ?? null,
    createdAt: existing?.createdAt ?? at,
    lastOpenedAt: at,
  };
  return {
    registry: {
      version: 1,
      active: id,
      profiles: [...registry.profiles.filter((candidate) => candidate.id !== id), profile],
    },
    profile,
    created: existing === undefined,
  };
};

/**
 * The archive of the app before profiles (one database for whatever was connected) becomes the
 * profile of the back end connected now and of the customer it holds: adopted in place, nothing
 * copied, nothing lost.
 */
export const adoptLegacyArchive = (
  backend: ConnectionSettings,
  customer: Customer | null,
  at: string,
): ProfileRegistry => ({
  version: 1,
  active: 'legacy',
  profiles: [
    {
      id: 'legacy',
      databaseName: LEGACY_DATABASE_NAME,
      backend,
      customerNumber: customer?.customerNumber ?? null,
      customerName: customer?.name ?? null,
      createdAt: at,
      lastOpenedAt: at,
    },
  ],
});

/** Fills in the customer once the operator named it (a profile created offline). */
export const withCustomer = (registry: ProfileRegistry, id: string, customer: Customer): ProfileRegistry => ({
  ...registry,
  profiles: registry.profiles.map((profile) =>
    profile.id === id
      ? { ...profile, customerNumber: customer.customerNumber, customerName: customer.name }
      : profile,
  ),
});

export const withoutProfile = (registry: ProfileRegistry, id: string): ProfileRegistry => ({
  ...registry,
  active: registry.active === id ? null : registry.active,
  profiles: registry.profiles.filter((profile) => profile.id !== id),
});

export const withActive = (registry: ProfileRegistry, id: string, at: string): ProfileRegistry => ({
  ...registry,
  active: id,
  profiles: registry.profiles.map((profile) =>
    profile.id === id ? { ...profile, lastOpenedAt: at } : profile,
  ),
});

/** Reads a stored registry; anything unreadable is no registry (the databases themselves are untouched). */
export const parseRegistry = (text: string | null): ProfileRegistry => {
  if (text === null) return EMPTY_REGISTRY;
  try {
    const parsed = ProfileRegistrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY_REGISTRY;
  } catch {
    return EMPTY_REGISTRY;
  }
};
