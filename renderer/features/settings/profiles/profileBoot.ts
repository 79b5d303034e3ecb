import type { ConnectionSettings } from '../../../../shared/connection/settings';
import {
  activeProfile,
  adoptLegacyArchive,
  chooseProfile,
  LEGACY_DATABASE_NAME,
  parseRegistry,
  sameBackend,
  withCustomer,
  type Customer,
  type Profile,
  type ProfileRegistry,
} from '../../../../shared/profiles/profiles';

/** Where the registry of profiles is kept: with the device's other settings. */
export const REGISTRY_KEY = 'invoice-desk.profiles';

export const loadRegistry = (storage: Storage): ProfileRegistry =>
  parseRegistry(storage.getItem(REGISTRY_KEY));

export const saveRegistry = (storage: Storage, registry: ProfileRegistry): void => {
  storage.setItem(REGISTRY_KEY, JSON.stringify(registry));
};

export const newProfileId = (): string => crypto.randomUUID().replaceAll('-', '').slice(0, 16);

export interface ProfileBootDeps {
  storage: Storage;
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  /** The back end the connection holds now. */
  backend: ConnectionSettings;
  /** Asks the operator who the customer is; null when it cannot be reached (offline start). */
  fetchCustomer: () => Promise<Customer | null>;
  now: () => Date;
  newId: () => string;
}

const databaseExists = async (factory: IDBFactory, name: string): Promise<boolean> =>
  (await factory.databases()).some((database) => database.name === name);

/**
 * Which archive this start opens. The active profile when it belongs to the connected back end;
 * otherwise the profile of the customer the back end names (asked once); offline, the back end's
 * most recent profile, or a new one whose customer is filled in later. Before profiles existed the
 * app kept one archive: it becomes the profile of the customer it holds.
 */
export const resolveProfile = async (deps: ProfileBootDeps): Promise<Profile> => {
  const at = deps.now().toISOString();
  let registry = loadRegistry(deps.storage);
  if (registry.profiles.length === 0 && (await databaseExists(deps.indexedDB, LEGACY_DATABASE_NAME))) {
    // Once per installation at most: the settings' queries (and what they import) wait till then.
    const { customerIn } = await import('../queries');
    registry = adoptLegacyArchive(deps.backend, await customerIn(LEGACY_DATABASE_NAME, deps), at);
    saveRegistry(deps.storage, registry);
  }
  const active = activeProfile(registry);
  if (active && sameBackend(active.backend, deps.backend)) {
    if (active.customerNumber !== null) return active;
    // Created offline: name it now if the operator answers, without waiting for a sync.
    const customer = await deps.fetchCustomer();
    if (customer === null) return active;
    registry = withCustomer(registry, active.id, customer);
    saveRegistry(deps.storage, registry);
    return activeProfile(registry) ?? active;
  }
  const choice = chooseProfile(registry, deps.backend, await deps.fetchCustomer(), at, deps.newId);
  saveRegistry(deps.storage, choice.registry);
  return choice.profile;
};
