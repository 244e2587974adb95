import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { runProjectionOnce } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import type { DossierActor, DossierStatus } from '@cartes-badges/domain';
import {
  brouillonsProjection,
  createListQueries,
  dossiersProjection,
  LISTED_STATUSES,
} from '@cartes-badges/domain';
import { createFixtureDirectories, FIXTURE_ATTACHMENTS, seededRandom } from '@cartes-badges/domain/fixtures';
import { createInMemoryListReadModel } from '../engine/in-memory-list-read-model';
import { createListsTestApplication, LIST_ACTORS as A } from '../testing/read-side-test-kit';
import { pdfBytes } from '@cartes-badges/domain/testing';
import { listRunnable } from './list-projection-target';

interface Known {
  readonly owner: DossierActor;
  status: DossierStatus;
  readonly cardType: string;
}

const EMPLOYERS = [A.claire, A.marc, A.sophie];
const PROVIDERS = [A.julien, A.amina];
const siretsOf = (actor: DossierActor): string[] =>
  FIXTURE_ATTACHMENTS[actor.userId].flatMap((a) => [...a.sirets]);
const ALL_SIRETS = EMPLOYERS.flatMap((e) => siretsOf(e).map((siret) => ({ siret, owner: e })));
const DOCUMENTS: Record<string, string[]> = {
  CHRONO: ['Copie facture prestataire', 'Facture entreprise'],
  BTP: ['Facture prestataire', 'Liste des salariés bénéficiaires'],
};

