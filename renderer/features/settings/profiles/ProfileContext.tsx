import { createContext, useContext } from 'react';
import type { Profile } from '../../../../shared/profiles/profiles';

/** The profile whose archive this page load shows; switching profiles reloads the app. */
export const ProfileContext = createContext<Profile | null>(null);

export const useProfile = (): Profile => {
  const profile = useContext(ProfileContext);
  if (!profile) throw new Error('useProfile outside ProfileContext');
  return profile;
};
