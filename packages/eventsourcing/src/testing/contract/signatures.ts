/// <reference types="jest" />
import * as crypto from 'node:crypto';
import type { RecordedEvent } from '../../events';
import { GENESIS_HASH } from '../../events';
import type { StoredEventChange } from '../../in-memory-tamper';
import { prepareEventsForAppend, recomputeHash } from '../../hash-chain';
import type { Keyring, Signer } from '../../signing';
import {
  createKeyring,
  ed25519Signer,
  ed25519VerificationKey,
  hmacSigner,
  hmacVerificationKey,
} from '../../signing';
import type { EventStore } from '../../store';
import { verifyStream } from '../../verify';
import { collect, counted } from '../fixtures';
import type { ContractContext } from '../store-harness';

const keyPair = () => crypto.generateKeyPairSync('ed25519');
const first = keyPair();
const second = keyPair();
const stranger = keyPair();

const JANUARY = '2026-01-10T09:00:00.000Z';
const ROTATION = '2026-02-01T00:00:00.000Z';
const MARCH = '2026-03-05T09:00:00.000Z';
const REVOCATION = '2026-04-01T00:00:00.000Z';
const MAY = '2026-05-05T09:00:00.000Z';

// The service's keys over time: the first one retired by the rotation, the second one after.
const rotatedKeyring = (revokedAt?: string): Keyring =>
  createKeyring([
    ed25519VerificationKey('service-2026-01', first.publicKey, { validUntil: ROTATION }),
    ed25519VerificationKey('service-2026-02', second.publicKey, {
      validFrom: ROTATION,
      ...(revokedAt ? { revokedAt } : {}),
    }),
  ]);
const firstOnly: Keyring = createKeyring([ed25519VerificationKey('service-2026-01', first.publicKey)]);

// A service whose key and clock the test moves (a rotation without a restart).
interface Service {
  readonly store: EventStore;
  use(signer: Signer): void;
  at(instant: string): void;
}

async function signedService(ctx: ContractContext): Promise<Service> {
  let signer: Signer = ed25519Signer('service-2026-01', first.privateKey);
  let now = new Date(JANUARY);
  const rotating: Signer = {
    get keyId() {
      return signer.keyId;
    },
    sign: (message) => signer.sign(message),
  };
  const store = await ctx.create({ signer: rotating, clock: () => now });
  return {
    store,
    use: (next) => void (signer = next),
    at: (instant) => void (now = new Date(instant)),
  };
}

// Batches of 3, 1 and 2 events, signed by the first key in January.
async function signedHistory(ctx: ContractContext): Promise<Service> {
  const service = await signedService(ctx);
  await service.store.appendToStream('signed', counted(3));
  await service.store.appendToStream('signed', counted(1, 3));
  await service.store.appendToStream('signed', counted(2, 4));
  return service;
}

// What a forger with write access and no key appends: events hashed exactly as a store does,
// chained on the stream's head, written straight into the storage.
async function forgeAppend(ctx: ContractContext, store: EventStore, signer?: Signer): Promise<number> {
  const events = await collect(store.readStream('signed'));
  const head = events[events.length - 1];
  const forged = prepareEventsForAppend({
    streamId: 'signed',
    firstVersion: head.version + 1,
    prevHash: head.metadata.hash,
    events: [{ type: 'Granted', data: { amountGrantedCents: 99_999_900 } }],
    now: new Date(Date.parse(head.recordedAt) + 1000),
    ...(signer ? { signer } : {}),
  });
  await ctx.tamper(store).appendRaw('signed', forged);
  return forged[0].version;
}

