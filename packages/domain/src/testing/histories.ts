import type { Int } from 'io-ts';
import { cardTypeSnapshot, type DossierEvent } from '../dossier';
import { CHRONO } from '../catalogue';
import type { Email } from '../identifiers';
import type { FileMetadata } from '../ports';
import { DOSSIER_ID } from './commands';
import { CSD_PROVIDER, HUM_CLICHY } from './reference-data';

/** Metadata of a stored file, as the blob store and the upload check would give it. */
export function fileMetadata(name: string, seed = name): FileMetadata {
  const hex = Buffer.from(seed).toString('hex').padEnd(64, '0').slice(0, 64);
  return { name, size: 1234, mediaType: 'application/pdf', format: 'pdf', sha256: hex, storageKey: hex };
}

/** DraftCreated of DOSSIER_ID for HUM Clichy, tachograph card, draft 10999. */
export function draftCreated(draftNumber = 10999, dossierId = DOSSIER_ID): DossierEvent {
  return {
    type: 'DraftCreated',
    data: {
      dossierId,
      draftNumber: draftNumber as Int,
      establishment: HUM_CLICHY,
      cardType: cardTypeSnapshot(CHRONO),
    },
  };
}

/** PresaisieSubmitted by CSD for HUM Clichy. */
export function presaisieSubmitted(draftNumber = 10901, dossierId = DOSSIER_ID): DossierEvent {
  return {
    type: 'PresaisieSubmitted',
    data: {
      dossierId,
      draftNumber: draftNumber as Int,
      establishment: HUM_CLICHY,
      cardType: cardTypeSnapshot(CHRONO),
      provider: CSD_PROVIDER,
      contactEmail: 'rh@hum-interim.fr' as Email,
      costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 10 }],
      comment: 'Pré-saisie préparée par CSD',
    },
  };
}

/** The events that complete a draft (every tab valid): email, provider, a line, attestations, documents. */
export function completingEvents(): DossierEvent[] {
  return [
    { type: 'ContactEmailChanged', data: { email: 'amoa1@hum-interim.fr' as Email } },
    { type: 'ProviderSelected', data: { provider: CSD_PROVIDER } },
    {
      type: 'CostLinesChanged',
      data: { lines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 }] },
    },
    { type: 'AttestationGiven', data: { attestation: 'honour' } },
    { type: 'AttestationGiven', data: { attestation: 'generalConditions' } },
    { type: 'AttestationGiven', data: { attestation: 'supportingDocuments' } },
    {
      type: 'DocumentAttached',
      data: {
        documentId: '00000000-0000-4000-8000-00000000d001',
        documentType: 'Copie facture prestataire',
        file: fileMetadata('copie-facture.pdf'),
      },
    },
    {
      type: 'DocumentAttached',
      data: {
        documentId: '00000000-0000-4000-8000-00000000d002',
        documentType: 'Facture entreprise',
        file: fileMetadata('facture.pdf'),
      },
    },
  ];
}

/** A complete draft, ready to transmit. */
export function completeDraft(): DossierEvent[] {
  return [draftCreated(), ...completingEvents()];
}

/** A transmitted dossier (total 210,00 €). */
export function transmittedDossier(dossierNumber = '2512AF000408'): DossierEvent[] {
  return [...completeDraft(), { type: 'Transmitted', data: { dossierNumber, totalAmountCents: 21000 } }];
}

/** A pré-saisie accepted by the employer and completed, ready to transmit. */
export function acceptedCompletePresaisie(): DossierEvent[] {
  return [
    presaisieSubmitted(),
    { type: 'PresaisieAccepted', data: {} },
    ...completingEvents().filter((e) => e.type !== 'ProviderSelected'),
  ];
}