describe('lists fed live by the subscription', () => {
  it(
    'equal the lists rebuilt from scratch after 10,000 random commands through the real service',
    async () => {
      const brouillons = createInMemoryListReadModel();
      const dossiers = createInMemoryListReadModel();
      const kit = createListsTestApplication({ readModels: { brouillons, dossiers } });
      kit.app.start();
      const random = seededRandom(20251203);
      const known = new Map<string, Known>();
      let sent = 0;
      let accepted = 0;
      let n = 0;

      async function exec(
        command: Record<string, unknown>,
        owner?: DossierActor,
        cardType?: string,
      ): Promise<void> {
        sent += 1;
        n += 1;
        const result = await kit.app.service.execute({ commandId: `rnd-${n}`, ...command });
        if (E.isLeft(result)) return;
        accepted += 1;
        const entry = known.get(result.right.dossierId);
        if (entry) entry.status = result.right.state.status;
        else if (owner && cardType)
          known.set(result.right.dossierId, { owner, status: result.right.state.status, cardType });
      }
      // Looks at a random window of the dossiers known, not all of them: keeps each pick cheap.
      const pickWith = (statuses: readonly DossierStatus[]): [string, Known] | undefined => {
        const ids = [...known.keys()];
        if (ids.length === 0) return undefined;
        const start = random.int(0, ids.length - 1);
        for (let i = 0; i < Math.min(ids.length, 200); i++) {
          const id = ids[(start + i) % ids.length];
          const k = known.get(id) as Known;
          if (statuses.includes(k.status)) return [id, k];
        }
        return undefined;
      };
      const on = (type: string, actor: DossierActor, dossierId: string, payload?: unknown) =>
        exec({ type, actor, dossierId, ...(payload !== undefined ? { payload } : {}) });

      while (sent < 10_000) {
        const roll = random.next();
        const cardType = random.pick(['CHRONO', 'BTP']);
        if (roll < 0.14) {
          const owner = random.pick(EMPLOYERS);
          await exec(
            { type: 'CreateDraft', actor: owner, payload: { siret: random.pick(siretsOf(owner)), cardType } },
            owner,
            cardType,
          );
        } else if (roll < 0.22) {
          const target = random.pick(ALL_SIRETS);
          const lines = [
            { nature: 'Achat Matériel', unitAmountCents: random.int(500, 9000), quantity: random.int(1, 20) },
          ];
          await exec(
            {
              type: 'SubmitPresaisie',
              actor: random.pick(PROVIDERS),
              payload: { siret: target.siret, cardType, costLines: lines },
            },
            target.owner,
            cardType,
          );
        } else if (roll < 0.32) {
          const draft = pickWith(['draft']);
          const lines = [
            { nature: 'Achat Matériel', unitAmountCents: random.int(500, 9000), quantity: random.int(1, 50) },
          ];
          if (draft) await on('ChangeCostLines', draft[1].owner, draft[0], { lines });
        } else if (roll < 0.36) {
          const draft = pickWith(['draft']);
          if (draft)
            await exec(
              { type: 'DuplicateDraft', actor: draft[1].owner, payload: { sourceDossierId: draft[0] } },
              draft[1].owner,
              draft[1].cardType,
            );
        } else if (roll < 0.4) {
          const draft = pickWith(['draft']);
          if (draft) await on('DeleteDraft', draft[1].owner, draft[0]);
        } else if (roll < 0.46) {
          const ps = pickWith(['presaisie']);
          if (ps) await on('AcceptPresaisie', ps[1].owner, ps[0]);
        } else if (roll < 0.5) {
          const ps = pickWith(['presaisie', 'draft']);
          if (ps) await on('RefusePresaisie', ps[1].owner, ps[0], { reason: 'motif' });
        } else if (roll < 0.62) {
          const draft = pickWith(['draft']);
          if (draft) {
            const [id, k] = draft;
            await on('SaveDraft', k.owner, id, {
              contactEmail: 'rh@exemple.fr',
              providerSearch: '79054321900014',
              costLines: [
                {
                  nature: 'Achat Matériel',
                  unitAmountCents: random.int(500, 9000),
                  quantity: random.int(1, 20),
                },
              ],
              attestations: { honour: true, generalConditions: true, supportingDocuments: true },
            });
            for (const documentType of DOCUMENTS[k.cardType]) {
              await on('AttachDocument', k.owner, id, {
                documentType,
                fileName: 'piece.pdf',
                content: pdfBytes(`${id}${documentType}`),
              });
            }
            await on('TransmitDossier', k.owner, id);
          }
        } else if (roll < 0.8) {
          const moved = pickWith([
            'transmitted',
            'instruction',
            'complementsRequested',
            'complementSubmitted',
            'granted',
            'refused',
            'reimbursed',
          ]);
          if (moved) {
            const [id, k] = moved;
            const next: Record<string, () => Promise<void>> = {
              transmitted: () => on('StartInstruction', A.nathalie, id),
              instruction: () =>
                random.next() < 0.4
                  ? on('RequestComplements', A.nathalie, id, { message: 'Pièce manquante' })
                  : random.next() < 0.7
                    ? on('GrantFunding', A.nathalie, id, { amountGrantedCents: 100 })
                    : on('RefuseFunding', A.nathalie, id, { reason: 'Hors budget' }),
              complementsRequested: () => on('SubmitComplement', k.owner, id, { comment: 'voici' }),
              complementSubmitted: () =>
                random.next() < 0.5
                  ? on('GrantFunding', A.nathalie, id, { amountGrantedCents: 100 })
                  : on('CancelDossier', A.nathalie, id, {}),
              granted: () => on('RecordReimbursement', A.nathalie, id, { amountPaidCents: 100 }),
              refused: () => on('CloseDossier', A.nathalie, id),
              reimbursed: () => on('CloseDossier', A.nathalie, id),
            };
            await next[k.status]();
          }
        } else {
          // Anything on anyone's dossier: refused commands must leave the lists untouched.
          const any = [...known.keys()];
          if (any.length > 0)
            await on(
              random.pick(['DeleteDraft', 'AcceptPresaisie', 'TransmitDossier', 'CloseDossier']),
              random.pick([...EMPLOYERS, ...PROVIDERS]),
              random.pick(any),
            );
        }
      }
      await kit.app.whenIdle();
      await kit.app.stop();

      const rebuiltBrouillons = createInMemoryListReadModel();
      const rebuiltDossiers = createInMemoryListReadModel();
      await runProjectionOnce(kit.store, listRunnable(brouillonsProjection, rebuiltBrouillons), {
        batchSize: 500,
      });
      await runProjectionOnce(kit.store, listRunnable(dossiersProjection, rebuiltDossiers), {
        batchSize: 500,
      });

      const statuses = new Set([...known.values()].map((k) => k.status));
      expect(accepted).toBeGreaterThan(5000);
      expect(statuses).toEqual(new Set(LISTED_STATUSES));
      expect(rebuiltBrouillons.rows().size).toBeGreaterThan(100);
      expect(rebuiltDossiers.rows().size).toBeGreaterThan(100);
      expect(new Map(brouillons.rows())).toEqual(new Map(rebuiltBrouillons.rows()));
      expect(new Map(dossiers.rows())).toEqual(new Map(rebuiltDossiers.rows()));
      expect(await brouillons.readCheckpoint()).toEqual(await rebuiltBrouillons.readCheckpoint());
      const attachments = createFixtureDirectories().attachments;
      const rebuiltLists = {
        brouillons: createListQueries('brouillons', rebuiltBrouillons, attachments),
        dossiers: createListQueries('dossiers', rebuiltDossiers, attachments),
      };
      for (const list of ['brouillons', 'dossiers'] as const) {
        for (const actor of [A.claire, A.marc, A.julien, A.nathalie]) {
          for (const request of [
            {},
            { search: 'chrono' },
            { filters: { state: 'granted' as const } },
            { page: 2 },
          ]) {
            const live = await kit.app[list].list({ actor, ...request });
            expect(E.isRight(live)).toBe(true);
            expect(live).toEqual(await rebuiltLists[list].list({ actor, ...request }));
          }
        }
      }
    },
    scaledTimeout(60_000),
  );
});
