import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  parseTimestampUrl,
  TimestampError,
  type TimestampErrorCode,
} from '../../../shared/archive/timestampHttp';
import type { TimestampProblem } from '../../../shared/archive/ports';
import { formatDateTime } from '../../../shared/core/format';
import { usePlatform } from '../../platform/PlatformContext';
import { useFailureReason } from '../../ui/FailureNotice';
import { useLanguage } from '../../ui/useLanguage';
import { loadTimestampUrl, saveTimestampUrl } from './localSettings';
import { UrlInput } from '../../ui/UrlInput';

const ERROR_KEYS = {
  'tsa.badUrl': 'timestamp.errors.badUrl',
  'tsa.unreachable': 'timestamp.errors.unreachable',
  'tsa.timeout': 'timestamp.errors.timeout',
  'tsa.cancelled': 'timestamp.errors.cancelled',
  'tsa.tooLarge': 'timestamp.errors.tooLarge',
  'tsa.httpStatus': 'timestamp.errors.httpStatus',
  'tsa.rejected': 'timestamp.errors.rejected',
  'tsa.malformed': 'timestamp.errors.malformed',
  'tsa.mismatch': 'timestamp.errors.mismatch',
  'tsa.invalidToken': 'timestamp.errors.invalidToken',
} as const satisfies Record<TimestampErrorCode, string>;

const PROBLEM_KEYS = {
  malformed: 'timestamp.problems.malformed',
  digestMismatch: 'timestamp.problems.digestMismatch',
  badSignature: 'timestamp.problems.badSignature',
  notForTimeStamping: 'timestamp.problems.notForTimeStamping',
} as const satisfies Record<TimestampProblem, string>;

type TestState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'stamped'; readonly authority: string | null; readonly time: string }
  | { readonly kind: 'notValid'; readonly problem: TimestampProblem }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The device's time-stamping authority: the archive export has its manifest stamped there when one
 * is set. "Test" stamps a random digest, so nothing of the clerk's reaches the authority.
 */
export const TimestampSettings = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const platform = usePlatform();
  const failureReason = useFailureReason();
  const id = useId();
  const [url, setUrl] = useState(() => loadTimestampUrl(localStorage));
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'cleared' | null>(null);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const ok = saveTimestampUrl(localStorage, url);
    setInvalid(!ok);
    setSaved(ok ? (url.trim() === '' ? 'cleared' : 'saved') : null);
  };

  const runTest = async () => {
    const target = url.trim();
    if (target === '' || parseTimestampUrl(target) === null) {
      setInvalid(target !== '');
      setTest({ kind: 'failed', message: t(target === '' ? 'timestamp.testNeedsUrl' : 'timestamp.invalid') });
      return;
    }
    setInvalid(false);
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setTest({ kind: 'running' });
    try {
      const digest = crypto.getRandomValues(new Uint8Array(32));
      const token = await platform.requestTimestamp(target, digest, controller.signal);
      const { verifyTimestamp } = await import('../../../shared/archive/timestamp');
      const verdict = await verifyTimestamp(token, digest);
      if (controller.signal.aborted) return;
      setTest(
        verdict.valid && verdict.time !== null
          ? { kind: 'stamped', authority: verdict.authority, time: verdict.time }
          : { kind: 'notValid', problem: verdict.problem ?? 'malformed' },
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      setTest({
        kind: 'failed',
        message: error instanceof TimestampError ? t(ERROR_KEYS[error.code]) : failureReason(error),
      });
    }
  };

  const describedBy = [`${id}-help`, invalid ? `${id}-problem` : ''].filter(Boolean).join(' ');

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('timestamp.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('timestamp.url')}</label>
          <UrlInput
            id={`${id}-url`}
            value={url}
            invalid={invalid}
            describedBy={describedBy}
            onChange={(event) => {
              setUrl(event.target.value);
              setSaved(null);
              // A result stays next to the address it was for, never a later one.
              running.current?.abort();
              setTest({ kind: 'idle' });
            }}
          />
        </div>
        {invalid && (
          <p className="notice notice--error" id={`${id}-problem`}>
            {t('timestamp.invalid')}
          </p>
        )}
        <p className="hint" id={`${id}-help`}>
          {t('timestamp.help')}
        </p>
        <div className="actions">
          <button type="submit">{t('timestamp.save')}</button>
          <button type="button" disabled={test.kind === 'running'} onClick={() => void runTest()}>
            {t('timestamp.test')}
          </button>
          <span role="status">
            {saved === 'saved' ? t('timestamp.saved') : saved === 'cleared' ? t('timestamp.cleared') : ''}
          </span>
        </div>
      </form>
      <p
        role="status"
        aria-live="polite"
        className={
          test.kind === 'failed' || test.kind === 'notValid'
            ? 'notice notice--error'
            : test.kind === 'stamped'
              ? 'notice notice--ok'
              : 'hint'
        }
      >
        {test.kind === 'running' && t('timestamp.testing')}
        {test.kind === 'stamped' &&
          t('timestamp.testOk', {
            authority: test.authority ?? t('timestamp.unnamedAuthority'),
            time: formatDateTime(test.time, language),
          })}
        {test.kind === 'notValid' && t('timestamp.testNotValid', { reason: t(PROBLEM_KEYS[test.problem]) })}
        {test.kind === 'failed' && test.message}
      </p>
    </section>
  );
};
