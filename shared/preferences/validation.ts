import { z } from 'zod';
import type { Preferences } from '../api/schemas';

/**
 * The rules the contract's `Preferences` schema puts on notification addresses, checked address by
 * address so that the form can name the one at fault while the clerk types: at most five, each at
 * most 254 characters and an e-mail address as zod's `z.email()` reads one (the same pattern, so the
 * form never accepts what the operator's schema refuses). One rule goes beyond the schema: an
 * address listed twice is refused, because the operator would simply mail it twice.
 */
export const MAX_EMAILS = 5;
export const MAX_EMAIL_LENGTH = 254;

export type EmailProblemCode = 'invalid' | 'duplicate' | 'tooLong' | 'tooMany';

export interface EmailProblem {
  code: EmailProblemCode;
  /** Position in the list as the clerk sees it (0-based, blanks included). */
  index: number;
  address: string;
}

const EMAIL = z.regexes.email;

/** The address as it is sent: surrounding blanks are never part of an address. */
export const normaliseEmail = (address: string): string => address.trim();

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Every problem of the list, one per address at most, in list order. Blank rows are not problems:
 * they are rows the clerk has added and not filled in yet, and a save leaves them out.
 */
export const emailProblems = (addresses: readonly string[]): EmailProblem[] => {
  const problems: EmailProblem[] = [];
  const seen: string[] = [];
  addresses.forEach((raw, index) => {
    const address = normaliseEmail(raw);
    if (address === '') return;
    const code: EmailProblemCode | null =
      seen.length >= MAX_EMAILS
        ? 'tooMany'
        : address.length > MAX_EMAIL_LENGTH
          ? 'tooLong'
          : !EMAIL.test(address)
            ? 'invalid'
            : seen.some((other) => sameAddress(other, address))
              ? 'duplicate'
              : null;
    seen.push(address);
    if (code) problems.push({ code, index, address });
  });
  return problems;
};

/** What the form edits: the contract's fields, with the addresses as typed. */
export interface PreferencesDraft {
  newDocuments: boolean;
  paymentReminders: boolean;
  emails: string[];
  invoiceByPost: boolean;
  detailedStatementByPost: boolean;
}

export const draftOf = (preferences: Preferences): PreferencesDraft => ({
  newDocuments: preferences.notifications.newDocuments,
  paymentReminders: preferences.notifications.paymentReminders,
  emails: [...preferences.notifications.emails],
  invoiceByPost: preferences.paper.invoiceByPost,
  detailedStatementByPost: preferences.paper.detailedStatementByPost,
});

export type DraftResult = { ok: true; value: Preferences } | { ok: false; problems: EmailProblem[] };

/** The preferences a valid draft stands for (blank rows dropped, blanks trimmed), or its problems. */
export const preferencesFromDraft = (draft: PreferencesDraft): DraftResult => {
  const problems = emailProblems(draft.emails);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      notifications: {
        newDocuments: draft.newDocuments,
        paymentReminders: draft.paymentReminders,
        emails: draft.emails.map(normaliseEmail).filter((address) => address !== ''),
      },
      paper: { invoiceByPost: draft.invoiceByPost, detailedStatementByPost: draft.detailedStatementByPost },
    },
  };
};
