import type { Actor } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore, createInMemoryPersonalDataKeys } from '@cartes-badges/eventsourcing';
import type { DossierActor, DossierCommandType } from '../dossier';
import { DOSSIER_COMMAND_TYPES, protectDossierStore, protectedDossierStoreOptions } from '../dossier';
import type { Siren, Siret } from '../identifiers';
import {
  caseManager,
  createTestDossierService,
  CSD_PROVIDER,
  employer,
  executeOk,
  HUM_CLICHY,
  pdfBytes,
  provider,
} from '../testing';

// "Who acted" (spec: every event carries its actor: user id, role and the SIREN/SIRET acted
// for; R-35: each instruction move has the case manager as actor). Every kind of command is
// sent through the service by a chosen actor, then every event read back from the store must
// name exactly that actor: a service that recorded every event as `system`, or dropped the
// SIREN/SIRET a provider acts for, fails here.

const employerForClichy: DossierActor = {
  role: 'adherent',
  userId: 'amoa1',
  siren: HUM_CLICHY.siren as Siren,
  siret: HUM_CLICHY.siret as Siret,
};
const batch: DossierActor = { role: 'system', userId: 'relances-nocturnes' };
const LINE = { nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 };

describe('who acted, on the events of every kind of command', () => {
  it('R-35 R-04 each event records the actor of its command: role, user, SIREN and SIRET', async () => {
    // Personal values sealed (so that the erasure can be sent too), kept 0 days once ended.
    const { service, store } = createTestDossierService({
      allowSystemActor: true,
      store: protectDossierStore(
        createInMemoryEventStore(protectedDossierStoreOptions),
        createInMemoryPersonalDataKeys(),
      ),
      retention: { retentionDays: 0 },
    });
    const sent = new Map<string, { type: DossierCommandType; actor: DossierActor }>();
    let n = 0;
    const act = async (
      actor: DossierActor,
      type: DossierCommandType,
      dossierId?: string,
      payload?: unknown,
    ): Promise<{ dossierId: string; documentId?: string }> => {
      const commandId = `who-${(n += 1)}`;
      sent.set(commandId, { type, actor });
      const result = await executeOk(service, {
        type,
        commandId,
        actor,
        ...(dossierId !== undefined ? { dossierId } : {}),
        ...(payload !== undefined ? { payload } : {}),
      });
      const attached = result.events.find((e) => e.type === 'DocumentAttached');
      return {
        dossierId: result.dossierId,
        ...(attached ? { documentId: (attached.data as { documentId: string }).documentId } : {}),
      };
    };
    const attach = (actor: DossierActor, dossierId: string, documentType: string) =>
      act(actor, 'AttachDocument', dossierId, {
        documentType,
        fileName: `${documentType}.pdf`,
        content: pdfBytes(documentType),
      });
    const complete = async (actor: DossierActor): Promise<string> => {
      const { dossierId } = await act(actor, 'CreateDraft', undefined, {
        siret: HUM_CLICHY.siret,
        cardType: 'CHRONO',
      });
      await act(actor, 'SaveDraft', dossierId, {
        contactEmail: 'amoa1@hum-interim.fr',
        providerSearch: CSD_PROVIDER.siren,
        costLines: [LINE],
        attestations: { honour: true, generalConditions: true, supportingDocuments: true },
      });
      await attach(actor, dossierId, 'Copie facture prestataire');
      await attach(actor, dossierId, 'Facture entreprise');
      await act(actor, 'TransmitDossier', dossierId);
      return dossierId;
    };

    // Pré-saisies: the provider submits and handles its files; the employer accepts or refuses.
    const presaisie = { siret: HUM_CLICHY.siret, cardType: 'CHRONO', costLines: [LINE] };
    const { dossierId: refusedOne } = await act(provider, 'SubmitPresaisie', undefined, presaisie);
    const { documentId: providerFile } = await attach(provider, refusedOne, 'Autre');
    await act(provider, 'RemoveDocument', refusedOne, { documentId: providerFile });
    await act(employer, 'RefusePresaisie', refusedOne, { reason: 'Pas commandé' });
    const { dossierId: acceptedOne } = await act(provider, 'SubmitPresaisie', undefined, presaisie);
    await act(employerForClichy, 'AcceptPresaisie', acceptedOne);

    // A draft edited field by field, duplicated, the copy deleted.
    const { dossierId: draft } = await act(employerForClichy, 'CreateDraft', undefined, {
      siret: HUM_CLICHY.siret,
      cardType: 'CHRONO',
    });
    await act(employer, 'ChangeContactEmail', draft, { email: 'amoa1@hum-interim.fr' });
    await act(employerForClichy, 'SelectProvider', draft, { search: CSD_PROVIDER.siret });
    await act(employer, 'ChangeInternalReference', draft, { internalReference: 'REF-7' });
    await act(employerForClichy, 'ChangeCostLines', draft, { lines: [LINE] });
    await act(employer, 'GiveAttestation', draft, { attestation: 'honour' });
    await act(employerForClichy, 'WithdrawAttestation', draft, { attestation: 'honour' });
    await act(employer, 'ChangeComment', draft, { comment: 'Pour Lyon' });
    const { documentId: draftFile } = await attach(employerForClichy, draft, 'Autre');
    await act(employer, 'RemoveDocument', draft, { documentId: draftFile });
    const { dossierId: copy } = await act(employerForClichy, 'DuplicateDraft', undefined, {
      sourceDossierId: draft,
    });
    await act(employer, 'DeleteDraft', copy);

    // Instruction, by case managers and the application's own jobs, answered by the employer.
    const granted = await complete(employerForClichy);
    await act(caseManager, 'StartInstruction', granted);
    await act(batch, 'RequestComplements', granted, { message: 'Joindre le devis' });
    await act(employerForClichy, 'SubmitComplement', granted, { comment: 'Devis joint' });
    await act(caseManager, 'GrantFunding', granted, { amountGrantedCents: 20_000 });
    await act(batch, 'RecordReimbursement', granted, { amountPaidCents: 20_000 });
    await act(caseManager, 'CloseDossier', granted);
    await act(batch, 'ErasePersonalData', granted, { reason: 'Durée de conservation échue' });
    const refused = await complete(employer);
    await act(batch, 'StartInstruction', refused);
    await act(caseManager, 'RefuseFunding', refused, { reason: 'Hors barème' });
    await act(employer, 'CancelDossier', await complete(employer), { reason: 'Commande annulée' });
    await act(caseManager, 'CancelDossier', await complete(employerForClichy));

    expect(new Set([...sent.values()].map((c) => c.type))).toEqual(new Set(DOSSIER_COMMAND_TYPES));
    const seen = new Set<string>();
    for await (const event of store.readAll()) {
      const command = sent.get(event.metadata.commandId ?? '');
      if (command === undefined) continue; // numbering and other bookkeeping streams
      seen.add(event.metadata.commandId!);
      const expected: Actor = { ...command.actor };
      expect({ command: command.type, event: event.type, actor: event.metadata.actor }).toEqual({
        command: command.type,
        event: event.type,
        actor: expected,
      });
    }
    // Every command wrote at least one event, and each was checked.
    expect([...sent.keys()].filter((id) => !seen.has(id))).toEqual([]);
  });
});
