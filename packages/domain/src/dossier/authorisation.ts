import type { Siren, Siret } from '../identifiers';
import { sirenOfSiret } from '../identifiers';
import type { ActorRole, DossierActor } from './commands/actor';
import type { DossierCommandType } from './commands/dossier-command';
import type { DossierState } from './state';
import { isTransmitted } from './state';

/** What a user is attached to (rattaché): SIREN and its SIRETs. */
export interface AttachmentScope {
  readonly siren: string;
  readonly sirets: readonly string[];
}

const INSTRUCTION_ROLES: readonly ActorRole[] = ['gestionnaire', 'system'];

/** which roles may send each command at all (the dossier's scope is checked after). */
export const COMMAND_ROLES: Readonly<Record<DossierCommandType, readonly ActorRole[]>> = {
  CreateDraft: ['adherent'],
  SubmitPresaisie: ['prestataire'],
  DuplicateDraft: ['adherent'],
  ChangeContactEmail: ['adherent'],
  SelectProvider: ['adherent'],
  ChangeInternalReference: ['adherent'],
  ChangeCostLines: ['adherent'],
  GiveAttestation: ['adherent'],
  WithdrawAttestation: ['adherent'],
  ChangeComment: ['adherent'],
  SaveDraft: ['adherent'],
  // A provider may add or remove files (its invoice, say) on its own pré-saisie until it is accepted.
  AttachDocument: ['adherent', 'prestataire'],
  RemoveDocument: ['adherent', 'prestataire'],
  AcceptPresaisie: ['adherent'],
  RefusePresaisie: ['adherent'],
  DeleteDraft: ['adherent'],
  TransmitDossier: ['adherent'],
  SubmitComplement: ['adherent'],
  StartInstruction: INSTRUCTION_ROLES,
  RequestComplements: INSTRUCTION_ROLES,
  GrantFunding: INSTRUCTION_ROLES,
  RefuseFunding: INSTRUCTION_ROLES,
  RecordReimbursement: INSTRUCTION_ROLES,
  CloseDossier: INSTRUCTION_ROLES,
  CancelDossier: ['adherent', ...INSTRUCTION_ROLES],
  // The fund erases (its staff, or its own retention job): never an employer or a provider.
  ErasePersonalData: INSTRUCTION_ROLES,
};

/** The SIREN an actor acts for (a provider's own SIREN), if it says. */
export function actorSiren(actor: DossierActor): Siren | undefined {
  return actor.siren ?? (actor.siret ? sirenOfSiret(actor.siret) : undefined);
}

/**
 * an employer user acts on an establishment only when attached to its SIRET, and, if the
 * actor names the SIREN/SIRET it acts for, only for that one.
 */
export function employerMayActFor(
  actor: DossierActor,
  attachments: readonly AttachmentScope[],
  siret: Siret,
): boolean {
  if (actor.role !== 'adherent') return false;
  if (actor.siret !== undefined && actor.siret !== siret) return false;
  if (actor.siren !== undefined && actor.siren !== sirenOfSiret(siret)) return false;
  return attachments.some((a) => a.sirets.includes(siret));
}

/** a provider acts only on the pré-saisies it submitted. */
export function isPresaisieProvider(actor: DossierActor, state: DossierState): boolean {
  const siren = actorSiren(actor);
  return actor.role === 'prestataire' && siren !== undefined && state.presaisieProvider?.siren === siren;
}

/**
 * may this actor change this (existing) dossier? Employer users within their scope;
 * providers on their own pré-saisie while it awaits acceptance; case managers (and the
 * system) once it is transmitted.
 */
export function mayChange(
  actor: DossierActor,
  state: DossierState,
  attachments: readonly AttachmentScope[],
): boolean {
  switch (actor.role) {
    case 'adherent':
      return state.establishment !== null && employerMayActFor(actor, attachments, state.establishment.siret);
    case 'prestataire':
      return isPresaisieProvider(actor, state) && state.status === 'presaisie';
    case 'gestionnaire':
    case 'system':
      return isTransmitted(state);
  }
}

/**
 * may this actor read this dossier? As `mayChange`, except that a provider still
 * sees its pré-saisie once accepted or refused (to know the outcome), and the system sees all.
 */
export function mayRead(
  actor: DossierActor,
  state: DossierState,
  attachments: readonly AttachmentScope[],
): boolean {
  if (actor.role === 'system') return true;
  if (actor.role === 'prestataire') return isPresaisieProvider(actor, state);
  return mayChange(actor, state, attachments);
}