// Every event of the stream hashed again from the genesis after `changes`, signatures kept.
async function rechain(ctx: ContractContext, store: EventStore, changes: Map<number, StoredEventChange>) {
  let prevHash = GENESIS_HASH;
  for (const event of await collect(store.readStream('signed'))) {
    const change = changes.get(event.version) ?? {};
    const metadata = { ...event.metadata, ...change.metadata, prevHash };
    const changed = { ...event, ...(change.data !== undefined ? { data: change.data } : {}), metadata };
    const hash = recomputeHash(changed as RecordedEvent)!;
    prevHash = hash;
    await ctx
      .tamper(store)
      .rewriteEvent('signed', event.version, { ...change, metadata: { ...metadata, hash } });
  }
}

/** Signed appends (Signer option), and verification with a keyring, rotation and revocation. */
export function signaturesContract(ctx: ContractContext): void {
  describe('signed history', () => {
    it('signs each append: every event names the key, the last of each batch signs its hash', async () => {
      const { store } = await signedHistory(ctx);
      const events = await collect(store.readStream('signed'));
      expect(events.map((e) => e.metadata.keyId)).toEqual(Array(6).fill('service-2026-01'));
      expect(events.map((e) => e.metadata.signature !== undefined)).toEqual([
        false,
        false,
        true,
        true,
        false,
        true,
      ]);
      expect(events.map((e) => e.metadata.chainVersion)).toEqual(Array(6).fill(3));
      expect(await verifyStream(store, 'signed', { keyring: firstOnly })).toMatchObject({
        ok: true,
        length: 6,
        signedEvents: 6,
        unsignedEvents: 0,
      });
    });

    it('a store without a signer keeps working; verify flags its events unsigned, and refuses them with a keyring', async () => {
      const store = await ctx.create();
      await store.appendToStream('plain', counted(3));
      expect(await verifyStream(store, 'plain')).toMatchObject({
        ok: true,
        signedEvents: 0,
        unsignedEvents: 3,
      });
      expect(await verifyStream(store, 'plain', { keyring: firstOnly })).toEqual({
        ok: false,
        streamId: 'plain',
        version: 0,
        problem: 'unsigned',
        detail: 'the event at version 0 is not signed',
      });
    });

    it('a forged, correctly hashed event appended straight into the storage is caught with the keyring, naming stream and version', async () => {
      const { store } = await signedHistory(ctx);
      const version = await forgeAppend(ctx, store);
      // The chain alone accepts it: its hash is right. Only the missing signature tells.
      expect(await verifyStream(store, 'signed')).toMatchObject({ ok: true, length: 7, unsignedEvents: 1 });
      expect(await verifyStream(store, 'signed', { keyring: firstOnly })).toEqual({
        ok: false,
        streamId: 'signed',
        version,
        problem: 'unsigned',
        detail: `the event at version ${version} is not signed`,
      });
    });

    it('a forged event naming the service key but signed with another key is refused (bad_signature)', async () => {
      const { store } = await signedHistory(ctx);
      const version = await forgeAppend(ctx, store, ed25519Signer('service-2026-01', stranger.privateKey));
      expect(await verifyStream(store, 'signed', { keyring: firstOnly })).toMatchObject({
        ok: false,
        streamId: 'signed',
        version,
        problem: 'bad_signature',
      });
    });

    it('a forged event signed by a key the keyring does not hold is refused (unknown_key)', async () => {
      const { store } = await signedHistory(ctx);
      const version = await forgeAppend(ctx, store, ed25519Signer('forger', stranger.privateKey));
      expect(await verifyStream(store, 'signed', { keyring: firstOnly })).toMatchObject({
        ok: false,
        version,
        problem: 'unknown_key',
        detail: `the event at version ${version} is signed by key forger, which the keyring does not hold`,
      });
    });

    it('a history rewritten with every hash recomputed is refused: the old signatures do not sign the new hashes', async () => {
      const { store } = await signedHistory(ctx);
      await rechain(ctx, store, new Map([[1, { data: { n: 100 } }]]));
      expect(await verifyStream(store, 'signed')).toMatchObject({ ok: true });
      expect(await verifyStream(store, 'signed', { keyring: firstOnly })).toMatchObject({
        ok: false,
        version: 2,
        problem: 'bad_signature',
        detail: 'the signature of version 2 does not sign its hash with key service-2026-01',
      });
    });

    it("a batch's signature removed leaves the batch unsigned, refused from its first version", async () => {
      const { store } = await signedHistory(ctx);
      await ctx.tamper(store).rewriteEvent('signed', 5, { metadata: { signature: undefined } });
      expect(await verifyStream(store, 'signed')).toMatchObject({
        ok: true,
        signedEvents: 4,
        unsignedEvents: 2,
      });
      expect(await verifyStream(store, 'signed', { keyring: firstOnly })).toMatchObject({
        ok: false,
        version: 4,
        problem: 'unsigned',
        detail: 'versions 4 to 5 name a signing key but no signature covers them',
      });
    });

    it('a rotated key keeps the events it signed before the rotation valid; the new key signs what follows', async () => {
      const service = await signedHistory(ctx);
      service.at(MARCH);
      service.use(ed25519Signer('service-2026-02', second.privateKey));
      await service.store.appendToStream('signed', counted(2, 6));
      const events = await collect(service.store.readStream('signed'));
      expect(events.map((e) => e.metadata.keyId).slice(5)).toEqual([
        'service-2026-01',
        'service-2026-02',
        'service-2026-02',
      ]);
      expect(await verifyStream(service.store, 'signed', { keyring: rotatedKeyring() })).toMatchObject({
        ok: true,
        length: 8,
        signedEvents: 8,
      });
    });

    it("a retired key's signature dated after its rotation is refused (key_not_valid)", async () => {
      const service = await signedHistory(ctx);
      service.at(MARCH);
      await service.store.appendToStream('signed', counted(1, 6));
      expect(await verifyStream(service.store, 'signed', { keyring: rotatedKeyring() })).toMatchObject({
        ok: false,
        version: 6,
        problem: 'key_not_valid',
      });
    });

    it("a revoked key's later signatures are refused; what it signed before the revocation stays valid", async () => {
      const service = await signedHistory(ctx);
      service.at(MARCH);
      service.use(ed25519Signer('service-2026-02', second.privateKey));
      await service.store.appendToStream('signed', counted(1, 6));
      service.at(MAY);
      await service.store.appendToStream('signed', counted(1, 7));
      expect(await verifyStream(service.store, 'signed', { keyring: rotatedKeyring(REVOCATION) })).toEqual({
        ok: false,
        streamId: 'signed',
        version: 7,
        problem: 'key_revoked',
        detail: `the event at version 7 is signed by key service-2026-02 on ${MAY}, after its revocation (${REVOCATION})`,
      });
      expect(await verifyStream(service.store, 'signed', { keyring: rotatedKeyring(MAY) })).toMatchObject({
        ok: false,
        version: 7,
        problem: 'key_revoked',
      });
      const revokedLater = rotatedKeyring('2026-06-01T00:00:00.000Z');
      expect(await verifyStream(service.store, 'signed', { keyring: revokedLater })).toMatchObject({
        ok: true,
      });
    });

    it('signs with an HMAC-SHA-256 secret too: the same secret verifies, another one is refused', async () => {
      const secret = crypto.randomBytes(32);
      const store = await ctx.create({ signer: hmacSigner('shared-2026', secret) });
      await store.appendToStream('signed', counted(2));
      const keyring = (key: Buffer) => createKeyring([hmacVerificationKey('shared-2026', key)]);
      expect(await verifyStream(store, 'signed', { keyring: keyring(secret) })).toMatchObject({
        ok: true,
        signedEvents: 2,
      });
      expect(await verifyStream(store, 'signed', { keyring: keyring(crypto.randomBytes(32)) })).toMatchObject(
        {
          ok: false,
          version: 1,
          problem: 'bad_signature',
        },
      );
    });
  });
}
