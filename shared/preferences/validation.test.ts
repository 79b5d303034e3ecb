import { describe, expect, it } from 'vitest';
import { PreferencesSchema, type Preferences } from '../api/schemas';
import { emailProblems, MAX_EMAIL_LENGTH, preferencesFromDraft, type EmailProblemCode } from './validation';

const withEmails = (emails: string[]): Preferences => ({
  notifications: { newDocuments: true, paymentReminders: false, emails },
  paper: { invoiceByPost: false, detailedStatementByPost: true },
});

const draftWith = (emails: string[]) => ({
  newDocuments: true,
  paymentReminders: false,
  emails,
  invoiceByPost: false,
  detailedStatementByPost: true,
});

const five = ['a@example.ch', 'b@example.ch', 'c@example.ch', 'd@example.ch', 'e@example.ch'];
const atLength = (length: number) => `${'x'.repeat(length - '@example.ch'.length)}@example.ch`;

/** One list: the problem the form names, or null when it accepts the list. */
const vectors: Array<{ emails: string[]; problem: EmailProblemCode | null }> = [
  { emails: [], problem: null },
  { emails: ['rechnungen@example.ch'], problem: null },
  { emails: ['first.last+invoices@mail.example.ch'], problem: null },
  { emails: ["o'neil@firma-ag.ch"], problem: null },
  { emails: five, problem: null },
  { emails: [atLength(MAX_EMAIL_LENGTH)], problem: null },
  { emails: [atLength(MAX_EMAIL_LENGTH + 1)], problem: 'tooLong' },
  { emails: [...five, 'f@example.ch'], problem: 'tooMany' },
  { emails: ['rechnungen'], problem: 'invalid' },
  { emails: ['rechnungen@'], problem: 'invalid' },
  { emails: ['@example.ch'], problem: 'invalid' },
  { emails: ['a@example'], problem: 'invalid' },
  { emails: ['a b@example.ch'], problem: 'invalid' },
  { emails: ['a..b@example.ch'], problem: 'invalid' },
  { emails: ['.a@example.ch'], problem: 'invalid' },
  { emails: ['a@-example.ch'], problem: 'invalid' },
  { emails: ['a@example.c'], problem: 'invalid' },
  { emails: ['a@exa_mple.ch'], problem: 'invalid' },
  { emails: ['müller@example.ch'], problem: 'invalid' },
  { emails: ['a@example.ch', 'b@example'], problem: 'invalid' },
];

describe('notification addresses: the form and the contract agree', () => {
  it.each(vectors)('$emails → $problem', ({ emails, problem }) => {
    const problems = emailProblems(emails);
    expect(problems.map((p) => p.code)).toEqual(problem === null ? [] : [problem]);
    expect(PreferencesSchema.safeParse(withEmails(emails)).success).toBe(problem === null);
    expect(preferencesFromDraft(draftWith(emails)).ok).toBe(problem === null);
  });

  it('refuses an address listed twice (case aside), which the schema lets through', () => {
    const emails = ['a@example.ch', 'A@Example.ch'];
    expect(PreferencesSchema.safeParse(withEmails(emails)).success).toBe(true);
    expect(emailProblems(emails)).toEqual([{ code: 'duplicate', index: 1, address: 'A@Example.ch' }]);
  });

  it('names the address at fault and its place in the list, blank rows counted but not refused', () => {
    expect(emailProblems(['a@example.ch', '', 'broken@', '  '])).toEqual([
      { code: 'invalid', index: 2, address: 'broken@' },
    ]);
  });

  it('sends trimmed addresses without the blank rows, a value the schema accepts', () => {
    const result = preferencesFromDraft(draftWith([' a@example.ch ', '', 'b@example.ch']));
    expect(result).toEqual({ ok: true, value: withEmails(['a@example.ch', 'b@example.ch']) });
    expect(result.ok && PreferencesSchema.safeParse(result.value).success).toBe(true);
  });
});
