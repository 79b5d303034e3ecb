import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { updateErrorCodes, type UpdatePhase } from '../../../shared/update/policy';
import { canCheckNow, describeUpdate } from './describeUpdate';

const phases: UpdatePhase[] = [
  { kind: 'disabled', reason: 'development' },
  { kind: 'disabled', reason: 'noFeed' },
  { kind: 'idle' },
  { kind: 'checking' },
  { kind: 'upToDate' },
  { kind: 'available', version: '0.2.0' },
  { kind: 'downloading', version: '0.2.0', percent: 41 },
  { kind: 'downloaded', version: '0.2.0' },
  ...updateErrorCodes.map((code): UpdatePhase => ({ kind: 'error', code })),
];

const lookup = (key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
      en,
    );

describe('describeUpdate', () => {
  it.each(phases.map((phase) => [JSON.stringify(phase), phase] as const))(
    'words %s with a catalogue text',
    (_name, phase) => {
      const line = describeUpdate(phase);
      expect(typeof lookup(line.key)).toBe('string');
    },
  );

  it('names the version and percentage where the text needs them, and marks failures', () => {
    expect(describeUpdate({ kind: 'downloading', version: '0.2.0', percent: 41 })).toEqual({
      key: 'updates.phases.downloading',
      version: '0.2.0',
      percent: 41,
      tone: 'hint',
    });
    expect(describeUpdate({ kind: 'error', code: 'checksum' })).toEqual({
      key: 'updates.errors.checksum',
      tone: 'error',
    });
  });

  it('lets "Check now" run only when nothing runs or waits', () => {
    expect(phases.filter(canCheckNow).map((phase) => phase.kind)).toEqual([
      'idle',
      'upToDate',
      'available',
      ...updateErrorCodes.map(() => 'error'),
    ]);
  });
});
