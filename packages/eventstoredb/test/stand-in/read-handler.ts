import type { ServerWritableStream } from '@grpc/grpc-js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { CallError } from './grpc-errors';
import { callErrors } from './grpc-errors';
import type { LogPosition, LogRecord, MemoryLog } from './memory-log';
import { grpc } from './grpc-runtime';
import type { NodeContext } from './node-context';

/** What the fault tests can see of and do to a live subscription. */
export interface ActiveSubscription {
  /** Events written to the call so far (accepted by the transport, maybe not yet read by the client). */
  sent: number;
  /** Ends the call with UNAVAILABLE, as a server that drops the connection would. */
  drop(): void;
}

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type Matcher = (record: LogRecord) => boolean;

// EventStoreDB's default search window of a filtered read, multiplied by the checkpoint interval.
const DEFAULT_WINDOW = 32;

/** The Read RPC: stream reads, `$all` reads and `$all` subscriptions. */
export function createReadHandler(node: NodeContext, subscriptions: Set<ActiveSubscription>) {
  const log = node.log;
  return (call: ReadCall): void => {
    const options = call.request.getOptions();
    if (!options) return fail(call, grpc.status.INVALID_ARGUMENT, 'read request without options');
    // A user without read access to `$all` (not in $admins or $ops, no ACL granting it).
    if (options.hasAll() && node.allReadDenied(call.metadata))
      return failWith(call, callErrors.accessDenied());
    const run = options.hasSubscription()
      ? options.hasAll()
        ? subscribeToAll(call, log, options, subscriptions)
        : Promise.resolve(
            fail(call, grpc.status.UNIMPLEMENTED, 'stream subscriptions are not in the stand-in'),
          )
      : options.hasAll()
        ? readAll(call, log, options)
        : readStream(call, log, options);
    run.catch((error: unknown) => fail(call, grpc.status.INTERNAL, String(error)));
  };
}

function fail(call: ReadCall, code: number, details: string): void {
  failWith(call, { code, details });
}

function failWith(call: ReadCall, error: CallError): void {
  if (!call.cancelled && !call.writableEnded) call.emit('error', error);
}

/** Writes with backpressure: resolves once the transport can take more (or the call is gone). */
function send(call: ReadCall, message: ReadResp): Promise<void> {
  if (call.cancelled || call.destroyed || call.writableEnded) return Promise.resolve();
  if (call.write(message)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
    call.on('close', done);
  });
}

function gone(call: ReadCall): boolean {
  return call.cancelled || call.destroyed || call.writableEnded;
}

function eventMessage(record: LogRecord, withPosition: boolean): ReadResp {
  const event = new ReadResp.ReadEvent.RecordedEvent();
  const id = new UUID();
  id.setString(record.eventId);
  event.setId(id);
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Buffer.from(record.streamName, 'utf8'));
  event.setStreamIdentifier(identifier);
  event.setStreamRevision(String(record.revision));
  event.setCommitPosition(record.commit.toString());
  event.setPreparePosition(record.prepare.toString());
  const metadata = event.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', record.created.toString());
  event.setCustomMetadata(record.customMetadata);
  event.setData(record.data);
  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(event);
  if (withPosition) readEvent.setCommitPosition(record.commit.toString());
  else readEvent.setNoPosition(new Empty());
  const response = new ReadResp();
  response.setEvent(readEvent);
  return response;
}

function countOf(options: ReadReq.Options): number {
  const count = Number(options.getCount() || '0');
  return Number.isFinite(count) ? count : Number.MAX_SAFE_INTEGER;
}

async function readStream(call: ReadCall, log: MemoryLog, options: ReadReq.Options): Promise<void> {
  const streamOptions = options.getStream();
  const identifier = streamOptions?.getStreamIdentifier();
  if (!streamOptions || !identifier)
    return fail(call, grpc.status.INVALID_ARGUMENT, 'stream read without stream');
  const name = Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
  if (log.isTombstoned(name)) return failWith(call, callErrors.streamDeleted(name));
  const stream = log.stream(name);
  if (!stream) {
    const notFound = new ReadResp.StreamNotFound();
    notFound.setStreamIdentifier(identifier);
    const response = new ReadResp();
    response.setStreamNotFound(notFound);
    await send(call, response);
    call.end();
    return;
  }
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const maxCount = log.maxCount(name);
  const head = stream.length > 0 ? stream[stream.length - 1].revision : -1;
  const oldestVisible = maxCount === undefined ? 0 : head - maxCount + 1;
  let index: number;
  if (streamOptions.hasStart()) index = backwards ? -1 : 0;
  else if (streamOptions.hasEnd()) index = backwards ? stream.length - 1 : stream.length;
  else index = startIndex(stream, Number(streamOptions.getRevision()), backwards);
  let left = countOf(options);
  while (left > 0 && index >= 0 && index < stream.length && !gone(call)) {
    const record = stream[index];
    index += backwards ? -1 : 1;
    if (record.revision < oldestVisible) {
      if (backwards) break;
      continue;
    }
    left -= 1;
    await send(call, eventMessage(record, false));
  }
  if (!gone(call)) call.end();
}

