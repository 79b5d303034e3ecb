import type { SaveConnectionRequest } from '../../../../shared/connection/settings';
import type { ConnectionTestOutcome } from '../../../../shared/connection/testConnection';
import {
  chooseProfile,
  sameBackend,
  withActive,
  withoutProfile,
  type Profile,
} from '../../../../shared/profiles/profiles';
import type { RetentionHold } from '../../../../shared/archive/retention';
import type { Platform } from '../../../platform/Platform';
import { readRetentionHold } from '../../archive';
import { clearProfileSettings } from '../localSettings';
import { loadRegistry, saveRegistry } from './profileBoot';

export interface ProfileActionDeps {
  platform: Pick<Platform, 'connection'>;
  storage: Storage;
  indexedDB: IDBFactory;
  now: () => Date;
  newId: () => string;
  /** Starts the app again on the new active profile: workers, line index and pages all follow. */
  restart: () => void;
}

const deleteDatabase = (factory: IDBFactory, name: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`The archive ${name} could not be deleted`));
    // Another tab still holds it open: the deletion completes once it closes; nothing else to do.
    request.onblocked = () => undefined;
  });

export { newProfileId } from './profileBoot';

/**
 * Connects another back end: tested first (a refused secret is the form's error, nothing is saved),
 * then saved, and its customer's profile opened (created empty the first time).
 */
export const connectBackend = async (
  deps: ProfileActionDeps,
  request: SaveConnectionRequest,
): Promise<ConnectionTestOutcome> => {
  const outcome = await deps.platform.connection.test(request);
  if (!outcome.ok) return outcome;
  await deps.platform.connection.save(request);
  const choice = chooseProfile(
    loadRegistry(deps.storage),
    request.settings,
    { customerNumber: outcome.customerNumber, name: outcome.customerName },
    deps.now().toISOString(),
    deps.newId,
  );
  saveRegistry(deps.storage, choice.registry);
  deps.restart();
  return outcome;
};

/**
 * Opens another profile. Its back end becomes the connection; a custom back end other than the one
 * whose secret is stored asks for the secret again (the platform rejects with connection.secretRequired).
 */
export const switchProfile = async (
  deps: ProfileActionDeps,
  profile: Profile,
  clientSecret?: string,
): Promise<void> => {
  const current = await deps.platform.connection.get();
  if (!sameBackend(current.settings, profile.backend) || clientSecret !== undefined) {
    await deps.platform.connection.save({
      settings: profile.backend,
      ...(clientSecret === undefined ? {} : { clientSecret }),
    });
  }
  saveRegistry(deps.storage, withActive(loadRegistry(deps.storage), profile.id, deps.now().toISOString()));
  deps.restart();
};

/**
 * Deleting the archive would break the ten-year retention (Art. 958f CO) of invoices the operator
 * no longer serves: refused unless the clerk confirmed exactly that many, until that day.
 */
export class RetentionHoldError extends Error {
  override readonly name = 'RetentionHoldError';
  readonly code = 'archive.retentionHold';
  constructor(readonly hold: RetentionHold) {
    super(`${hold.count} invoices are under retention until ${hold.until ?? ''}`);
  }
}

/** The clerk's calendar day ("2026-11-30"), the day retention is counted on. */
export const localDay = (at: Date): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};

/** What deleting this profile's archive would break today (see RetentionHoldError). */
export const profileRetentionHold = (
  deps: Pick<ProfileActionDeps, 'indexedDB' | 'now'> & { IDBKeyRange?: typeof IDBKeyRange },
  profile: Profile,
): Promise<RetentionHold> =>
  readRetentionHold(
    profile.databaseName,
    localDay(deps.now()),
    deps.IDBKeyRange ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined,
  );

/**
 * Deletes a profile that is not open: its archive, its device settings and its registry entry.
 * Invoices still under retention are deleted only with the clerk's confirmation of that hold
 * (`acknowledged`, as shown to them); otherwise a RetentionHoldError, and nothing is deleted.
 */
export const deleteProfile = async (
  deps: Pick<ProfileActionDeps, 'storage' | 'indexedDB' | 'now'> & { IDBKeyRange?: typeof IDBKeyRange },
  profile: Profile,
  acknowledged: RetentionHold | null = null,
): Promise<void> => {
  const registry = loadRegistry(deps.storage);
  if (registry.active === profile.id) throw new Error('The open profile cannot be deleted');
  const hold = await profileRetentionHold(deps, profile);
  const confirmed =
    acknowledged !== null &&
    acknowledged.count >= hold.count &&
    (hold.until === null || (acknowledged.until !== null && acknowledged.until >= hold.until));
  if (hold.count > 0 && !confirmed) throw new RetentionHoldError(hold);
  await deleteDatabase(deps.indexedDB, profile.databaseName);
  clearProfileSettings(deps.storage, profile.id);
  saveRegistry(deps.storage, withoutProfile(registry, profile.id));
};
