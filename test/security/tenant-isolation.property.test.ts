import type { EventStore } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import type { DossierActor, DossierService } from '@cartes-badges/domain';
import { dossierStoreOptions } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { postgresUnavailableReason } from '../../packages/postgres/src/testing/pg-available';
import { TestSchemas } from '../../packages/postgres/src/testing/test-schemas';
import fc from 'fast-check';
import { A, A_SIRET, B, B_SIRET, isRight, serviceOn, textOf, written } from './tenant-scenarios';

// Issue 13: for random interleavings of commands from two companies (shared and distinct
// command ids, retries, no-ops), no call returns or writes data of a dossier its actor may not
// read, and replaying any accepted command never changes the stream.
jest.setTimeout(120_000);

type Company = 'A' | 'B';
const COMPANY: Record<Company, { actor: DossierActor; siret: string; other: Company }> = {
  A: { actor: A, siret: A_SIRET, other: 'B' },
  B: { actor: B, siret: B_SIRET, other: 'A' },
};

type Step =
  | { kind: 'create'; who: Company; commandId: string }
  | { kind: 'comment'; who: Company; commandId: string; target: number; text: string }
  | { kind: 'delete'; who: Company; commandId: string; target: number }
  | { kind: 'retry'; index: number };

const who = fc.constantFrom<Company>('A', 'B');
// A small pool, so that both companies often use the same ids, and one company reuses its own.
const commandId = fc.constantFrom('c-1', 'c-2', 'c-3', 'c-4', 'c-5');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), who, commandId }),
  fc.record({
    kind: fc.constant('comment' as const),
    who,
    commandId,
    target: fc.nat(5),
    // Two texts only: a comment is often the one already there (a no-op).
    text: fc.constantFrom('un', 'deux'),
  }),
  fc.record({ kind: fc.constant('delete' as const), who, commandId, target: fc.nat(5) }),
  fc.record({ kind: fc.constant('retry' as const), index: fc.nat(40) }),
);

// Each company's comments carry its name, so that a leak shows in what the other one gets.
const secret = (company: Company, text: string) => `note-${company}-${text}`;

async function run(open: () => EventStore | Promise<EventStore>, steps: readonly Step[]): Promise<void> {
  const store = await open();
  const service: DossierService = serviceOn(store);
  try {
    const dossiers: string[] = [];
    const sent: { who: Company; command: object }[] = [];
    const accepted: { who: Company; command: object }[] = [];
    for (const s of steps) {
      let entry: { who: Company; command: object };
      if (s.kind === 'retry') {
        if (sent.length === 0) continue;
        entry = sent[s.index % sent.length];
      } else {
        const { actor, siret } = COMPANY[s.who];
        const dossierId =
          dossiers.length > 0 ? dossiers[('target' in s ? s.target : 0) % dossiers.length] : undefined;
        if (s.kind !== 'create' && dossierId === undefined) continue;
        const command =
          s.kind === 'create'
            ? { type: 'CreateDraft', commandId: s.commandId, actor, payload: { siret, cardType: 'CHRONO' } }
            : s.kind === 'comment'
              ? {
                  type: 'ChangeComment',
                  commandId: s.commandId,
                  actor,
                  dossierId,
                  payload: { comment: secret(s.who, s.text) },
                }
              : { type: 'DeleteDraft', commandId: s.commandId, actor, dossierId };
        entry = { who: s.who, command };
      }
      sent.push(entry);
      const result = await service.execute(entry.command);
      const { siret, other } = COMPANY[entry.who];
      // Nothing of the other company in any answer, accepted or refused.
      const text = textOf(result);
      expect(text).not.toContain(COMPANY[other].siret);
      expect(text).not.toContain(`note-${other}-`);
      if (isRight(result)) {
        expect(result.right.state.establishment?.siret).toBe(siret);
        if (!dossiers.includes(result.right.dossierId)) dossiers.push(result.right.dossierId);
        accepted.push(entry);
      }
    }
    // Nothing written into a dossier by someone who may not read it.
    const owner = new Map<string, string>();
    for await (const event of store.readAll({ filter: { streamPrefix: 'dossier-' } })) {
      const actor = event.metadata.actor as DossierActor;
      if (event.type === 'DraftCreated') owner.set(event.streamId, actor.userId);
      expect(owner.get(event.streamId)).toBe(actor.userId);
    }
    // Every accepted command, replayed: the earlier outcome, nothing written.
    const before = await written(store);
    for (const { command } of accepted) {
      const again = await service.execute(command);
      expect(isRight(again) && again.right.alreadyHandled).toBe(true);
    }
    expect(await written(store)).toEqual(before);
  } finally {
    await store.close();
  }
}

describe('tenant isolation and idempotency under random interleavings (property)', () => {
  it('R-04 R-26 R-36 on the in-memory store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) =>
        run(() => createInMemoryEventStore(dossierStoreOptions), steps),
      ),
      { numRuns: 150 },
    );
  });

  it('R-04 R-26 R-36 on SQLite', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) =>
        run(() => createSqliteEventStore({ path: ':memory:', ...dossierStoreOptions }), steps),
      ),
      { numRuns: 30 },
    );
  });

  const schemas = new TestSchemas();
  afterAll(() => schemas.dropAll());
  (postgresUnavailableReason() === undefined ? it : it.skip)('R-04 R-26 R-36 on PostgreSQL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), (steps) =>
        run(() => schemas.store(dossierStoreOptions), steps),
      ),
      { numRuns: 8 },
    );
  });
});
