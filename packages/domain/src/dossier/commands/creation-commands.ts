import * as t from 'io-ts';
import { Siret } from '../../identifiers';
import { Comment, requiredText, Uuid } from '../fields';
import { creationCommand } from './command-shape';
import { CostLineList, OptionalEmail } from './payload-codecs';

/** The code of the chosen card type (checked against the catalogue by `decide`). */
export const CardTypeChoice = requiredText('CardTypeChoice', 50);

/** "Créer un nouveau dossier" for an establishment and a card type. */
export const CreateDraft = creationCommand('CreateDraft', t.type({ siret: Siret, cardType: CardTypeChoice }));
/** Creates a draft. */
export type CreateDraft = t.TypeOf<typeof CreateDraft>;

/** a provider starts a draft (pré-saisie) for an employer establishment. */
export const SubmitPresaisie = creationCommand(
  'SubmitPresaisie',
  t.intersection([
    t.type({ siret: Siret, cardType: CardTypeChoice, costLines: CostLineList }),
    t.partial({ contactEmail: OptionalEmail, comment: Comment }),
  ]),
);
/** Submits a pré-saisie. */
export type SubmitPresaisie = t.TypeOf<typeof SubmitPresaisie>;

/** duplicate a draft into a new draft with a new number. */
export const DuplicateDraft = creationCommand('DuplicateDraft', t.type({ sourceDossierId: Uuid }));
/** Duplicates a draft. */
export type DuplicateDraft = t.TypeOf<typeof DuplicateDraft>;
