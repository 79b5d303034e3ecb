import { useMemo } from 'react';
import { usePlatform } from '../../../platform/PlatformContext';
import { newProfileId, type ProfileActionDeps } from './profileActions';

/** The profile actions wired to this page: the device's storage, and a reload to switch. */
export const useProfileActions = (): ProfileActionDeps => {
  const platform = usePlatform();
  return useMemo(
    () => ({
      platform,
      storage: localStorage,
      indexedDB,
      now: () => new Date(),
      newId: newProfileId,
      restart: () => window.location.reload(),
    }),
    [platform],
  );
};
