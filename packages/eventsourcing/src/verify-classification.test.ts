// How verification names each kind of broken chain, word for word: an auditor reads the problem
// and its detail, so a branch reporting the wrong version or the wrong kind of break is a defect
// even when the stream is still refused.
import * as crypto from 'node:crypto';
import type { RecordedEvent } from './events';
import { UnreadableEventError } from './errors';
import { recomputeHash } from './hash-chain';
import type { EventStore } from './store';
import { createInMemoryEventStore, inMemoryStorageOf } from './in-memory-store';
import { createKeyring, ed25519VerificationKey } from './signing';
import { counted } from './testing';
import { verifyStream, walkChain } from './verify';

type InMemoryStore = ReturnType<typeof createInMemoryEventStore>;

/** The stored events of a stream, in reading order (edited in place by the tests below). */
const storedStream = (store: InMemoryStore, streamId: string): RecordedEvent[] =>
  inMemoryStorageOf(store).streams.get(streamId)!;

const withVersion = (event: RecordedEvent, version: number): RecordedEvent =>
  ({ ...event, version }) as RecordedEvent;

/** What verifying stream 's' answers when its chain breaks at `version`. */
const brokenAt = (version: number, problem: string, detail: string) => ({
  ok: false,
  streamId: 's',
  version,
  problem,
  detail,
});

async function storeWith(streamId: string, count: number, start = 0): Promise<InMemoryStore> {
  const store = createInMemoryEventStore();
  await store.appendToStream(streamId, counted(count, start));
  return store;
}

describe('verifyStream names how a chain is broken', () => {
  it('an event read again after later ones is reordered, after the version read last', async () => {
    const store = await storeWith('s', 3);
    const stream = storedStream(store, 's');
    stream.push(stream[1]);
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(3, 'reordered', 'version 1 comes after version 2'),
    );
  });

  it('a version read before the one due, which comes later, is reordered', async () => {
    const store = await storeWith('s', 3);
    const stream = storedStream(store, 's');
    [stream[1], stream[2]] = [stream[2], stream[1]];
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(1, 'reordered', 'version 2 comes where version 1 was due'),
    );
  });

  it('a version that never comes is missing, naming the one read instead', async () => {
    const store = await storeWith('s', 4);
    storedStream(store, 's').splice(1, 2);
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(1, 'missing', 'version 1 is missing (the next event is version 3)'),
    );
  });

  it('events exchanged and renumbered: the first follows an event stored after it', async () => {
    const store = await storeWith('s', 3);
    const stream = storedStream(store, 's');
    const [second, third] = [stream[1], stream[2]];
    stream[1] = withVersion(third, 1);
    stream[2] = withVersion(second, 2);
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(1, 'reordered', 'the event at version 1 follows an event stored after it'),
    );
  });

  it('an event copied further on follows an earlier event, not the one before it: missing', async () => {
    const store = await storeWith('s', 3);
    const stream = storedStream(store, 's');
    stream[2] = withVersion(stream[1], 2);
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(2, 'missing', 'the event at version 2 does not follow the one before it'),
    );
  });

  it('an intact event of another history put in: what it follows is missing', async () => {
    const store = await storeWith('s', 3);
    const otherHistory = await storeWith('s', 3, 100);
    storedStream(store, 's')[1] = storedStream(otherHistory, 's')[1];
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(1, 'missing', 'the event at version 1 does not follow the one before it'),
    );
  });

  it('an edited prevHash that links to no event is altered', async () => {
    const store = await storeWith('s', 3);
    const stream = storedStream(store, 's');
    stream[1] = { ...stream[1], metadata: { ...stream[1].metadata, prevHash: 'a'.repeat(64) } };
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(1, 'altered', 'the event at version 1 has a prevHash that matches no event'),
    );
  });

  it('a removal hidden by linking and rehashing the next event is still missing: its version names the gap', async () => {
    const store = await storeWith('s', 3);
    const stream = storedStream(store, 's');
    const relinked = { ...stream[2], metadata: { ...stream[2].metadata, prevHash: stream[0].metadata.hash } };
    stream.splice(1, 2, { ...relinked, metadata: { ...relinked.metadata, hash: recomputeHash(relinked)! } });
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(1, 'missing', 'version 1 is missing (the next event is version 2)'),
    );
  });

  it("a prevHash rewritten to the event's own hash links to no event: altered, not missing", async () => {
    const store = await storeWith('s', 3);
    const stream = storedStream(store, 's');
    stream[1] = { ...stream[1], metadata: { ...stream[1].metadata, prevHash: stream[1].metadata.hash } };
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(1, 'altered', 'the event at version 1 has a prevHash that matches no event'),
    );
  });

  it('an earlier chain format named without the hash recomputed is edited content, not a format going back', async () => {
    const store = await storeWith('s', 2);
    const stream = storedStream(store, 's');
    expect(stream[0].metadata).toMatchObject({ chainVersion: 3 });
    const metadata = { ...stream[1].metadata, chainVersion: 2 } as RecordedEvent['metadata'];
    stream[1] = { ...stream[1], metadata };
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(1, 'altered', 'the content of version 1 no longer matches its hash'),
    );
  });

  it('edited content is altered', async () => {
    const store = await storeWith('s', 3);
    const stream = storedStream(store, 's');
    stream[2] = { ...stream[2], data: { n: 7 } } as RecordedEvent;
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(2, 'altered', 'the content of version 2 no longer matches its hash'),
    );
  });

  it('a chain format this code does not know is altered, naming it (cut at 40 characters)', async () => {
    const store = await storeWith('s', 2);
    const stream = storedStream(store, 's');
    // A forger's value of any type: the format is read from what is stored, not from the type.
    const metadata = {
      ...stream[1].metadata,
      chainVersion: 'x'.repeat(60),
    } as unknown as RecordedEvent['metadata'];
    stream[1] = { ...stream[1], metadata };
    expect(await verifyStream(store, 's')).toEqual(
      brokenAt(
        1,
        'altered',
        `the event at version 1 names a hash chain format this code does not know (chainVersion "${'x'.repeat(39)})`,
      ),
    );
  });
});

