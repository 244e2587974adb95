// A projection's state in memory, saved with its checkpoint: events at or below the checkpoint
// are not applied twice, a checkpoint never goes back, a reset starts over at a new version.
// The definitions' refusals are said word for word.
import type { GlobalPosition, RecordedEvent } from './events';
import { createInMemoryProjectionTarget } from './in-memory-projection-target';
import { defineProjection } from './projection';

const counter = defineProjection<string[]>({
  name: 'seen',
  version: 3,
  init: () => [],
  evolve: (state, event) => [...state, event.eventId],
});
const at = (position: number): RecordedEvent =>
  ({ eventId: `e${position}`, globalPosition: BigInt(position) }) as unknown as RecordedEvent;
const position = (n: number) => BigInt(n) as GlobalPosition;

describe('in-memory projection target', () => {
  it('starts from init, applies a batch and saves its checkpoint with the version', async () => {
    const storage = new Map();
    const target = createInMemoryProjectionTarget(counter, storage);
    expect(target.state()).toEqual([]);
    expect(await target.readCheckpoint()).toBeUndefined();
    await target.applyBatch([at(1), at(2)], position(2));
    expect(target.state()).toEqual(['e1', 'e2']);
    expect(await target.readCheckpoint()).toEqual({ position: 2n, version: 3 });
    // Another target over the same storage sees it (a runner's restart).
    expect(createInMemoryProjectionTarget(counter, storage).state()).toEqual(['e1', 'e2']);
  });

  it('skips events at or below its checkpoint, and never moves the checkpoint back', async () => {
    const target = createInMemoryProjectionTarget(counter);
    await target.applyBatch([at(1), at(2)], position(2));
    await target.applyBatch([at(2), at(3)], position(3));
    expect(target.state()).toEqual(['e1', 'e2', 'e3']);
    await target.applyBatch([at(1)], position(1));
    expect(target.state()).toEqual(['e1', 'e2', 'e3']);
    expect(await target.readCheckpoint()).toEqual({ position: 3n, version: 3 });
  });

  it('starts over from init after a reset, at the version given', async () => {
    const target = createInMemoryProjectionTarget(counter);
    await target.applyBatch([at(1)], position(1));
    await target.reset!(4);
    expect(target.state()).toEqual([]);
    expect(await target.readCheckpoint()).toEqual({ version: 4 });
    await target.applyBatch([at(1)], position(1));
    expect(target.state()).toEqual(['e1']);
  });
});

describe('defineProjection refusals', () => {
  const init = () => 0;
  it('says what is missing, naming the projection', () => {
    expect(() => defineProjection({ name: '', version: 1, init, evolve: (s: number) => s })).toThrow(
      new Error('A projection needs a name'),
    );
    for (const version of [0, 1.5])
      expect(() => defineProjection({ name: 'p', version, init, evolve: (s: number) => s })).toThrow(
        new Error('Projection p: version must be an integer of at least 1'),
      );
    expect(() => defineProjection({ name: 'p', version: 1, init } as never)).toThrow(
      new Error('Projection p: give handlers or evolve'),
    );
    expect(defineProjection({ name: 'p', version: 1, init, evolve: (s: number) => s }).version).toBe(1);
  });
});
