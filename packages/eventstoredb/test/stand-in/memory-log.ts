import { v4 as uuidV4 } from 'uuid';
/**
 * The stand-in server's storage: a transaction log in memory with EventStoreDB's semantics
 * (stream revisions, expected-revision checks, each event's own log position, idempotent appends
 * by event id, `$maxCount` stream metadata, tombstoned streams, the system events a real database
 * is full of). Test code only.
 */

/** An event as the stand-in keeps it, in the shape the gRPC protocol carries. */
export interface LogRecord {
  readonly streamName: string;
  readonly revision: number;
  eventId: string;
  type: string;
  readonly contentType: string;
  data: Buffer;
  customMetadata: Buffer;
  /** .NET ticks (100 ns) since the Unix epoch, as the server's `created` metadata. */
  readonly created: bigint;
  /**
   * Commit and prepare positions. A server since 20.x writes each event of an append as its own
   * committed record: both are the event's own place in the log, as `$all` reads report them.
   */
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** What `rewrite` changes in one event (test tampering). */
export interface RecordRewrite {
  readonly type?: string;
  /** The new data, as JSON text. */
  readonly json?: string;
  readonly eventId?: string;
  readonly metadata?: { readonly [key: string]: unknown };
}

/** An event proposed by a client. */
export interface ProposedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Buffer;
  readonly customMetadata: Buffer;
}

/** Expected revision of an append, as the protocol says it. */
export type ExpectedRevision =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: number };

/**
 * Outcome of an append: written (or recognised as already written), with the position of the
 * write's last event; or wrong expected version; or a stream that was deleted for good.
 */
export type AppendOutcome =
  | { kind: 'success'; currentRevision: number; commit: bigint; prepare: bigint }
  | { kind: 'wrong_expected_version'; currentRevision: number | 'no_stream'; expected: ExpectedRevision }
  | { kind: 'stream_deleted' };

/** The stream name of the server's own statistics, written into `$all` every so often. */
export const STATS_STREAM = '$stats-127.0.0.1:2113';

/** How the server sizes an append against its maximum (bytes of type, data and metadata). */
export function appendSize(events: readonly ProposedEvent[]): number {
  return events.reduce(
    (total, event) => total + Buffer.byteLength(event.type) + event.data.length + event.customMetadata.length,
    0,
  );
}

/** True for what a real database writes itself: `$` streams and `$` event types. */
export function isSystemRecord(record: LogRecord): boolean {
  return record.streamName.startsWith('$') || record.type.startsWith('$');
}

/** A position in the log. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Compares two log positions as the server orders `$all`. */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

// Log positions grow by the size of each record, as byte offsets in a transaction file do.
const RECORD_OVERHEAD = 80n;

/** The in-memory transaction log. */
export class MemoryLog {
  /** Every event in `$all` order. */
  readonly all: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private readonly tombstoned = new Set<string>();
  private nextLogPosition = 1000n;
  private readonly listeners = new Set<() => void>();
  private writes = 0;

