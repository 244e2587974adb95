import type { CallError } from './grpc-errors';
import { callErrors } from './grpc-errors';
import type { AppendOutcome, ExpectedRevision, ProposedEvent } from './memory-log';
import { appendSize } from './memory-log';
import type { NodeContext } from './node-context';

/** Faults the next appends meet, one per append, in order (both append paths). */
export type AppendFault =
  /** None: this append goes through (to place a fault further down the queue). */
  | 'none'
  /** UNAVAILABLE before anything is written. */
  | 'unavailable'
  /** The connection fails after the second proposed event arrived: nothing is written (classic Append). */
  | 'unavailable-mid-batch'
  /** The events are written, then the answer is lost (UNAVAILABLE): a retry must not write them twice. */
  | 'unavailable-after-write'
  /** The deadline passes before the write: nothing is written. */
  | 'deadline'
  /** The events are written, then the server's commit times out: the client hears a timeout. */
  | 'timeout-after-write'
  /** This node is no longer the leader: the answer points at the other node, nothing is written. */
  | 'not-leader'
  /** The server process dies before the write (every connection cut) and comes back 100 ms later. */
  | 'crash-before-write'
  /** The server process dies right after the write, before answering, and comes back 100 ms later. */
  | 'crash-after-write';

/** What became of one append, before either protocol words it. */
export type Executed =
  | { readonly kind: 'outcome'; readonly outcome: AppendOutcome }
  | { readonly kind: 'too-big'; readonly maximum: number }
  /** `written`: the server timed out after the write (commit timeout), else before it (deadline). */
  | { readonly kind: 'timeout'; readonly written: boolean }
  /** The call (the whole shared stream, on BatchAppend) ends with this error. */
  | { readonly kind: 'call-failed'; readonly error: CallError }
  /** The node died: nobody answers. */
  | { readonly kind: 'crashed' };

const CRASH_DOWN_MS = 100;

/** Runs one append on a node, meeting the next fault if one is queued. */
export function executeAppend(
  node: NodeContext,
  streamName: string,
  expected: ExpectedRevision,
  events: readonly ProposedEvent[],
  deadlinePassed = false,
): Executed {
  // The size check comes first, as the server makes it while the events arrive.
  if (appendSize(events) > node.maxAppendSize) return { kind: 'too-big', maximum: node.maxAppendSize };
  const fault = nextFault(node, streamName);
  switch (fault) {
    case 'unavailable':
    case 'unavailable-mid-batch':
      return { kind: 'call-failed', error: callErrors.unavailable('server unavailable') };
    case 'not-leader': {
      const leader = node.leaderEndpoint();
      return { kind: 'call-failed', error: callErrors.notLeader(leader.host, leader.port) };
    }
    case 'deadline':
      return { kind: 'timeout', written: false };
    case 'crash-before-write':
      node.crash(CRASH_DOWN_MS);
      return { kind: 'crashed' };
  }
  if (deadlinePassed) return { kind: 'timeout', written: false };
  const outcome = node.log.append(streamName, expected, events);
  switch (fault) {
    case 'unavailable-after-write':
      return { kind: 'call-failed', error: callErrors.unavailable('answer lost after the write') };
    case 'timeout-after-write':
      return { kind: 'timeout', written: true };
    case 'crash-after-write':
      node.crash(CRASH_DOWN_MS);
      return { kind: 'crashed' };
  }
  return { kind: 'outcome', outcome };
}

// A fault aimed at this stream comes first: a test can then fail one client's append while
// another client's appends go on, whatever order the two connections' requests arrive in.
function nextFault(node: NodeContext, streamName: string): AppendFault | undefined {
  const aimed = node.streamFaults.get(streamName);
  if (!aimed?.length) return node.appendFaults.shift();
  const fault = aimed.shift();
  if (aimed.length === 0) node.streamFaults.delete(streamName);
  return fault;
}
