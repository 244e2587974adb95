// The kernel's errors are read by people and by code: each names what failed and where, and
// carries a stable code (architecture: "Errors").
import {
  CommandIdReusedError,
  ConcurrencyError,
  DeciderBugError,
  InvalidEventError,
  EventDecodeError,
  StoreBusyError,
  UnreadableEventError,
  unreadableEventOf,
} from './errors';

describe('kernel errors', () => {
  it('a busy store says what could not be done, how long it waited, and that retrying is safe', () => {
    const cause = new Error('SQLITE_BUSY');
    const error = new StoreBusyError('append to stream dossier-1', 5000, cause);
    expect(error).toMatchObject({
      name: 'StoreBusyError',
      code: 'STORE_BUSY',
      retryable: true,
      waitedMs: 5000,
      cause,
    });
    expect(error.message).toBe(
      'append to stream dossier-1: the store is locked by another writer (waited 5000 ms); nothing was written, retry later',
    );
  });

  it('an event that cannot be read or decoded is located, for a report and for a scan to resume after it', () => {
    const unreadable = new UnreadableEventError('dossier-1', 3, 42n, 'data is not JSON');
    expect(unreadable).toMatchObject({ name: 'UnreadableEventError', code: 'EVENT_UNREADABLE' });
    expect(unreadable.message).toBe(
      'Stream dossier-1, version 3 (global position 42) cannot be read: data is not JSON',
    );
    expect(unreadableEventOf(unreadable)).toBe(unreadable);

    const problems = [
      { path: 'data.comment', expected: 'a text' },
      { path: 'data.email', expected: 'an email' },
    ];
    const undecodable = new EventDecodeError('dossier-1', 4, 'CommentChanged', problems, 43n);
    expect(undecodable).toMatchObject({ name: 'EventDecodeError', code: 'EVENT_DECODE_FAILED' });
    expect(undecodable.message).toBe(
      'Stream dossier-1, version 4 (CommentChanged) does not decode: data.comment: expected a text; data.email: expected an email',
    );
    expect(unreadableEventOf(undecodable)).toEqual({
      streamId: 'dossier-1',
      version: 4,
      globalPosition: 43n,
      reason: 'CommentChanged does not decode: data.comment: expected a text; data.email: expected an email',
    });
    const noPosition = unreadableEventOf(new EventDecodeError('dossier-1', 4, 'CommentChanged', problems));
    expect(noPosition && Object.keys(noPosition)).toEqual(['streamId', 'version', 'reason']);
    expect(unreadableEventOf(new Error('other'))).toBeUndefined();
    expect(unreadableEventOf('not an error')).toBeUndefined();
  });

  it('a decider that throws is reported as a bug with the stream and the command, whatever the command holds', () => {
    const bug = new DeciderBugError(
      'dossier-1',
      { type: 'Grant', amount: 10n },
      new TypeError('x is undefined'),
    );
    expect(bug).toMatchObject({ name: 'DeciderBugError', code: 'DECIDER_BUG', streamId: 'dossier-1' });
    expect(bug.message).toBe(
      'Bug: the decider threw on stream dossier-1 for command {"type":"Grant","amount":"10"}: x is undefined',
    );
    const circular: Record<string, unknown> = { type: 'Loop' };
    circular.self = circular;
    expect(new DeciderBugError('s', circular, 'boom').message).toBe(
      'Bug: the decider threw on stream s for command [object Object]: boom',
    );
    expect(new DeciderBugError('s', undefined, 42).message).toBe(
      'Bug: the decider threw on stream s for command undefined: 42',
    );
  });

  it('a conflict names the stream, the version expected and the one found (no stream for -1)', () => {
    const conflict = new ConcurrencyError('dossier-1', 'no_stream', 3);
    expect(conflict).toMatchObject({
      name: 'ConcurrencyError',
      code: 'CONCURRENCY_CONFLICT',
      streamId: 'dossier-1',
      expectedVersion: 'no_stream',
      actualVersion: 3,
      message: 'Stream dossier-1: expected version no_stream, actual version 3',
    });
    expect(new ConcurrencyError('dossier-1', 2, -1).message).toBe(
      'Stream dossier-1: expected version 2, actual version no stream',
    );
    expect(new ConcurrencyError('dossier-1', 0, 1).message).toBe(
      'Stream dossier-1: expected version 0, actual version 1',
    );
  });

  it('an invalid event names the stream, its index and the field', () => {
    expect(new InvalidEventError('s-1', 2, 'data.amount', 'is NaN')).toMatchObject({
      name: 'InvalidEventError',
      code: 'INVALID_EVENT',
      eventIndex: 2,
      field: 'data.amount',
      reason: 'is NaN',
      message: 'Stream s-1, event #2: data.amount is NaN',
    });
  });

  it('a reused command id is quoted, cut at 200 characters', () => {
    expect(new CommandIdReusedError('s-1', 'cmd-1')).toMatchObject({
      name: 'CommandIdReusedError',
      code: 'COMMAND_ID_REUSED',
      streamId: 's-1',
      commandId: 'cmd-1',
      message: 'Stream s-1: command id "cmd-1" was already used by another command',
    });
    const long = 'x'.repeat(300);
    expect(new CommandIdReusedError('s-1', long).message).toBe(
      `Stream s-1: command id "${'x'.repeat(200)}" was already used by another command`,
    );
  });
});
