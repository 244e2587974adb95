import * as E from 'fp-ts/Either';
import type { Int } from 'io-ts';
import type { CardTypeDefinition } from '../../catalogue';
import { findCardType } from '../../catalogue';
import type { EstablishmentSnapshot } from '../../ports';
import { actorSiren, employerMayActFor, mayChange } from '../authorisation';
import type { DossierCommandOf } from '../commands/dossier-command';
import { newDossierIdOf } from '../commands/new-dossier-id';
import type { DossierError } from '../errors';
import { dossierError, notAuthorised } from '../errors';
import type { CardTypeSnapshot } from '../events';
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

function cardTypeOf(context: DossierContext, code: string): E.Either<DossierError, CardTypeSnapshot> {
  const found = findCardType(context.catalogue, code, 'payload.cardType');
  if (E.isRight(found)) return E.right(cardTypeSnapshot(found.right));
  return refuse({
    ...dossierError('UNKNOWN_CARD_TYPE', found.left.message, {
      field: 'payload.cardType',
      tab: 'Prestation',
    }),
    problems: [found.left],
  });
}

function establishmentOf(
  context: DossierContext,
  siret: string,
): E.Either<DossierError, EstablishmentSnapshot> {
  if (context.establishment === undefined) return refuse(missingContext('establishment'));
  if (context.establishment === null || context.establishment.siret !== siret) {
    return refuse(
      dossierError('ESTABLISHMENT_NOT_FOUND', `L'établissement ${siret} est inconnu de la base INSEE`, {
        field: 'payload.siret',
        tab: 'Employeur',
      }),
    );
  }
  return E.right(context.establishment);
}

function draftNumberOf(context: DossierContext): E.Either<DossierError, number> {
  return context.draftNumber === undefined
    ? refuse(missingContext('draftNumber'))
    : E.right(context.draftNumber);
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
  const establishment = establishmentOf(context, siret);
  if (E.isLeft(establishment)) return establishment;
  const cardType = cardTypeOf(context, command.payload.cardType);
  if (E.isLeft(cardType)) return cardType;
  const draftNumber = draftNumberOf(context);
  if (E.isLeft(draftNumber)) return draftNumber;
  return accept({
    type: 'DraftCreated',
    data: {
      dossierId: newDossierIdOf(command),
      draftNumber: draftNumber.right as Int,
      establishment: establishment.right,
      cardType: cardType.right,
    },
  });
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
  const establishment = establishmentOf(context, command.payload.siret);
  if (E.isLeft(establishment)) return establishment;
  const cardType = cardTypeOf(context, command.payload.cardType);
  if (E.isLeft(cardType)) return cardType;
  const draftNumber = draftNumberOf(context);
  if (E.isLeft(draftNumber)) return draftNumber;
  return accept({
    type: 'PresaisieSubmitted',
    data: {
      dossierId: newDossierIdOf(command),
      draftNumber: draftNumber.right as Int,
      establishment: establishment.right,
      cardType: cardType.right,
      provider: provider,
      contactEmail: command.payload.contactEmail ?? null,
      costLines: command.payload.costLines,
      comment: command.payload.comment ?? null,
    },
  });
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
  const draftNumber = draftNumberOf(context);
  if (E.isLeft(draftNumber)) return draftNumber;
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
      draftNumber: draftNumber.right as Int,
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
