import type { ReadStreamOptions, RecordedEvent } from '@cartes-badges/eventsourcing';
import { fromWireRecord } from './event-mapping';
import type { StoreContext } from './store-context';
import { streamNameOf } from './store-context';

/**
 * Reads one stream page by page (`batchSize` events per call to the server), so that a long
 * stream never sits in one array. A stream that does not exist yields nothing.
 */
export async function* readStream(
  ctx: StoreContext,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  const batchSize = Math.max(1, options.batchSize ?? ctx.readBatchSize);
  let left = options.maxCount ?? Infinity;
  let from: number | 'start' | 'end' = options.fromVersion ?? (backwards ? 'end' : 'start');
  if (typeof from === 'number' && from < 0) {
    if (backwards) return;
    from = 'start';
  }
  const name = streamNameOf(ctx, streamId);
  while (left > 0) {
    const wanted = Math.min(batchSize, left);
    let received = 0;
    // The furthest version seen, so the next page starts past it even if the stored order was tampered with.
    let edge: number | undefined;
    const page = await ctx.calls.readStream(name, {
      from,
      direction: backwards ? 'backwards' : 'forwards',
      maxCount: wanted,
    });
    for (const record of page) {
      received += 1;
      edge =
        edge === undefined
          ? record.revision
          : backwards
            ? Math.min(edge, record.revision)
            : Math.max(edge, record.revision);
      left -= 1;
      const stored = fromWireRecord(record, streamId);
      ctx.heads.see(stored);
      yield ctx.pipeline.read(stored);
    }
    if (received < wanted || edge === undefined) return;
    if (backwards && edge <= 0) return;
    from = backwards ? edge - 1 : edge + 1;
  }
}
