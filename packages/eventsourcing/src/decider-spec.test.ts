import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountDecider } from './__tests__/account-decider';
import { givenWhenThen } from './testing';

const spec = givenWhenThen(accountDecider);
const now = { now: '2024-05-01T08:30:00.000Z' };

describe('givenWhenThen', () => {
  it('checks the events a command produces', () => {
    spec
      .given([{ type: 'AccountOpened', data: { owner: 'Ada' } }])
      .when({ kind: 'Deposit', amount: 5 }, now)
      .thenEvents([{ type: 'Deposited', data: { amount: 5, at: now.now } }]);
  });

  it('checks the error of a refused command', () => {
    spec.given([]).when({ kind: 'Withdraw', amount: 5 }, now).thenError({ code: 'NOT_OPEN' });
    spec
      .given([
        { type: 'AccountOpened', data: { owner: 'Ada' } },
        { type: 'Deposited', data: { amount: 3, at: now.now } },
      ])
      .when({ kind: 'Withdraw', amount: 5 }, now)
      .thenError((error) => expect(error.code).toBe('INSUFFICIENT_FUNDS'));
  });

  it('checks the state after the command', () => {
    spec
      .given([{ type: 'AccountOpened', data: { owner: 'Ada' } }])
      .when({ kind: 'Deposit', amount: 5 }, now)
      .thenState((state) => expect(state).toEqual({ open: true, balance: 5 }));
    spec
      .given([{ type: 'AccountOpened', data: { owner: 'Ada' } }])
      .when({ kind: 'Deposit', amount: 5 }, now)
      .thenState({ open: true, balance: 5 });
  });

  it('gives the events produced to a test that goes on from them', () => {
    const opened = spec.given([]).when({ kind: 'Open', owner: 'Ada' }, now).events();
    spec.given(opened).when({ kind: 'Deposit', amount: 2 }, now).thenState({ open: true, balance: 2 });
  });

  it('fails when the outcome differs from the expectation', () => {
    const when = spec.given([]).when({ kind: 'Open', owner: 'Ada' }, now);
    expect(() => when.thenEvents([{ type: 'AccountOpened', data: { owner: 'Bob' } }])).toThrow(
      AssertionError,
    );
    expect(() => when.thenError({ code: 'ALREADY_OPEN' })).toThrow(/accepted|refused/);
    expect(() => spec.given([]).when({ kind: 'Withdraw', amount: 1 }, now).thenNothing()).toThrow(/refused/);
    expect(() => when.thenState({ open: true, balance: 1 })).toThrow(AssertionError);
    const refused = spec.given([]).when({ kind: 'Withdraw', amount: 1 }, now);
    expect(() => refused.thenError({ code: 'INSUFFICIENT_FUNDS' })).toThrow(/another error/);
    expect(() => refused.events()).toThrow(/refused/);
  });

  it('uses no test runner: its checks are node:assert errors, also outside jest', () => {
    const source = readFileSync(join(__dirname, 'testing', 'decider-spec.ts'), 'utf8');
    expect(source).not.toMatch(/\bexpect\(|types="jest"|from '@jest|from 'vitest'/);
  });
});
