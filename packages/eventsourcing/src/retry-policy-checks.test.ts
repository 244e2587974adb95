// Retry and restart settings a clumsy caller gives (from an environment variable read as NaN, a
// misspelt jitter): each used to be a loop with no pause, or with no end, found only in
// production. Each is now refused where it is given, naming the setting.
import { checkBackoffFactor, checkDelayMs, checkJitter, MAX_TIMER_DELAY_MS } from './backoff';
import { createInMemoryEventStore } from './in-memory-store';
import type { Runnable } from './projection-target';
import { defineReactor, reactorTarget, type ReactorLedger } from './reactor';
import { checkRetryPolicy, retryWithBackoff, type RetryPolicy } from './retry';
import { superviseRunner } from './supervised-runner';

const BAD_POLICIES: readonly [string, RetryPolicy, string][] = [
  [
    'NaN attempts (retried for ever)',
    { maxAttempts: Number.NaN },
    'maxAttempts must be an integer of at least 1 (or Infinity), got NaN',
  ],
  [
    'no attempt at all',
    { maxAttempts: 0 },
    'maxAttempts must be an integer of at least 1 (or Infinity), got 0',
  ],
  [
    'a fraction of an attempt',
    { maxAttempts: 2.5 },
    'maxAttempts must be an integer of at least 1 (or Infinity), got 2.5',
  ],
  [
    'a NaN delay (no pause)',
    { initialDelayMs: Number.NaN },
    'initialDelayMs must be a number of milliseconds from 0 to 2147483647, got NaN',
  ],
  [
    'a negative delay',
    { initialDelayMs: -1 },
    'initialDelayMs must be a number of milliseconds from 0 to 2147483647, got -1',
  ],
  [
    'an endless ceiling (a 1 ms timer)',
    { maxDelayMs: Infinity },
    'maxDelayMs must be a number of milliseconds from 0 to 2147483647, got Infinity',
  ],
  [
    'a delay as text',
    { maxDelayMs: '100' as never },
    'maxDelayMs must be a number of milliseconds from 0 to 2147483647, got "100"',
  ],
  ['a shrinking factor', { factor: 0.5 }, 'factor must be a finite number of at least 1, got 0.5'],
  [
    'a misspelt jitter (no pause)',
    { jitter: 'random' as never },
    `jitter must be 'equal', 'full' or 'none', got "random"`,
  ],
  [
    'a NaN time limit',
    { maxElapsedMs: Number.NaN },
    'maxElapsedMs must be a number of milliseconds of at least 0 (or Infinity), got NaN',
  ],
  ['a retryIf that is not a function', { retryIf: true as never }, 'retryIf must be a function, got boolean'],
  [
    'an onRetry that is not a function',
    { onRetry: 'log' as never },
    'onRetry must be a function, got string',
  ],
];

describe('retry policies are checked where they are given', () => {
  it.each(BAD_POLICIES)(
    'retryWithBackoff refuses %s before the first attempt',
    async (_name, policy, message) => {
      let calls = 0;
      const effect = () => {
        calls++;
        return Promise.reject(new Error('down'));
      };
      await expect(retryWithBackoff(effect, policy)).rejects.toThrow(`retryWithBackoff: policy.${message}`);
      expect(calls).toBe(0);
    },
  );

  it.each(BAD_POLICIES)(
    'a reactor refuses %s when it is defined, naming the reactor',
    (_name, retry, message) => {
      const definition = { name: 'courriels-refus', react: () => Promise.resolve(), retry };
      expect(() => defineReactor(definition)).toThrow(`Reactor courriels-refus: retry.${message}`);
      expect(() => reactorTarget(definition, {} as ReactorLedger)).toThrow(
        `Reactor courriels-refus: retry.${message}`,
      );
    },
  );

  it('takes what a caller means: Infinity attempts within a time limit, no delay, the three jitters', () => {
    for (const policy of [
      { maxAttempts: Infinity, maxElapsedMs: 1000 },
      { maxAttempts: 1, maxElapsedMs: 0 },
      { initialDelayMs: 0, maxDelayMs: 0 },
      { maxDelayMs: MAX_TIMER_DELAY_MS, factor: 1 },
      { jitter: 'equal' },
      { jitter: 'full' },
      { jitter: 'none', maxElapsedMs: Infinity },
      {},
      undefined,
    ] as (RetryPolicy | undefined)[])
      expect(() => checkRetryPolicy(policy, 'retry')).not.toThrow();
    expect(() => checkRetryPolicy('fast' as never, 'retry')).toThrow(
      new TypeError('retry must be an object such as { maxAttempts: 5 }, got fast'),
    );
    expect(() => checkRetryPolicy(null as never, 'retry')).toThrow(
      new TypeError('retry must be an object such as { maxAttempts: 5 }, got null'),
    );
  });

  it('the delay checks name the setting and keep the bounds a timer keeps', () => {
    expect(() => checkDelayMs(MAX_TIMER_DELAY_MS, 'd')).not.toThrow();
    expect(() => checkDelayMs(MAX_TIMER_DELAY_MS + 1, 'd')).toThrow(
      new RangeError('d must be a number of milliseconds from 0 to 2147483647, got 2147483648'),
    );
    expect(() => checkDelayMs(0, 'd')).not.toThrow();
    expect(() => checkBackoffFactor(1, 'f')).not.toThrow();
    expect(() => checkBackoffFactor(Infinity, 'f')).toThrow(
      new RangeError('f must be a finite number of at least 1, got Infinity'),
    );
    expect(() => checkJitter(undefined, 'j')).not.toThrow();
  });
});

describe('a supervised runner refuses settings that would restart it in a loop', () => {
  const runnable: Runnable = {
    name: 'liste-dossiers',
    target: { readCheckpoint: () => Promise.resolve(undefined), applyBatch: () => Promise.resolve() },
  };

  it.each([
    [
      { restartDelayMs: Number.NaN },
      'Runner liste-dossiers: restartDelayMs must be a number of milliseconds from 0 to 2147483647, got NaN',
    ],
    [
      { maxRestartDelayMs: -5 },
      'Runner liste-dossiers: maxRestartDelayMs must be a number of milliseconds from 0 to 2147483647, got -5',
    ],
    [{ batchSize: 0 }, 'Projection liste-dossiers: batchSize must be an integer of at least 1, got 0'],
  ])('refuses %p at once, before it starts', (options, message) => {
    const store = createInMemoryEventStore();
    expect(() => superviseRunner(store, runnable, options)).toThrow(new RangeError(message));
  });
});
