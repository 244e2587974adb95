import { v4 as uuidV4 } from 'uuid';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type {
  GlobalPosition,
  ProjectionTarget,
  RecordedEvent,
  StoredCheckpoint,
} from '@cartes-badges/eventsourcing';
import { eventStoreDbCalls } from './client-calls';
import type { ClientCalls } from './client-port';
import { WrongExpectedRevision } from './client-port';
import { RESERVED_STREAM_PREFIX } from './store-context';

const CHECKPOINT_TYPE = 'CheckpointStored';

/**
 * Projection checkpoints kept in EventStoreDB: one stream per projection,
 * `_checkpoint-<name>`, whose `$maxCount` is 1 so that the database keeps only the latest.
 * The adapter's stores never read these streams as events.
 */
export class EventStoreDBCheckpoints {
  private readonly calls: ClientCalls;
  private readonly limited = new Set<string>();

  constructor(
    client: EventStoreDBClient | ClientCalls,
    private readonly namespace = '',
  ) {
    this.calls = 'isTransient' in client ? client : eventStoreDbCalls(client);
  }

  /** The checkpoint stream of a projection. */
  streamNameOf(projection: string): string {
    return `${this.namespace}${RESERVED_STREAM_PREFIX}${projection}`;
  }

  /** The latest checkpoint of a projection, or undefined when it never stored one. */
  async read(projection: string): Promise<StoredCheckpoint | undefined> {
    const [record] = await this.calls.readStream(this.streamNameOf(projection), {
      from: 'end',
      direction: 'backwards',
      maxCount: 1,
    });
    return record && parseCheckpoint(record.data, this.streamNameOf(projection));
  }

  /** Stores a checkpoint; the first one also sets the stream's `$maxCount` to 1. */
  async write(projection: string, checkpoint: StoredCheckpoint): Promise<void> {
    const stream = this.streamNameOf(projection);
    const data = {
      position: checkpoint.position === undefined ? null : checkpoint.position.toString(),
      version: checkpoint.version ?? null,
    };
    try {
      await this.calls.append(
        stream,
        [{ id: uuidV4(), type: CHECKPOINT_TYPE, data, metadataJson: '{}' }],
        'any',
      );
    } catch (error) {
      if (error instanceof WrongExpectedRevision)
        throw new Error(`Checkpoint stream ${stream}: ${error.message}`);
      throw error;
    }
    if (!this.limited.has(stream)) {
      await this.calls.setMaxCount(stream, 1);
      this.limited.add(stream);
    }
  }
}

function parseCheckpoint(data: unknown, stream: string): StoredCheckpoint {
  const value = data as { position?: unknown; version?: unknown } | null;
  const position = value?.position;
  const version = value?.version;
  if (
    (position !== null && typeof position !== 'string') ||
    (version !== null && typeof version !== 'number')
  ) {
    throw new Error(
      `Checkpoint stream ${stream}: expected { position: string | null, version: number | null }`,
    );
  }
  return {
    ...(position === null ? {} : { position: BigInt(position) }),
    ...(version === null ? {} : { version }),
  };
}

/**
 * A projection target whose effect lives anywhere (a search index, an e-mail sender...) and
 * whose checkpoint lives in EventStoreDB. The effect and the checkpoint are not one transaction:
 * after a crash between them, events come again, so the effect must be idempotent (the runner's
 * at-least-once contract).
 */
export function checkpointedTarget(
  checkpoints: EventStoreDBCheckpoints,
  projection: string,
  effect: {
    readonly apply: (events: readonly RecordedEvent[]) => Promise<void>;
    readonly reset?: () => Promise<void>;
  },
): ProjectionTarget {
  // The projection version goes along with every checkpoint written.
  let version: number | undefined;
  return {
    async readCheckpoint() {
      const stored = await checkpoints.read(projection);
      version = stored?.version;
      return stored;
    },
    async applyBatch(events, checkpoint: GlobalPosition) {
      await effect.apply(events);
      await checkpoints.write(projection, { position: checkpoint, version });
    },
    async reset(newVersion) {
      await effect.reset?.();
      version = newVersion;
      await checkpoints.write(projection, { version });
    },
  };
}
