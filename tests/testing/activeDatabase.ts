import type { Page } from 'playwright-core';

/**
 * The IndexedDB database of the profile the app has open: read from the profile registry the page
 * keeps in localStorage (renderer/features/settings/profiles/profileBoot.ts), for tests that reach past the app.
 */
export const activeDatabaseName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const text = localStorage.getItem('invoice-desk.profiles');
    const registry: unknown = text === null ? null : JSON.parse(text);
    if (
      typeof registry !== 'object' ||
      registry === null ||
      !('active' in registry) ||
      !('profiles' in registry)
    )
      throw new Error('The app has not opened a profile yet');
    const { active, profiles } = registry;
    const list: unknown[] = Array.isArray(profiles) ? profiles : [];
    for (const profile of list) {
      if (typeof profile !== 'object' || profile === null || !('id' in profile) || profile.id !== active)
        continue;
      if ('databaseName' in profile && typeof profile.databaseName === 'string') return profile.databaseName;
    }
    throw new Error('The active profile has no database');
  });
