/// <reference types="jest" />
// Shared by the cross-store security tests (test code, never published): two companies and two
// providers send commands to one store; each scenario checks what every caller gets back and
// what was written.
import type { EventStore } from '@cartes-badges/eventsourcing';
import type { DossierActor, DossierService, ExecuteResult } from '@cartes-badges/domain';
import { createDossierService, fixedClock } from '@cartes-badges/domain';
import {
  createFixtureDirectories,
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_PROVIDERS,
  FIXTURE_USERS,
} from '@cartes-badges/domain/fixtures';
import { assertRight } from '@cartes-badges/eventsourcing/testing';

/** Company A's user (Interim Services, Clichy) and company B's (Hauts-de-France Intérim, Lille). */
export const A: DossierActor = { role: 'adherent', userId: FIXTURE_USERS.claire.id };
export const B: DossierActor = { role: 'adherent', userId: FIXTURE_USERS.sophie.id };
export const A_SIRET = FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret;
export const B_SIRET = FIXTURE_ESTABLISHMENTS.hautsDeFranceLille.siret;
/** Julien works for the tachograph provider; Amina for the BTP one. */
export const JULIEN: DossierActor = {
  role: 'prestataire',
  userId: FIXTURE_USERS.julien.id,
  siren: FIXTURE_PROVIDERS.chronoLyon.siren,
  siret: FIXTURE_PROVIDERS.chronoLyon.siret,
};

/** The dossier service of the fixtures over `store`. */
export function serviceOn(store: EventStore, options: { allowSystemActor?: boolean } = {}): DossierService {
  const directories = createFixtureDirectories();
  return createDossierService({
    store,
    establishments: directories.establishmentDirectory,
    providers: directories.providerDirectory,
    attachments: directories.attachments,
    providerAttachments: directories.providerAttachments,
    blobStore: directories.blobStore,
    clock: fixedClock('2026-01-15T09:30:00.000Z'),
    ...options,
  });
}

// No fp-ts import here: the root has no copy of its own, and the library's Either is plain data.
/** What a refusal looks like to `toEqual`. */
export const leftWith = (error: unknown) => ({ _tag: 'Left', left: error });
/** True for an accepted outcome. */
export const isRight = <R>(
  result: { _tag: 'Left' } | { _tag: 'Right'; right: R },
): result is { _tag: 'Right'; right: R } => result._tag === 'Right';

/** The accepted outcome, or a thrown error naming the refusal. */
export async function accepted(service: DossierService, command: object): Promise<ExecuteResult> {
  const result = await service.execute(command);
  if (result._tag === 'Left') throw new Error(`refused: ${result.left.code} ${result.left.message}`);
  return result.right;
}

/** Every stored event as `stream type commandId`, to compare what was written. */
export async function written(store: EventStore): Promise<string[]> {
  const lines: string[] = [];
  for await (const e of store.readAll()) lines.push(`${e.streamId} ${e.type} ${e.metadata.commandId}`);
  return lines;
}

