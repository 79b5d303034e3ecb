import type { EmailProblem } from './validation';

/** Why an edit of the preferences was not written; the page puts each code into words. */
export type PreferencesEditCode = 'invalid' | 'notSynced';

export class PreferencesEditError extends Error {
  constructor(
    readonly code: PreferencesEditCode,
    readonly problems: readonly EmailProblem[] = [],
  ) {
    super(`Preferences not saved: ${code}`);
    this.name = 'PreferencesEditError';
  }
}
