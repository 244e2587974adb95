import * as E from 'fp-ts/Either';
import type { Catalogue } from '../catalogue';
import { OTHER_DOCUMENT_TYPE } from '../catalogue';
import type { FileMetadata } from '../ports';
import type { AttachmentScope } from './authorisation';
import type { DossierActor, DossierCommand, DossierCommandType } from './commands';
import type { DossierContext } from './decide/context';
import { decideDossier } from './decide/decide';
import type { DossierErrorCode } from './errors';
import type { DossierState } from './state';
import { initialDossierState } from './state';

/** A button a screen offers this actor on this dossier now: the command it sends and its label. */
export interface DossierAction {
  readonly type: DossierCommandType;
  /** French, as the portal's button reads. */
  readonly label: string;
}

/** The actions a dossier screen may offer, in the order a screen shows them, with their labels. */
export const DOSSIER_ACTION_LABELS: Readonly<Partial<Record<DossierCommandType, string>>> = {
  AcceptPresaisie: 'Accepter',
  RefusePresaisie: 'Refuser',
  SaveDraft: 'Enregistrer',
  TransmitDossier: 'Transmettre',
  AttachDocument: 'Ajouter un document',
  DuplicateDraft: 'Dupliquer',
  DeleteDraft: 'Supprimer',
  SubmitComplement: 'Déposer un complément',
  StartInstruction: "Commencer l'instruction",
  RequestComplements: 'Demander des compléments',
  GrantFunding: 'Accorder la prise en charge',
  RefuseFunding: 'Refuser la prise en charge',
  RecordReimbursement: 'Enregistrer le remboursement',
  CloseDossier: 'Clôturer',
  CancelDossier: 'Annuler la demande',
};

// Refusals that depend on what the form holds, not on who asks or where the dossier is: the
// button is there, and pressing it tells what is missing ("Saisie invalide", R-23).
const CONTENT_REFUSALS: readonly DossierErrorCode[] = ['INVALID_INPUT', 'TOO_MANY_FILES'];

const PROBE_ID = '00000000-0000-4000-8000-000000000000';
const PROBE_FILE: FileMetadata = {
  name: 'probe.pdf',
  size: 1,
  mediaType: 'application/pdf',
  format: 'pdf',
  sha256: '0'.repeat(64),
  storageKey: '0'.repeat(64),
} as FileMetadata;

function probe(
  type: DossierCommandType,
  actor: DossierActor,
  state: DossierState,
  payload: unknown,
): DossierCommand {
  return {
    type,
    commandId: 'probe',
    actor,
    dossierId: type === 'DuplicateDraft' ? PROBE_ID : (state.dossierId ?? PROBE_ID),
    ...(payload === undefined ? {} : { payload }),
  } as DossierCommand;
}

// A payload each action would accept in principle: what matters is whether `decide` lets this
// actor send it in this state, never what a real form would hold.
function payloadOf(type: DossierCommandType, state: DossierState): unknown {
  switch (type) {
    case 'SaveDraft':
    case 'RefusePresaisie':
    case 'SubmitComplement':
    case 'CancelDossier':
      return {};
    case 'AttachDocument':
      return { documentType: OTHER_DOCUMENT_TYPE, fileName: 'probe.pdf', content: new Uint8Array() };
    case 'DuplicateDraft':
      return { sourceDossierId: state.dossierId };
    case 'RequestComplements':
      return { message: 'probe' };
    case 'RefuseFunding':
      return { reason: 'probe' };
    case 'GrantFunding':
      return { amountGrantedCents: 1 };
    case 'RecordReimbursement':
      return { amountPaidCents: 1 };
    default:
      return undefined;
  }
}

/**
 * The actions this actor may take on this dossier now,
 * found by asking the decider itself with a probe of each command, so that a screen never
 * offers a button `execute` would refuse for who or when. `SaveDraft` stands for every edit of
 * the form (`ChangeContactEmail`, `SelectProvider`, ...): they are allowed together.
 */
export function availableActions(
  actor: DossierActor,
  state: DossierState,
  attachments: readonly AttachmentScope[],
  catalogue: Catalogue,
): readonly DossierAction[] {
  const context: DossierContext = {
    catalogue,
    attachments,
    source: state,
    draftNumber: 1,
    dossierNumber: '2501AF000001',
    file: PROBE_FILE,
  };
  const actions: DossierAction[] = [];
  for (const [type, label] of Object.entries(DOSSIER_ACTION_LABELS) as [DossierCommandType, string][]) {
    const command = probe(type, actor, state, payloadOf(type, state));
    const target = type === 'DuplicateDraft' ? initialDossierState() : state;
    const decision = decideDossier(command, target, context);
    if (E.isRight(decision) || CONTENT_REFUSALS.includes(decision.left.code)) actions.push({ type, label });
  }
  return actions;
}

/** Whether this actor may remove this file now: asked of the decider as well. */
export function mayRemoveDocument(
  actor: DossierActor,
  state: DossierState,
  attachments: readonly AttachmentScope[],
  catalogue: Catalogue,
  documentId: string,
): boolean {
  const command = probe('RemoveDocument', actor, state, { documentId });
  return E.isRight(decideDossier(command, state, { catalogue, attachments }));
}
