import { assertRight, scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { EventStore } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import type { DossierActor, DossierService } from '@cartes-badges/domain';
import { dossierStoreOptions } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { postgresUnavailableReason } from '../../packages/postgres/src/testing/pg-available';
import { TestSchemas } from '../../packages/postgres/src/testing/test-schemas';
import fc from 'fast-check';
import { A, A_SIRET, B, B_SIRET, isRight, JULIEN, serviceOn, textOf, written } from './tenant-scenarios';

// Issue 13: for random interleavings of commands from two companies and a provider (shared and distinct
// command ids, retries, no-ops), no call returns or writes data of a dossier its actor may not
// read, and replaying any accepted command never changes the stream.
jest.setTimeout(scaledTimeout(120_000));

type Company = 'A' | 'B';
/** The two companies' users, and P: Julien, a user of the tachograph provider. */
type Who = Company | 'P';
const COMPANY: Record<Company, { actor: DossierActor; siret: string; other: Company }> = {
  A: { actor: A, siret: A_SIRET, other: 'B' },
  B: { actor: B, siret: B_SIRET, other: 'A' },
};
const ACTOR: Record<Who, DossierActor> = { A, B, P: JULIEN };

type Step =
  | { kind: 'create'; who: Company; commandId: string }
  | { kind: 'presaisie'; forCompany: Company; commandId: string }
  | { kind: 'comment'; who: Who; commandId: string; target: number; text: string }
  | { kind: 'accept' | 'delete'; who: Who; commandId: string; target: number }
  | { kind: 'retry'; index: number };

const company = fc.constantFrom<Company>('A', 'B');
const who = fc.constantFrom<Who>('A', 'B', 'P');
// A small pool, so that both companies often use the same ids, and one company reuses its own.
const commandId = fc.constantFrom('c-1', 'c-2', 'c-3', 'c-4', 'c-5');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), who: company, commandId }),
  fc.record({ kind: fc.constant('presaisie' as const), forCompany: company, commandId }),
  fc.record({
    kind: fc.constant('comment' as const),
    who,
    commandId,
    target: fc.nat(5),
    // Two texts only: a comment is often the one already there (a no-op).
    text: fc.constantFrom('un', 'deux'),
  }),
  fc.record({
    kind: fc.constantFrom('accept' as const, 'delete' as const),
    who,
    commandId,
    target: fc.nat(5),
  }),
  fc.record({ kind: fc.constant('retry' as const), index: fc.nat(40) }),
);

// Each party's comments carry its name, so that a leak shows in what another one gets.
const secret = (who: Who, text: string) => `note-${who}-${text}`;
const COMMAND_TYPE = { accept: 'AcceptPresaisie', delete: 'DeleteDraft' } as const;

function commandOf(s: Exclude<Step, { kind: 'retry' }>, dossierId: string | undefined): object | undefined {
  switch (s.kind) {
    case 'create':
      return {
        type: 'CreateDraft',
        commandId: s.commandId,
        actor: ACTOR[s.who],
        payload: { siret: COMPANY[s.who].siret, cardType: 'CHRONO' },
      };
    case 'presaisie':
      return {
        type: 'SubmitPresaisie',
        commandId: s.commandId,
        actor: JULIEN,
        payload: {
          siret: COMPANY[s.forCompany].siret,
          cardType: 'CHRONO',
          costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 1 }],
          comment: secret('P', s.forCompany),
        },
      };
    case 'comment':
      return dossierId === undefined
        ? undefined
        : {
            type: 'ChangeComment',
            commandId: s.commandId,
            actor: ACTOR[s.who],
            dossierId,
            payload: { comment: secret(s.who, s.text) },
          };
    default:
      return dossierId === undefined
        ? undefined
        : { type: COMMAND_TYPE[s.kind], commandId: s.commandId, actor: ACTOR[s.who], dossierId };
  }
}

// The oracle, written apart from the library's rules: what each party may get back.
function checkAnswer(sender: Who, result: Parameters<typeof textOf>[0]): void {
  const text = textOf(result);
  if (sender === 'P') {
    // A provider reads its own pré-saisies (the employer's later comments included), nothing else.
    const answer = result as {
      _tag: string;
      right?: { state: { presaisieProvider: { siren: string } | null } };
    };
    if (answer._tag === 'Right') expect(answer.right?.state.presaisieProvider?.siren).toBe(JULIEN.siren);
    else expect(text).not.toMatch(/note-[AB]-/);
    return;
  }
  const { siret, other } = COMPANY[sender];
  expect(text).not.toContain(COMPANY[other].siret);
  expect(text).not.toContain(`note-${other}-`);
  const answer = result as { _tag: string; right?: { state: { establishment: { siret: string } | null } } };
  if (answer._tag === 'Right') expect(answer.right?.state.establishment?.siret).toBe(siret);
}

async function run(open: () => EventStore | Promise<EventStore>, steps: readonly Step[]): Promise<void> {
  const store = await open();
  const service: DossierService = serviceOn(store);
  try {
    const dossiers: string[] = [];
    const sent: { who: Who; command: object }[] = [];
    const accepted: object[] = [];
    for (const s of steps) {
      let entry: { who: Who; command: object };
      if (s.kind === 'retry') {
        if (sent.length === 0) continue;
        entry = sent[s.index % sent.length];
      } else {
        const target =
          'target' in s && dossiers.length > 0 ? dossiers[s.target % dossiers.length] : undefined;
        const command = commandOf(s, target);
        if (command === undefined) continue;
        entry = { who: s.kind === 'presaisie' ? 'P' : s.who, command };
      }
      sent.push(entry);
      const result = await service.execute(entry.command);
      checkAnswer(entry.who, result);
      if (isRight(result)) {
        if (!dossiers.includes(result.right.dossierId)) dossiers.push(result.right.dossierId);
        accepted.push(entry.command);
      }
    }
    // Nothing written into a dossier by someone who may not read it.
    const readers = new Map<string, { siret: string; providerSiren: string | null }>();
    for await (const event of store.readAll({ filter: { streamPrefix: 'dossier-' } })) {
      const data = event.data as { establishment?: { siret: string }; provider?: { siren: string } };
      if (event.type === 'DraftCreated' || event.type === 'PresaisieSubmitted') {
        readers.set(event.streamId, {
          siret: data.establishment!.siret,
          providerSiren: event.type === 'PresaisieSubmitted' ? data.provider!.siren : null,
        });
      }
      const stream = readers.get(event.streamId)!;
      const actor = event.metadata.actor as DossierActor;
      if (actor.role === 'prestataire') expect(actor.siren).toBe(stream.providerSiren);
      else expect(actor.userId).toBe((stream.siret === A_SIRET ? A : B).userId);
    }
    // Every accepted command, replayed: the earlier outcome, nothing written.
    const before = await written(store);
    for (const command of accepted) {
      const again = await service.execute(command);
      expect(assertRight(again).alreadyHandled).toBe(true);
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
