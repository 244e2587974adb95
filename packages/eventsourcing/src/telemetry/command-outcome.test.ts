// How spans and metrics name a command and its outcome: every branch, since dashboards group by them.
import { left, right } from 'fp-ts/Either';
import { CommandIdReusedError, ConcurrencyError } from '../errors';
import { commandOutcome, commandTypeOf } from './command-outcome';

describe('commandTypeOf', () => {
  it.each([
    [{ type: 'Transmit', kind: 'k' }, 'Transmit'],
    [{ type: '', kind: 'ByKind' }, 'ByKind'],
    [{ type: 3, kind: 'ByKind' }, 'ByKind'],
    [{ kind: '' }, 'unknown'],
    [{ kind: 4 }, 'unknown'],
    [{}, 'unknown'],
    [null, 'unknown'],
    ['Transmit', 'unknown'],
    [undefined, 'unknown'],
  ])('names %p %p', (command, name) => {
    expect(commandTypeOf(command)).toBe(name);
  });
});

describe('commandOutcome', () => {
  it('names what was appended, nothing changed, or a retry', () => {
    expect(commandOutcome(right({ alreadyHandled: false, events: [1] }))).toEqual({ name: 'appended' });
    expect(commandOutcome(right({ alreadyHandled: false, events: [] }))).toEqual({ name: 'no_change' });
    expect(commandOutcome(right({ alreadyHandled: true, events: [1] }))).toEqual({ name: 'already_handled' });
  });

  it('names a conflict, a reused command id, and a refusal with its code when it has a text one', () => {
    expect(commandOutcome(left(new ConcurrencyError('s-1', 0, 1)))).toEqual({ name: 'conflict' });
    expect(commandOutcome(left(new CommandIdReusedError('s-1', 'c-1')))).toEqual({
      name: 'command_id_reused',
    });
    expect(commandOutcome(left({ code: 'TAB_INVALID' }))).toEqual({ name: 'refused', code: 'TAB_INVALID' });
    expect(commandOutcome(left({ code: 12 }))).toEqual({ name: 'refused' });
    expect(commandOutcome(left(null))).toEqual({ name: 'refused' });
    expect(commandOutcome(left('TAB_INVALID'))).toEqual({ name: 'refused' });
  });
});