describe('verifyStream and an event that cannot be read', () => {
  /** A store whose stream reads fail with `error` after the stream's stored events. */
  function failingAt(store: InMemoryStore, error: Error): EventStore {
    return {
      ...store,
      readStreamPages: undefined,
      readStream: async function* (streamId, options) {
        yield* store.readStream(streamId, options);
        throw error;
      },
    } as EventStore;
  }

  it('reports the version of this stream that cannot be read, with why', async () => {
    const store = await storeWith('s', 2);
    const broken = failingAt(store, new UnreadableEventError('s', 2, 3n, 'data is not JSON'));
    expect(await verifyStream(broken, 's')).toEqual(
      brokenAt(2, 'unreadable', 'the event at version 2 cannot be read: data is not JSON'),
    );
  });

  it("throws what is not an unreadable event of this stream (another stream's, or any error)", async () => {
    const store = await storeWith('s', 2);
    const otherStream = new UnreadableEventError('t', 2, 3n, 'data is not JSON');
    await expect(verifyStream(failingAt(store, otherStream), 's')).rejects.toBe(otherStream);
    const driverError = new Error('connection reset');
    await expect(verifyStream(failingAt(store, driverError), 's')).rejects.toBe(driverError);
  });
});

describe('what a verification reads', () => {
  it("asks every page, the classification's too, in the caller's batch size (1,000 by default)", async () => {
    const store = await storeWith('s', 3);
    storedStream(store, 's').splice(1, 1); // missing: the classification reads the stream again
    const asked: (number | undefined)[] = [];
    const spy: EventStore = {
      ...store,
      readStreamPages: (streamId, options) => {
        asked.push(options?.batchSize);
        return store.readStreamPages!(streamId, options);
      },
    };
    await verifyStream(spy, 's');
    expect(asked).toEqual([1000, 1000]);
    asked.length = 0;
    await verifyStream(spy, 's', { batchSize: 2 });
    expect(asked).toEqual([2, 2]);
  });

  it('up to a version, as a digest walks, checks the chain and not the signatures', async () => {
    const store = await storeWith('s', 3); // no signer: every event unsigned
    const keyring = createKeyring([
      ed25519VerificationKey('service', crypto.generateKeyPairSync('ed25519').publicKey),
    ]);
    expect(await walkChain(store, 's', { keyring })).toMatchObject({ ok: false, problem: 'unsigned' });
    expect(await walkChain(store, 's', { keyring, upToVersion: 1 })).toEqual({
      ok: true,
      streamId: 's',
      headHash: storedStream(store, 's')[1].metadata.hash,
      length: 2,
      signedEvents: 0,
      unsignedEvents: 0,
    });
  });
});