  /**
   * `statsEvery`: after that many writes the server writes a `$statsCollected` event of its own
   * (0: never), as a real node does every few seconds; `$all` then mixes system events and ours.
   */
  constructor(
    private readonly statsEvery = 0,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** What a fresh database already holds: the default users, settings and scavenge streams. */
  seedSystemEvents(): void {
    const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
    const system = (stream: string, type: string, data: unknown): void => {
      this.write(stream, this.currentRevision(stream), [
        {
          eventId: uuidV4(),
          type,
          contentType: 'application/json',
          data: json(data),
          customMetadata: Buffer.alloc(0),
        },
      ]);
    };
    system('$$$users', '$metadata', { $acl: { $r: '$admins', $w: '$admins' } });
    system('$users', '$UserCreated', { loginName: 'admin' });
    system('$user-admin', '$user', { loginName: 'admin', fullName: 'Event Store Administrator' });
    system('$users', '$UserCreated', { loginName: 'ops' });
    system('$user-ops', '$user', { loginName: 'ops', fullName: 'Event Store Operations' });
    system('$settings', 'update-default-acl', { $userStreamAcl: { $r: '$all' } });
    system('$scavenges', '$scavengeIndexInitialized', {});
    system(STATS_STREAM, '$statsCollected', { 'proc-startTime': new Date(0).toISOString() });
  }

  /** The events of one stream in stored order (undefined when it never existed). */
  stream(name: string): LogRecord[] | undefined {
    return this.streams.get(name);
  }

  /** Revision of the stream's last event, or -1. */
  currentRevision(name: string): number {
    const stream = this.streams.get(name);
    return stream && stream.length > 0 ? stream[stream.length - 1].revision : -1;
  }

  /** Called after every write (the live part of subscriptions waits on it). */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True once the stream is deleted for good: it can be neither written nor read again. */
  isTombstoned(name: string): boolean {
    return this.tombstoned.has(name);
  }

  /** Deletes a stream for good, writing the `$streamDeleted` record into `$all` as the server does. */
  tombstone(name: string): void {
    if (this.tombstoned.has(name)) return;
    this.tombstoned.add(name);
    const position = this.nextLogPosition;
    this.nextLogPosition += RECORD_OVERHEAD;
    this.all.push({
      streamName: name,
      revision: Number.MAX_SAFE_INTEGER,
      eventId: uuidV4(),
      type: '$streamDeleted',
      contentType: 'application/octet-stream',
      data: Buffer.alloc(0),
      customMetadata: Buffer.alloc(0),
      created: BigInt(this.clock().getTime()) * 10_000n,
      commit: position,
      prepare: position,
    });
    this.streams.delete(name);
    for (const listener of [...this.listeners]) listener();
  }

  /** Appends atomically: every event of the batch is written, or none. */
  append(name: string, expected: ExpectedRevision, events: readonly ProposedEvent[]): AppendOutcome {
    if (this.tombstoned.has(name)) return { kind: 'stream_deleted' };
    const stream = this.streams.get(name);
    const current = this.currentRevision(name);
    const duplicate = this.idempotentOutcome(stream ?? [], expected, events);
    if (duplicate) return duplicate;
    if (!holds(expected, current)) {
      return {
        kind: 'wrong_expected_version',
        currentRevision: current === -1 ? 'no_stream' : current,
        expected,
      };
    }
    if (events.length === 0) {
      const last = stream?.[stream.length - 1];
      return {
        kind: 'success',
        currentRevision: current,
        commit: last?.commit ?? 0n,
        prepare: last?.prepare ?? 0n,
      };
    }
    const outcome = this.write(name, current, events);
    this.writes += 1;
    if (this.statsEvery > 0 && this.writes % this.statsEvery === 0) {
      const stats = { 'sys-freeMem': 1_000_000 + this.writes, 'proc-cpu': 3.5 };
      this.write(STATS_STREAM, this.currentRevision(STATS_STREAM), [
        {
          eventId: uuidV4(),
          type: '$statsCollected',
          contentType: 'application/json',
          data: Buffer.from(JSON.stringify(stats), 'utf8'),
          customMetadata: Buffer.alloc(0),
        },
      ]);
    }
    return outcome;
  }

  // Each event gets its own place in the log; the answer carries the last one's.
  private write(name: string, current: number, events: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(name);
    const target = stream ?? [];
    const created = BigInt(this.clock().getTime()) * 10_000n;
    let revision = current;
    for (const event of events) {
      revision += 1;
      const position = this.nextLogPosition;
      this.nextLogPosition += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length);
      const record: LogRecord = {
        streamName: name,
        revision,
        created,
        commit: position,
        prepare: position,
        ...event,
      };
      target.push(record);
      this.all.push(record);
    }
    if (!stream) this.streams.set(name, target);
    for (const listener of [...this.listeners]) listener();
    const last = target[target.length - 1];
    return { kind: 'success', currentRevision: revision, commit: last.commit, prepare: last.prepare };
  }