/** Everything a caller got back, as text (positions are bigints), to look for another's data in it. */
export const textOf = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Runs every scenario on the store `open` gives (a fresh one for each). */
export function tenantScenarios(name: string, open: () => Promise<EventStore>): void {
  describe(`two companies on one ${name} store`, () => {
    let store: EventStore;
    let service: DossierService;
    beforeEach(async () => {
      store = await open();
      service = serviceOn(store);
    });
    afterEach(() => store.close());

    const create = (actor: DossierActor, siret: string, commandId: string) => ({
      type: 'CreateDraft',
      commandId,
      actor,
      payload: { siret, cardType: 'CHRONO' },
    });

    it("R-04 R-36 company B's CreateDraft reusing A's command id creates B's own draft, never returns A's", async () => {
      const a = await accepted(service, create(A, A_SIRET, 'create-1'));
      const b = await accepted(service, create(B, B_SIRET, 'create-1'));
      expect(b.alreadyHandled).toBe(false);
      expect(b.dossierId).not.toBe(a.dossierId);
      expect(b.state.establishment?.siret).toBe(B_SIRET);
      expect(textOf(b)).not.toContain(A_SIRET);
      // Each retry still finds its own.
      expect((await accepted(service, create(A, A_SIRET, 'create-1'))).dossierId).toBe(a.dossierId);
      expect((await accepted(service, create(B, B_SIRET, 'create-1'))).dossierId).toBe(b.dossierId);
    });

    it("R-04 R-26 company B sending a command under A's command id on A's dossier is refused, never sees A's data, writes nothing", async () => {
      const a = await accepted(service, create(A, A_SIRET, 'create-1'));
      await accepted(service, {
        type: 'ChangeComment',
        commandId: 'comment-1',
        actor: A,
        dossierId: a.dossierId,
        payload: { comment: 'Secret de A' },
      });
      const before = await written(store);
      for (const command of [
        {
          type: 'ChangeComment',
          commandId: 'comment-1',
          actor: B,
          dossierId: a.dossierId,
          payload: { comment: 'Secret de A' },
        },
        { type: 'DeleteDraft', commandId: 'comment-1', actor: B, dossierId: a.dossierId },
        // The creation retried under A's dossier id and command id, as if B were A.
        { ...create(B, A_SIRET, 'create-1'), dossierId: a.dossierId },
      ]) {
        const result = await service.execute(command);
        // B gets the answer the same command gets under a command id never used: nothing tells
        // B that A used this id (a creation naming an existing dossier id is refused as such).
        const fresh = await service.execute({ ...command, commandId: `fresh-${command.type}` });
        expect(result).toEqual(fresh);
        const expectedCode =
          command.type === 'ChangeComment' || command.type === 'DeleteDraft'
            ? 'NOT_AUTHORISED'
            : 'DOSSIER_ALREADY_EXISTS';
        expect(result).toEqual(leftWith(expect.objectContaining({ code: expectedCode })));
        expect(textOf(result)).not.toContain('Secret de A');
        expect(textOf(result)).not.toContain(A_SIRET);
      }
      expect(await written(store)).toEqual(before);
    });

    it('R-36 another command under a used command id is refused (COMMAND_ID_REUSED), nothing written; the same one gets its outcome', async () => {
      const a = await accepted(service, create(A, A_SIRET, 'create-1'));
      const first = {
        type: 'ChangeComment',
        commandId: 'c-1',
        actor: A,
        dossierId: a.dossierId,
        payload: { comment: 'A' },
      };
      await accepted(service, first);
      const before = await written(store);
      const reused = await service.execute({ ...first, payload: { comment: 'autre chose' } });
      expect(reused).toEqual(
        leftWith(
          expect.objectContaining({
            code: 'COMMAND_ID_REUSED',
            field: 'commandId',
            message: expect.stringMatching(/déjà servi/),
          }),
        ),
      );
      const otherType = await service.execute({
        type: 'DeleteDraft',
        commandId: 'c-1',
        actor: A,
        dossierId: a.dossierId,
      });
      expect(otherType).toEqual(leftWith(expect.objectContaining({ code: 'COMMAND_ID_REUSED' })));
      const reusedCreation = await service.execute({
        ...create(A, A_SIRET, 'create-1'),
        payload: { siret: A_SIRET, cardType: 'BTP' },
      });
      expect(reusedCreation).toEqual(leftWith(expect.objectContaining({ code: 'COMMAND_ID_REUSED' })));
      expect(await written(store)).toEqual(before);
      const retry = await accepted(service, first);
      expect(retry.alreadyHandled).toBe(true);
    });

    it('R-36 comment "A", then "B", then the retry of the first (a no-op when sent): the comment stays "B"', async () => {
      const a = await accepted(service, create(A, A_SIRET, 'create-1'));
      const on = (commandId: string, type: string, payload: object) => ({
        type,
        commandId,
        actor: A,
        dossierId: a.dossierId,
        payload,
      });
      await accepted(service, on('save-1', 'SaveDraft', { comment: 'A' }));
      const first = on('comment-a', 'ChangeComment', { comment: 'A' });
      const noOp = await accepted(service, first);
      expect(noOp.events).toEqual([]);
      await accepted(service, on('comment-b', 'ChangeComment', { comment: 'B' }));
      const retry = await accepted(service, first);
      expect(retry).toMatchObject({ alreadyHandled: true, events: [] });
      expect(retry.state.comment).toBe('B');
      const loaded = await service.load(a.dossierId, A);
      expect(assertRight(loaded).comment).toBe('B');
    });

    it('R-04 a provider user acts and reads only for the provider it is attached to', async () => {
      const presaisie = (actor: DossierActor, commandId: string) => ({
        type: 'SubmitPresaisie',
        commandId,
        actor,
        payload: {
          siret: A_SIRET,
          cardType: 'CHRONO',
          costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 2 }],
        },
      });
      const own = await accepted(service, presaisie(JULIEN, 'p-1'));
      const btp = FIXTURE_PROVIDERS.btpNanterre;
      const impostor: DossierActor = { ...JULIEN, siren: btp.siren, siret: btp.siret };
      const before = await written(store);
      expect(await service.execute(presaisie(impostor, 'p-2'))).toEqual(
        leftWith(expect.objectContaining({ code: 'NOT_AUTHORISED' })),
      );
      // A SIRET of its own provider's SIREN that it is not attached to: refused too.
      expect(
        await service.execute(
          presaisie({ ...JULIEN, siret: undefined, siren: btp.siren } as DossierActor, 'p-3'),
        ),
      ).toEqual(leftWith(expect.objectContaining({ code: 'NOT_AUTHORISED' })));
      expect(await written(store)).toEqual(before);
      const amina: DossierActor = {
        role: 'prestataire',
        userId: FIXTURE_USERS.amina.id,
        siren: FIXTURE_PROVIDERS.chronoLyon.siren,
      };
      expect(await service.load(own.dossierId, amina)).toEqual(
        leftWith(expect.objectContaining({ code: 'NOT_AUTHORISED' })),
      );
      assertRight(await service.load(own.dossierId, JULIEN));
    });

    it('R-04 role system is refused from a caller unless the embedding opts in; actors with inherited fields are refused', async () => {
      const a = await accepted(service, create(A, A_SIRET, 'create-1'));
      const system: DossierActor = { role: 'system', userId: 'me' };
      expect(await service.load(a.dossierId, system)).toEqual(
        leftWith(expect.objectContaining({ code: 'NOT_AUTHORISED' })),
      );
      expect(
        await service.execute({
          type: 'CancelDossier',
          commandId: 'x-1',
          actor: system,
          dossierId: a.dossierId,
        }),
      ).toEqual(leftWith(expect.objectContaining({ code: 'NOT_AUTHORISED' })));
      assertRight(await serviceOn(store, { allowSystemActor: true }).load(a.dossierId, system));

      const forged = Object.create({ role: 'adherent' }) as DossierActor;
      Object.assign(forged, { userId: FIXTURE_USERS.claire.id });
      expect(await service.execute({ ...create(forged, A_SIRET, 'create-2') })).toEqual(
        leftWith(expect.objectContaining({ code: 'FORMAT', field: 'actor.role' })),
      );
      expect(await service.load(a.dossierId, forged)).toEqual(
        leftWith(expect.objectContaining({ code: 'FORMAT', field: 'actor.role' })),
      );
    });
  });
}
