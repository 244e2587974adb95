import type { DossierActor, ProviderSnapshot } from '@cartes-badges/domain';
import { BTP, CHRONO } from '@cartes-badges/domain';
import { samplePdf } from '@cartes-badges/domain/fixtures';
import type { DossierPlan } from './plan';

/** The card types of the demo and a realistic unit price each (spec: 52,50 € and 9,80 € HT). */
export const CARD_PRICES: Readonly<Record<string, number>> = { CHRONO: 5250, BTP: 980 };

/** The documents each card type requires, with a file name for each. */
export function requiredDocuments(cardType: string): { documentType: string; fileName: string }[] {
  const definition = cardType === 'BTP' ? BTP : CHRONO;
  return definition.requiredDocumentTypes.map((documentType) => ({
    documentType,
    fileName: `${documentType
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')}.pdf`,
  }));
}

/** "Enregistrer" with everything the Employeur, Prestation and Synthèse tabs need. */
export function fillForm(
  plan: DossierPlan,
  hours: number,
  actor: DossierActor,
  form: {
    readonly email: string;
    readonly provider?: ProviderSnapshot;
    readonly unitAmountCents?: number;
    readonly quantity?: number;
    readonly reference?: string;
    readonly attestations?: boolean;
  },
): DossierPlan {
  return plan.then(hours, 'SaveDraft', actor, {
    contactEmail: form.email,
    ...(form.provider ? { providerSearch: form.provider.siret } : {}),
    ...(form.reference ? { internalReference: form.reference } : {}),
    ...(form.unitAmountCents !== undefined
      ? {
          costLines: [
            { nature: 'Achat Matériel', unitAmountCents: form.unitAmountCents, quantity: form.quantity ?? 1 },
          ],
        }
      : {}),
    ...(form.attestations
      ? { attestations: { honour: true, generalConditions: true, supportingDocuments: true } }
      : {}),
  });
}

/** Attaches one PDF for each required document type of the card type, a few minutes apart. */
export function attachRequired(
  plan: DossierPlan,
  actor: DossierActor,
  cardType: string,
  label: string,
): DossierPlan {
  for (const doc of requiredDocuments(cardType)) {
    plan.then(0.1, 'AttachDocument', actor, {
      documentType: doc.documentType,
      fileName: doc.fileName,
      content: samplePdf(`${doc.documentType} - ${label}`),
    });
  }
  return plan;
}
