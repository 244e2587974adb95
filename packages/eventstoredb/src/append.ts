import type {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventToAppend,
  ExpectedVersion,
  JsonValue,
  RecordedEvent,
} from '@cartes-badges/eventsourcing';
import type { PreparedEvent } from '@cartes-badges/eventsourcing/adapter';
import { backoffDelay, ConcurrencyError, GENESIS_HASH } from '@cartes-badges/eventsourcing';
import * as kernelAdapter from '@cartes-badges/eventsourcing/adapter';
import type { WireAppendResult, WireExpectedRevision, WirePosition, WireRecord } from './client-port';
import { WrongExpectedRevision } from './client-port';
import { EventStoreUnavailableError } from './errors';
import { fromWireRecord, toWireEvent } from './event-mapping';
import type { KnownHead } from './head-cache';
import { ownCopy } from './own-copy';
import { encodePosition } from './positions';
import type { StoreContext } from './store-context';
import { retryDelay, streamNameOf } from './store-context';

// Taken once: the kernel's `/adapter` entry re-exports these through CommonJS getters (what tsc
// emits for `export { ... } from`), a getter call at every use otherwise, several per append.
const { checkEventsToAppend, prepareEventsForAppend, readAppended, withAppendedEvents } = kernelAdapter;

// With 'any' or 'stream_exists' the adapter itself retries lost races on the stream's head.
const HEAD_RACE_RETRIES = 100;

/**
 * Appends with the hash chain: the new events chain onto the stream's head, so the adapter reads
 * the head first and makes the server check that it is still the head (expected revision).
 * With 'any' a lost race is retried from the new head: the chain never forks.
 */
