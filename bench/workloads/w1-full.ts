import { createTestDossierService, employer, HUM_CLICHY, pdfBytes } from '@cartes-badges/domain/testing';
import type { DossierService } from '@cartes-badges/domain';
import { COMMANDS_PER_DOSSIER } from './commands';

/** The documents each dossier attaches (the first two are the ones transmission requires). */
const DOCUMENTS = [
  { documentType: 'Copie facture prestataire', fileName: 'copie.pdf' },
  { documentType: 'Facture entreprise', fileName: 'facture.pdf' },
  { documentType: 'Autre', fileName: 'devis.pdf' },
  { documentType: 'Autre', fileName: 'bon-de-commande.pdf' },
] as const;

/** The four tabs' fields, saved one command at a time (as a user saving each tab would). */
const DRAFT_SAVES: readonly unknown[] = [
  { contactEmail: 'amoa1@hum-interim.fr' },
  { providerSearch: '812345676' },
  { costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 }] },
  { attestations: { honour: true, generalConditions: true, supportingDocuments: true } },
];

/**
 * W1-full: the same 10 commands per dossier as W1 (create, 4 saves, 4 attachments, transmit),
 * through the real dossier service: io-ts decoding, authorisation, reference-data lookups,
 * file checks, validation per tab, numbering and the hash-chained in-memory store.
 * Round by round over the dossiers, as W1. Returns the number of commands handled.
 */
export async function runFullDomain(dossiers: number): Promise<number> {
  const { service } = createTestDossierService();
  const ids: string[] = [];
  const contents = DOCUMENTS.map((document) => pdfBytes(document.fileName));
  for (let index = 0; index < dossiers; index++) {
    const created = await accepted(service, {
      type: 'CreateDraft',
      commandId: `d${index}-create`,
      actor: employer,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
    });
    ids.push(created.dossierId);
  }
  const on = (index: number, type: string, step: string, payload?: unknown) => ({
    type,
    commandId: `d${index}-${step}`,
    actor: employer,
    dossierId: ids[index],
    ...(payload === undefined ? {} : { payload }),
  });
  for (const [save, payload] of DRAFT_SAVES.entries()) {
    for (let index = 0; index < dossiers; index++)
      await accepted(service, on(index, 'SaveDraft', `save${save}`, payload));
  }
  for (const [n, document] of DOCUMENTS.entries()) {
    for (let index = 0; index < dossiers; index++) {
      await accepted(service, on(index, 'AttachDocument', `doc${n}`, { ...document, content: contents[n] }));
    }
  }
  for (let index = 0; index < dossiers; index++) {
    const transmitted = await accepted(service, on(index, 'TransmitDossier', 'transmit'));
    if (transmitted.state.status !== 'transmitted')
      throw new Error(`W1-full: dossier ${index} not transmitted`);
  }
  return dossiers * COMMANDS_PER_DOSSIER;
}

async function accepted(service: DossierService, command: unknown) {
  const result = await service.execute(command);
  if (result._tag === 'Left') throw new Error(`W1-full: refused ${JSON.stringify(result.left)}`);
  return result.right;
}