  /**
   * EventStoreDB recognises a retried write by its event ids: when the events already sit where
   * the expected revision puts them (or, for `any`, right after the first one's earlier place),
   * it answers success again and writes nothing.
   */
  private idempotentOutcome(
    stream: readonly LogRecord[],
    expected: ExpectedRevision,
    events: readonly ProposedEvent[],
  ): AppendOutcome | undefined {
    if (events.length === 0) return undefined;
    let start: number;
    if (expected.kind === 'revision' || expected.kind === 'no_stream') {
      start = expected.kind === 'revision' ? expected.revision + 1 : 0;
    } else {
      const found = stream.find((record) => record.eventId === events[0].eventId);
      if (!found) return undefined;
      start = found.revision;
    }
    const matches = events.every((event, index) => stream[start + index]?.eventId === event.eventId);
    if (!matches || stream[start]?.revision !== start) return undefined;
    const last = stream[start + events.length - 1];
    return {
      kind: 'success',
      currentRevision: last.revision,
      commit: last.commit,
      prepare: last.prepare,
    };
  }

  /** The `$maxCount` of a stream, from the last `$metadata` event of its metastream. */
  maxCount(name: string): number | undefined {
    const meta = this.streams.get(`$$${name}`);
    const last = meta?.[meta.length - 1];
    if (!last) return undefined;
    try {
      const parsed = JSON.parse(last.data.toString('utf8')) as { $maxCount?: unknown };
      return typeof parsed.$maxCount === 'number' ? parsed.$maxCount : undefined;
    } catch {
      return undefined;
    }
  }

  /** Index in `all` of the first record at or after `position`. */
  indexAtOrAfter(position: LogPosition): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(this.all[middle], position) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Index in `all` of the first record strictly after `position`. */
  indexAfter(position: LogPosition): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(this.all[middle], position) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Position the next write will get (a checkpoint past the end points here). */
  get headPosition(): LogPosition {
    return { commit: this.nextLogPosition, prepare: this.nextLogPosition };
  }

  // ---- tampering, for the contract suite's forger hooks (edits memory, bypassing the protocol)

  private locate(name: string, revision: number): { stream: LogRecord[]; index: number } {
    const stream = this.streams.get(name) ?? [];
    const index = stream.findIndex((record) => record.revision === revision);
    if (index < 0) throw new Error(`No event ${name}@${revision} in the stand-in to tamper with`);
    return { stream, index };
  }

  /** Replaces the data of one event, leaving its metadata as it was. */
  alterData(name: string, revision: number, data: Buffer): void {
    const { stream, index } = this.locate(name, revision);
    stream[index].data = data;
  }

  /**
   * Rewrites an event's type, data (JSON text), id, or custom metadata keys (a key set to
   * undefined is removed), leaving the rest as it was.
   */
  rewrite(name: string, revision: number, change: RecordRewrite): void {
    const { stream, index } = this.locate(name, revision);
    const record = stream[index];
    if (change.type !== undefined) record.type = change.type;
    if (change.json !== undefined) record.data = Buffer.from(change.json, 'utf8');
    if (change.eventId !== undefined) record.eventId = change.eventId;
    if (change.metadata !== undefined) {
      const metadata = { ...JSON.parse(record.customMetadata.toString('utf8')), ...change.metadata };
      for (const key of Object.keys(metadata)) if (metadata[key] === undefined) delete metadata[key];
      record.customMetadata = Buffer.from(JSON.stringify(metadata), 'utf8');
    }
  }

  /** Deletes one event from its stream and from `$all`. */
  remove(name: string, revision: number): void {
    const { stream, index } = this.locate(name, revision);
    const [removed] = stream.splice(index, 1);
    this.all.splice(this.all.indexOf(removed), 1);
  }

  /** Exchanges the places of two events in their stream, so that reads return them swapped. */
  swap(name: string, revision1: number, revision2: number): void {
    const first = this.locate(name, revision1);
    const second = this.locate(name, revision2);
    const record = first.stream[first.index];
    first.stream[first.index] = second.stream[second.index];
    second.stream[second.index] = record;
  }
}

function holds(expected: ExpectedRevision, current: number): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current !== -1;
    case 'revision':
      return expected.revision === current;
  }
}