export async function appendToStream(
  ctx: StoreContext,
  streamId: string,
  events: readonly EventToAppend[],
  options?: AppendOptions,
): Promise<AppendResult> {
  // Checks every event and writes the canonical JSON of its data and actor, in one walk: the
  // hash chain uses these texts instead of writing them again.
  const checked = checkEventsToAppend(streamId, events);
  const expected = kernelAdapter.checkAppendOptions(options);
  // Our own copy, taken before any wait, with the event ids fixed once (see own-copy.ts).
  const batch = ownCopy(events, checked);
  // One instant for every try: a retry after a write that went through (its answer lost to a
  // deadline, a timeout, a dropped connection) then sends the very events already stored, hashes
  // included, so that the server's recognition by event ids and the head this store keeps agree.
  const now = ctx.clock();
  let transientFailures = 0;
  for (let headRaces = 0; ; ) {
    try {
      // The head to chain onto, known without asking the server in the usual case (the store's
      // head cache): then the client's call is this function's only wait, one asynchronous step
      // per append rather than two nested ones (issue 18).
      const start =
        knownStart(ctx, streamId, batch, expected) ?? (await startFromServer(ctx, streamId, batch, expected));
      if ('done' in start) return start.done;
      const prepared = prepareEventsForAppend({
        streamId,
        firstVersion: start.anchor ? start.anchor.version + 1 : 0,
        prevHash: start.anchor ? start.anchor.hash : GENESIS_HASH,
        events: batch,
        checked,
        now,
        signer: ctx.signer,
        // The actors come from `checked` (the copy has none): one frozen object per distinct actor.
        memo: ctx.appendMemo,
      });
      let answer: WireAppendResult;
      try {
        answer = await ctx.calls.append(
          streamNameOf(ctx, streamId),
          prepared.map(toWireEvent),
          start.wireExpected,
        );
      } catch (error) {
        throw refusal(ctx, streamId, expected, error);
      }
      return (
        appendedOneEvent(ctx, streamId, prepared, answer) ??
        (await readBackBatch(ctx, streamId, prepared, answer))
      );
    } catch (error) {
      if (error instanceof LostHeadRace && headRaces < HEAD_RACE_RETRIES) {
        headRaces += 1;
        if (headRaces > 2) {
          const wait = backoffDelay(headRaces - 3, { initialDelayMs: 1, maxDelayMs: 20, jitter: 'full' });
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        continue;
      }
      if (error instanceof LostHeadRace) throw new ConcurrencyError(streamId, expected, error.actualRevision);
      if (ctx.calls.isTransient(error)) {
        if (transientFailures < ctx.appendRetries) {
          await retryDelay(ctx, transientFailures);
          transientFailures += 1;
          continue;
        }
        throw new EventStoreUnavailableError(streamId, transientFailures + 1, error);
      }
      throw error;
    }
  }
}

class LostHeadRace extends Error {
  constructor(readonly actualRevision: number) {
    super('lost the race for the stream head');
  }
}

/** Where an attempt's events go: the head they chain onto, and the revision the server must find. */
interface Start {
  readonly anchor: KnownHead | undefined;
  readonly wireExpected: WireExpectedRevision;
}

/**
 * The start of an attempt when no read is needed: a new stream, or the head this store keeps
 * (an expected version that is the known head, or 'any' / 'stream_exists' with a known head
 * that is not this batch's own last event). Undefined when the server must be asked.
 */
function knownStart(
  ctx: StoreContext,
  streamId: string,
  batch: readonly EventToAppend[],
  expected: ExpectedVersion,
): Start | undefined {
  if (batch.length === 0) return undefined;
  if (expected === 'no_stream' || expected === -1) return { anchor: undefined, wireExpected: 'no_stream' };
  const head = ctx.heads.get(streamId);
  if (typeof expected === 'number') {
    return head?.version === expected ? { anchor: head, wireExpected: BigInt(expected) } : undefined;
  }
  if (!head || head.eventId === batch[batch.length - 1].eventId) return undefined;
  return { anchor: head, wireExpected: BigInt(head.version) };
}

/**
 * The start of an attempt read from the server, or the append's result when nothing is to be
 * sent: an empty batch, or a retry of a write that went through.
 */
async function startFromServer(
  ctx: StoreContext,
  streamId: string,
  batch: readonly EventToAppend[],
  expected: ExpectedVersion,
): Promise<Start | { readonly done: AppendResult }> {
  if (batch.length === 0) return { done: await emptyAppend(ctx, streamId, expected) };
  if (expected === 'no_stream' || expected === -1) return { anchor: undefined, wireExpected: 'no_stream' };
  if (typeof expected === 'number') {
    // Chain onto the event at the expected version; the server checks it is still the last one
    // (and answers success again for a write it already has with these event ids).
    let anchor = ctx.heads.get(streamId);
    if (anchor?.version !== expected) anchor = knownHeadOf(await readAt(ctx, streamId, expected));
    if (!anchor)
      throw new ConcurrencyError(streamId, expected, (await readHead(ctx, streamId))?.version ?? -1);
    return { anchor, wireExpected: BigInt(expected) };
  }
  const anchor = ctx.heads.get(streamId) ?? knownHeadOf(await readHead(ctx, streamId));
  if (!anchor && expected === 'stream_exists') throw new ConcurrencyError(streamId, expected, -1);
  // The head is the end of this very batch: a retry of a write that went through.
  if (anchor && anchor.eventId === batch[batch.length - 1].eventId)
    return { done: await alreadyWritten(ctx, streamId, anchor, batch) };
  return { anchor, wireExpected: anchor ? BigInt(anchor.version) : 'no_stream' };
}

/** What a refused append becomes: a conflict, a lost race on the head to retry, or the error itself. */
function refusal(ctx: StoreContext, streamId: string, expected: ExpectedVersion, error: unknown): unknown {
  if (!(error instanceof WrongExpectedRevision)) return error;
  // What this store knew of the head is stale.
  ctx.heads.forget(streamId);
  if (typeof expected === 'number' || expected === 'no_stream') {
    return new ConcurrencyError(streamId, expected, error.actualRevision);
  }
  return new LostHeadRace(error.actualRevision);
}

/**
 * The result of a write the server answered, the store's head updated; undefined when the
 * events must be read back for it. The server answers with one position for the write: a
 * one-event write's is the event's own (each event of a write has its own place in `$all`).
 */
function appendedOneEvent(
  ctx: StoreContext,
  streamId: string,
  prepared: readonly PreparedEvent[],
  result: WireAppendResult,
): AppendResult | undefined {
  const last = prepared[prepared.length - 1];
  if (result.nextRevision === last.version) {
    ctx.heads.remember(streamId, { version: last.version, hash: last.metadata.hash, eventId: last.eventId });
  }
  if (prepared.length !== 1 || !result.position || !isSetPosition(result.position)) return undefined;
  const position = encodePosition(result.position);
  return withAppendedEvents({ nextExpectedVersion: result.nextRevision, globalPosition: position }, () =>
    readAppended(ctx.pipeline, [recordedOneEventWrite(prepared[0], streamId, position)]),
  );
}

/**
 * For a batch, or without a usable position in the answer: the batch read back, so that the
 * caller gets its events (and their positions) either way, without reading them again.
 */
async function readBackBatch(
  ctx: StoreContext,
  streamId: string,
  prepared: readonly PreparedEvent[],
  result: WireAppendResult,
): Promise<AppendResult> {
  const recorded = await readBatch(ctx, streamId, prepared[0].version, prepared.length);
  if (recorded.length !== prepared.length || recorded[recorded.length - 1].version !== result.nextRevision) {
    throw new Error(
      `Stream ${streamId}: the events just written up to version ${result.nextRevision} cannot be read back`,
    );
  }
  return withAppendedEvents(
    {
      nextExpectedVersion: result.nextRevision,
      globalPosition: recorded[recorded.length - 1].globalPosition,
    },
    () => readAppended(ctx.pipeline, recorded),
  );
}

/**
 * A one-event write as a read gives it back (before the read pipeline): data and metadata
 * through JSON, as the client sends and parses them.
 */
function recordedOneEventWrite(
  event: PreparedEvent,
  streamId: string,
  globalPosition: bigint,
): RecordedEvent {
  return {
    type: event.type,
    // The batch's data is its canonical text parsed (own-copy.ts), as the client writes it.
    data: JSON.parse(event.dataText) as JsonValue,
    streamId,
    version: event.version,
    globalPosition,
    eventId: event.eventId,
    recordedAt: event.recordedAt,
    metadata: JSON.parse(JSON.stringify(event.metadata)) as EventMetadata,
  } as RecordedEvent;
}

/** The `count` events of a stream from `version` on, as stored. */
async function readBatch(
  ctx: StoreContext,
  streamId: string,
  version: number,
  count: number,
): Promise<RecordedEvent[]> {
  const records = await ctx.calls.readStream(streamNameOf(ctx, streamId), {
    from: version,
    direction: 'forwards',
    maxCount: count,
  });
  const events = records.map((record) => fromWireRecord(record, streamId));
  for (const event of events) ctx.heads.see(event);
  return events;
}

// A server that has no position for a write (an older one, or a retried write it recognised)
// may answer -1, which the unsigned wire field turns into 2^64 - 1: not a place in the log.
function isSetPosition(position: WirePosition): boolean {
  return position.commit < UNSET_POSITION && position.prepare < UNSET_POSITION;
}

const UNSET_POSITION = 2n ** 63n;

function knownHeadOf(event: RecordedEvent | undefined): KnownHead | undefined {
  return event && { version: event.version, hash: event.metadata.hash, eventId: event.eventId };
}

async function emptyAppend(
  ctx: StoreContext,
  streamId: string,
  expected: ExpectedVersion,
): Promise<AppendResult> {
  const head = await readHead(ctx, streamId);
  const current = head?.version ?? -1;
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && current === -1) ||
    (expected === 'stream_exists' && current !== -1) ||
    expected === current;
  if (!holds) throw new ConcurrencyError(streamId, expected, current);
  return { nextExpectedVersion: current, globalPosition: head?.globalPosition ?? 0n };
}