function startIndex(stream: readonly LogRecord[], revision: number, backwards: boolean): number {
  if (stream[revision]?.revision === revision) return revision;
  if (backwards) {
    for (let i = stream.length - 1; i >= 0; i--) if (stream[i].revision <= revision) return i;
    return -1;
  }
  const found = stream.findIndex((record) => record.revision >= revision);
  return found < 0 ? stream.length : found;
}

function positionOf(position: ReadReq.Options.Position | undefined): LogPosition {
  return {
    commit: BigInt(position?.getCommitPosition() ?? '0'),
    prepare: BigInt(position?.getPreparePosition() ?? '0'),
  };
}

async function readAll(call: ReadCall, log: MemoryLog, options: ReadReq.Options): Promise<void> {
  const all = options.getAll();
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const matches = matcherOf(options);
  let index: number;
  if (!all || all.hasStart()) index = backwards ? -1 : 0;
  else if (all.hasEnd()) index = backwards ? log.all.length - 1 : log.all.length;
  // Forwards from a position includes the event there; backwards reads what lies before it.
  else
    index = backwards
      ? log.indexAtOrAfter(positionOf(all.getPosition())) - 1
      : log.indexAtOrAfter(positionOf(all.getPosition()));
  let left = countOf(options);
  while (left > 0 && index >= 0 && index < log.all.length && !gone(call)) {
    const record = log.all[index];
    index += backwards ? -1 : 1;
    if (!matches(record)) continue;
    left -= 1;
    await send(call, eventMessage(record, true));
  }
  if (!gone(call)) call.end();
}

function matcherOf(options: ReadReq.Options): Matcher {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter() as ReadReq.Options.FilterOptions;
  const onStream = filter.hasStreamIdentifier();
  const expression = (
    onStream ? filter.getStreamIdentifier() : filter.getEventType()
  ) as ReadReq.Options.FilterOptions.Expression;
  const field = (record: LogRecord): string => (onStream ? record.streamName : record.type);
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return (record) => prefixes.some((prefix) => field(record).startsWith(prefix));
  const regex = new RegExp(expression.getRegex());
  return (record) => regex.test(field(record));
}

async function subscribeToAll(
  call: ReadCall,
  log: MemoryLog,
  options: ReadReq.Options,
  subscriptions: Set<ActiveSubscription>,
): Promise<void> {
  const all = options.getAll();
  const matches = matcherOf(options);
  const filter = options.hasFilter() ? options.getFilter() : undefined;
  const checkpointEvery = filter
    ? (filter.hasMax() ? filter.getMax() : DEFAULT_WINDOW) *
      Math.max(1, filter.getCheckpointintervalmultiplier())
    : 0;
  // A subscription from a position starts strictly after it.
  let last: LogPosition | undefined =
    !all || all.hasStart() ? undefined : all.hasEnd() ? lastPositionOf(log) : positionOf(all.getPosition());
  let stopped = false;
  let wake: (() => void) | undefined;
  const subscription: ActiveSubscription = {
    sent: 0,
    drop() {
      stopped = true;
      wake?.();
      fail(call, grpc.status.UNAVAILABLE, 'stand-in: connection dropped');
    },
  };
  subscriptions.add(subscription);
  const stopWaiting = log.onAppend(() => wake?.());
  call.on('cancelled', () => {
    stopped = true;
    wake?.();
  });
  try {
    const confirmation = new ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(`stand-in-${Math.random().toString(36).slice(2)}`);
    const confirm = new ReadResp();
    confirm.setConfirmation(confirmation);
    await send(call, confirm);
    let caughtUpSent = false;
    let scanned = 0;
    while (!stopped && !gone(call)) {
      const index = last ? log.indexAfter(last) : 0;
      if (index >= log.all.length) {
        if (!caughtUpSent) {
          caughtUpSent = true;
          const caughtUp = new ReadResp();
          caughtUp.setCaughtUp(new ReadResp.CaughtUp());
          await send(call, caughtUp);
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (stopped || log.indexAfter(last ?? { commit: -1n, prepare: -1n }) < log.all.length) resolve();
        });
        wake = undefined;
        continue;
      }
      const record = log.all[index];
      last = record;
      scanned += 1;
      if (matches(record)) {
        subscription.sent += 1;
        await send(call, eventMessage(record, true));
      }
      if (checkpointEvery > 0 && scanned % checkpointEvery === 0) {
        // As the real server does, the checkpoint says how far the filter has searched: it can be
        // ahead of the last event sent, and even of events the client has not read yet.
        const next = log.all[index + 1] ?? log.headPosition;
        const checkpoint = new ReadResp.Checkpoint();
        checkpoint.setCommitPosition(next.commit.toString());
        checkpoint.setPreparePosition(next.prepare.toString());
        const response = new ReadResp();
        response.setCheckpoint(checkpoint);
        await send(call, response);
      }
    }
  } finally {
    stopWaiting();
    subscriptions.delete(subscription);
  }
}

function lastPositionOf(log: MemoryLog): LogPosition | undefined {
  const last = log.all[log.all.length - 1];
  return last ? { commit: last.commit, prepare: last.prepare } : undefined;
}
