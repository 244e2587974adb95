import { COMMAND_ROLES, mayChange } from '../authorisation';
import type { DossierCommand } from '../commands/dossier-command';
import { isCreationCommand } from '../commands/dossier-command';
import { dossierError, notAuthorised } from '../errors';
import type { DossierState } from '../state';
import type { DossierContext } from './context';
import { decideCreateDraft, decideDuplicateDraft, decideSubmitPresaisie } from './creation';
import { decideAttachDocument, decideRemoveDocument } from './documents';
import { decideEdit } from './edits';
import { decideErasure } from './erasure';
import { decideInstruction } from './instruction';
import { decideAcceptPresaisie, decideDeleteDraft, decideRefusePresaisie, decideTransmit } from './lifecycle';
import type { Decision } from './outcome';
import { refuse } from './outcome';

/**
 * The dossier decider's `decide`: pure and total. Checks, in order: the stream exists (or not,
 * for a creation), the actor's role may send this command and its scope covers the dossier
 * a dossier whose personal data was erased is frozen, then the lifecycle and the
 * command's own rules. A refusal writes nothing.
 */
export function decideDossier(
  command: DossierCommand,
  state: DossierState,
  context: DossierContext,
): Decision {
  if (!COMMAND_ROLES[command.type].includes(command.actor.role)) {
    return refuse(notAuthorised(`Action non autorisée pour le profil « ${command.actor.role} »`));
  }
  if (isCreationCommand(command)) {
    if (state.status !== 'none') {
      return refuse(dossierError('DOSSIER_ALREADY_EXISTS', 'Un dossier existe déjà avec cet identifiant'));
    }
    switch (command.type) {
      case 'CreateDraft':
        return decideCreateDraft(command, context);
      case 'SubmitPresaisie':
        return decideSubmitPresaisie(command, context);
      case 'DuplicateDraft':
        return decideDuplicateDraft(command, context);
    }
  }
  if (state.status === 'none') return refuse(dossierError('DOSSIER_NOT_FOUND', 'Dossier introuvable'));
  // The fund's staff erase any dossier, transmitted or not (a deleted draft holds an email too).
  if (command.type === 'ErasePersonalData') return decideErasure(command, state, context);
  // Scope before the erasure freeze: someone who may not change the dossier learns nothing of it,
  // not even that its personal data was erased.
  if (!mayChange(command.actor, state, context.attachments)) return refuse(notAuthorised());
  // Its key is gone: nothing personal could be written, and nobody should rebuild what was erased.
  if (state.personalDataErasedAt !== null) {
    return refuse(
      dossierError(
        'PERSONAL_DATA_ERASED',
        "Les données personnelles de ce dossier ont été effacées : il ne peut plus être modifié ; rien n'a été enregistré",
      ),
    );
  }
  switch (command.type) {
    case 'ChangeContactEmail':
    case 'SelectProvider':
    case 'ChangeInternalReference':
    case 'ChangeCostLines':
    case 'GiveAttestation':
    case 'WithdrawAttestation':
    case 'ChangeComment':
    case 'SaveDraft':
      return decideEdit(command, state, context);
    case 'AttachDocument':
      return decideAttachDocument(command, state, context);
    case 'RemoveDocument':
      return decideRemoveDocument(command, state);
    case 'AcceptPresaisie':
      return decideAcceptPresaisie(state);
    case 'RefusePresaisie':
      return decideRefusePresaisie(command, state);
    case 'DeleteDraft':
      return decideDeleteDraft(state);
    case 'TransmitDossier':
      return decideTransmit(state, context);
    case 'StartInstruction':
    case 'RequestComplements':
    case 'SubmitComplement':
    case 'GrantFunding':
    case 'RefuseFunding':
    case 'RecordReimbursement':
    case 'CloseDossier':
    case 'CancelDossier':
      return decideInstruction(command, state);
    default:
      return assertNever(command);
  }
}

function assertNever(command: never): never {
  throw new Error(`Unhandled dossier command: ${JSON.stringify(command)}`);
}