async function alreadyWritten(
  ctx: StoreContext,
  streamId: string,
  head: KnownHead,
  batch: readonly EventToAppend[],
): Promise<AppendResult> {
  const first = await readAt(ctx, streamId, head.version - batch.length + 1);
  const last = await readAt(ctx, streamId, head.version);
  if (first?.eventId !== batch[0].eventId || !last) {
    throw new Error(
      `Stream ${streamId}: the last event has the id of this batch's last event, but not the batch's place`,
    );
  }
  return { nextExpectedVersion: head.version, globalPosition: last.globalPosition };
}

/** The stream's last event (stored form), or undefined when the stream does not exist. */
export async function readHead(ctx: StoreContext, streamId: string): Promise<RecordedEvent | undefined> {
  const record = await readOne(ctx, streamId, 'end', 'backwards');
  if (!record) return undefined;
  const head = fromWireRecord(record, streamId);
  ctx.heads.see(head);
  return head;
}

async function readAt(
  ctx: StoreContext,
  streamId: string,
  version: number,
): Promise<RecordedEvent | undefined> {
  if (version < 0) return undefined;
  const record = await readOne(ctx, streamId, version, 'forwards');
  if (record?.revision !== version) return undefined;
  const event = fromWireRecord(record, streamId);
  ctx.heads.see(event);
  return event;
}

// Reads the one event at `from`, if any.
async function readOne(
  ctx: StoreContext,
  streamId: string,
  from: number | 'end',
  direction: 'forwards' | 'backwards',
): Promise<WireRecord | undefined> {
  const [record] = await ctx.calls.readStream(streamNameOf(ctx, streamId), { from, direction, maxCount: 1 });
  return record;
}
