import * as E from 'fp-ts/Either';
import type { Int } from 'io-ts';
import type { CardTypeDefinition } from '../../catalogue';
import { findCardType } from '../../catalogue';
import type { EstablishmentSnapshot } from '../../ports';
import { actorSiren, employerMayActFor, mayChange } from '../authorisation';
import type { DossierCommandOf } from '../commands/dossier-command';
import { newDossierIdOf } from '../commands/new-dossier-id';
import { dossierError, notAuthorised } from '../errors';
import type { CardTypeSnapshot, DossierEvent } from '../events';
import type { DossierState } from '../state';
import type { DossierContext } from './context';
import type { Decision } from './outcome';
import { accept, illegal, missingContext, refuse } from './outcome';

/** The part of a card type kept in the dossier's events. */
export function cardTypeSnapshot(cardType: CardTypeDefinition): CardTypeSnapshot {
  return {
    code: cardType.code,
    label: cardType.label,
    requiredDocumentTypes: [...cardType.requiredDocumentTypes],
    optionalDocumentTypes: [...cardType.optionalDocumentTypes],
    maxFilesPerType: cardType.maxFilesPerType,
  };
}

/** What every new dossier takes from its context: the employer's establishment, card type and draft number. */
interface NewDossierBasis {
  readonly draftNumber: Int;
  readonly establishment: EstablishmentSnapshot;
  readonly cardType: CardTypeSnapshot;
}

/**
 * the checks a creation shares (the establishment known to INSEE, the card type
 * in the catalogue, the draft number reserved), then `accept` with the event built from them.
 */
function decideNewDossier(
  context: DossierContext,
  payload: { readonly siret: string; readonly cardType: string },
  eventOf: (basis: NewDossierBasis) => DossierEvent,
): Decision {
  const { establishment, draftNumber } = context;
  if (establishment === undefined) return refuse(missingContext('establishment'));
  if (establishment === null || establishment.siret !== payload.siret) {
    return refuse(
      dossierError(
        'ESTABLISHMENT_NOT_FOUND',
        `L'établissement ${payload.siret} est inconnu de la base INSEE`,
        {
          field: 'payload.siret',
          tab: 'Employeur',
        },
      ),
    );
  }
  const cardType = findCardType(context.catalogue, payload.cardType, 'payload.cardType');
  if (E.isLeft(cardType)) {
    return refuse(
      dossierError('UNKNOWN_CARD_TYPE', cardType.left.message, {
        field: 'payload.cardType',
        tab: 'Prestation',
        problems: [cardType.left],
      }),
    );
  }
  if (draftNumber === undefined) return refuse(missingContext('draftNumber'));
  // In the order the events have always listed them (a stored event's JSON keeps its key order).
  return accept(
    eventOf({ draftNumber: draftNumber as Int, establishment, cardType: cardTypeSnapshot(cardType.right) }),
  );
}

/** an employer user creates a draft for an establishment it is attached to. */
export function decideCreateDraft(
  command: DossierCommandOf<'CreateDraft'>,
  context: DossierContext,
): Decision {
  const { siret } = command.payload;
  if (!employerMayActFor(command.actor, context.attachments, siret)) {
    return refuse(notAuthorised(`Vous n'êtes pas rattaché à l'établissement ${siret}`));
  }
  return decideNewDossier(context, command.payload, (basis) => ({
    type: 'DraftCreated',
    data: { dossierId: newDossierIdOf(command), ...basis },
  }));
}

/** a provider, known to the SIRENE base, starts a pré-saisie for an employer establishment. */
export function decideSubmitPresaisie(
  command: DossierCommandOf<'SubmitPresaisie'>,
  context: DossierContext,
): Decision {
  if (context.actingProvider === undefined) return refuse(missingContext('actingProvider'));
  const provider = context.actingProvider;
  if (provider === null || provider.siren !== actorSiren(command.actor)) {
    return refuse(notAuthorised('Le prestataire pour lequel vous agissez est inconnu de la base SIRENE'));
  }
  return decideNewDossier(context, command.payload, (basis) => ({
    type: 'PresaisieSubmitted',
    data: {
      dossierId: newDossierIdOf(command),
      ...basis,
      provider: provider,
      contactEmail: command.payload.contactEmail ?? null,
      costLines: command.payload.costLines,
      comment: command.payload.comment ?? null,
    },
  }));
}

/** a new draft with the same employer and entered data, without attestations and documents. */
export function decideDuplicateDraft(
  command: DossierCommandOf<'DuplicateDraft'>,
  context: DossierContext,
): Decision {
  const source: DossierState | undefined = context.source;
  if (source === undefined) return refuse(missingContext('source'));
  if (source.status === 'none') {
    return refuse(
      dossierError('DOSSIER_NOT_FOUND', 'Le brouillon à dupliquer est introuvable', {
        field: 'payload.sourceDossierId',
      }),
    );
  }
  if (!mayChange(command.actor, source, context.attachments)) return refuse(notAuthorised());
  if (source.status !== 'draft') return refuse(illegal(source, 'La duplication'));
  const { draftNumber } = context;
  if (draftNumber === undefined) return refuse(missingContext('draftNumber'));
  if (
    source.establishment === null ||
    source.cardType === null ||
    source.dossierId === null ||
    source.draftNumber === null
  ) {
    return refuse(missingContext('source data'));
  }
  return accept({
    type: 'DraftDuplicated',
    data: {
      dossierId: newDossierIdOf(command),
      draftNumber: draftNumber as Int,
      sourceDossierId: source.dossierId,
      sourceDraftNumber: source.draftNumber as Int,
      establishment: source.establishment,
      cardType: source.cardType,
      contactEmail: source.contactEmail,
      internalReference: source.internalReference,
      provider: source.provider === null ? null : source.provider,
      costLines: [...source.costLines],
      comment: source.comment,
    },
  });
}
