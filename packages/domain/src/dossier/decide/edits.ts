import type { Email } from '../../identifiers';
import type { ProviderSnapshot } from '../../ports';
import type { DossierCommandOf } from '../commands/dossier-command';
import type { DossierError } from '../errors';
import { dossierError } from '../errors';
import type { Attestation, CostLine, DossierEvent } from '../events';
import { ATTESTATIONS } from '../events';
import type { DossierState } from '../state';
import type { DossierContext } from './context';
import { refusalToEdit } from './edit-guard';
import type { Decision } from './outcome';
import { accept, missingContext, refuse } from './outcome';

// Each helper gives the event a change produces, or none when the value is already so (a
// save that changes nothing records nothing: "one event per meaningful change").

function emailChange(state: DossierState, email: Email | null): DossierEvent[] {
  return email === state.contactEmail ? [] : [{ type: 'ContactEmailChanged', data: { email } }];
}

function referenceChange(state: DossierState, internalReference: string | null): DossierEvent[] {
  return internalReference === state.internalReference
    ? []
    : [{ type: 'InternalReferenceChanged', data: { internalReference } }];
}

function linesChange(state: DossierState, lines: CostLine[]): DossierEvent[] {
  return JSON.stringify(lines) === JSON.stringify(state.costLines)
    ? []
    : [{ type: 'CostLinesChanged', data: { lines } }];
}

function commentChange(state: DossierState, comment: string | null): DossierEvent[] {
  return comment === state.comment ? [] : [{ type: 'CommentChanged', data: { comment } }];
}

function attestationChange(state: DossierState, attestation: Attestation, given: boolean): DossierEvent[] {
  if (state.attestations[attestation] === given) return [];
  return [{ type: given ? 'AttestationGiven' : 'AttestationWithdrawn', data: { attestation } }];
}

function providerChange(state: DossierState, provider: ProviderSnapshot): DossierEvent[] {
  return state.provider !== null && JSON.stringify(state.provider) === JSON.stringify(provider)
    ? []
    : [{ type: 'ProviderSelected', data: { provider } }];
}

/** no provider in SIRENE for the SIREN or SIRET typed in `field`. */
function providerNotFound(field: string): DossierError {
  return dossierError(
    'PROVIDER_NOT_FOUND',
    'Aucun prestataire trouvé dans la base SIRENE pour ce SIREN ou SIRET',
    {
      field,
      tab: 'Prestation',
    },
  );
}

type EditCommand = DossierCommandOf<
  | 'ChangeContactEmail'
  | 'SelectProvider'
  | 'ChangeInternalReference'
  | 'ChangeCostLines'
  | 'GiveAttestation'
  | 'WithdrawAttestation'
  | 'ChangeComment'
  | 'SaveDraft'
>;

/** ..R-13, R-16..R-18: the form's changes on a draft. */
export function decideEdit(command: EditCommand, state: DossierState, context: DossierContext): Decision {
  const notEditable = refusalToEdit(state, 'La modification');
  if (notEditable) return refuse(notEditable);
  switch (command.type) {
    case 'ChangeContactEmail':
      return accept(...emailChange(state, command.payload.email));
    case 'SelectProvider': {
      const provider = context.selectedProvider;
      if (provider === undefined) return refuse(missingContext('selectedProvider'));
      if (provider === null) return refuse(providerNotFound('payload.search'));
      return accept(...providerChange(state, provider));
    }
    case 'ChangeInternalReference':
      return accept(...referenceChange(state, command.payload.internalReference));
    case 'ChangeCostLines':
      return accept(...linesChange(state, command.payload.lines));
    case 'GiveAttestation':
      return accept(...attestationChange(state, command.payload.attestation, true));
    case 'WithdrawAttestation':
      return accept(...attestationChange(state, command.payload.attestation, false));
    case 'ChangeComment':
      return accept(...commentChange(state, command.payload.comment));
    case 'SaveDraft':
      return decideSave(command, state, context);
  }
}

function decideSave(
  command: DossierCommandOf<'SaveDraft'>,
  state: DossierState,
  context: DossierContext,
): Decision {
  const form = command.payload;
  const events: DossierEvent[] = [];
  if (form.contactEmail !== undefined) events.push(...emailChange(state, form.contactEmail));
  if (form.providerSearch !== undefined) {
    const provider = context.selectedProvider;
    if (provider === undefined) return refuse(missingContext('selectedProvider'));
    if (provider === null) return refuse(providerNotFound('payload.providerSearch'));
    events.push(...providerChange(state, provider));
  }
  if (form.internalReference !== undefined) events.push(...referenceChange(state, form.internalReference));
  if (form.costLines !== undefined) events.push(...linesChange(state, form.costLines));
  if (form.comment !== undefined) events.push(...commentChange(state, form.comment));
  for (const attestation of ATTESTATIONS) {
    const given = form.attestations?.[attestation];
    if (given !== undefined) events.push(...attestationChange(state, attestation, given));
  }
  return accept(...events);
}
