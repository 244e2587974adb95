import { MAX_UNIT_AMOUNT_CENTS } from '../../money';
import type { DossierState } from '../state';
import type { TabName } from '../tabs';
import { documentsProgress } from './documents-progress';
import type { ValidationMessage } from './messages';
import { required, rule } from './messages';
import type { TabStatus } from './tab-status';
import { tabStatus } from './tab-status';

/** every tab's status; `valid` when all of them are (the condition of R-23). */
export interface DossierValidation {
  readonly valid: boolean;
  readonly tabs: readonly TabStatus[];
}

/**
 * Validates a dossier tab by tab. Only "required" and "rule" messages can appear:
 * format errors never reach the state, their commands are rejected. Cross-field checks run
 * only once every field they need is filled.
 */
export function validateDossier(state: DossierState): DossierValidation {
  const tabs: TabStatus[] = [];
  if (state.origin === 'presaisie') tabs.push(tabStatus('Introduction', introduction(state)));
  tabs.push(tabStatus('Employeur', employeur(state)));
  tabs.push(tabStatus('Prestation', prestation(state)));
  tabs.push(tabStatus('Synthèse', synthese(state)));
  tabs.push(tabStatus('Documents', documents(state)));
  return { valid: tabs.every((tab) => tab.status === 'valid'), tabs };
}

/** The status of one tab. */
export function validateTab(state: DossierState, tab: TabName): TabStatus | undefined {
  return validateDossier(state).tabs.find((t) => t.tab === tab);
}

function introduction(state: DossierState): ValidationMessage[] {
  return state.presaisieAccepted
    ? []
    : [
        {
          code: 'PRESAISIE_NOT_ACCEPTED',
          tab: 'Introduction',
          field: 'presaisie',
          kind: 'required',
          message: 'Pré-saisie à valider : vérifiez les informations puis acceptez ou refusez la pré-saisie',
        },
      ];
}

function employeur(state: DossierState): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  if (state.establishment === null) messages.push(required('Employeur', 'establishment'));
  if (state.contactEmail === null) messages.push(required('Employeur', 'contactEmail'));
  return messages;
}

function prestation(state: DossierState): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  if (state.cardType === null) messages.push(required('Prestation', 'cardType'));
  if (state.provider === null) messages.push(required('Prestation', 'provider'));
  if (state.costLines.length === 0) messages.push(required('Prestation', 'costLines'));
  state.costLines.forEach((line, index) => {
    const field = (name: string): string => `costLines.${index}.${name}`;
    if (line.nature === null) messages.push(required('Prestation', field('nature')));
    if (line.unitAmountCents === null) messages.push(required('Prestation', field('unitAmountCents')));
    else if (line.unitAmountCents >= MAX_UNIT_AMOUNT_CENTS) {
      messages.push(
        rule(
          'UNIT_AMOUNT_TOO_HIGH',
          'Prestation',
          field('unitAmountCents'),
          'Le montant doit être inférieur à 100000',
        ),
      );
    }
    if (line.quantity === null) messages.push(required('Prestation', field('quantity')));
    // Cross-field check: only once both amount and quantity are there.
    if (line.unitAmountCents === 0 && line.quantity !== null) {
      messages.push(
        rule('LINE_TOTAL_ZERO', 'Prestation', field('unitAmountCents'), 'Le montant doit être supérieur à 0'),
      );
    }
  });
  return messages;
}

function synthese(state: DossierState): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  if (!state.attestations.honour) messages.push(required('Synthèse', 'attestations.honour'));
  if (!state.attestations.generalConditions)
    messages.push(required('Synthèse', 'attestations.generalConditions'));
  return messages;
}

function documents(state: DossierState): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  if (!state.attestations.supportingDocuments)
    messages.push(required('Documents', 'attestations.supportingDocuments'));
  const progress = documentsProgress(state);
  if (!progress.complete) {
    messages.push({
      code: 'REQUIRED_DOCUMENTS_MISSING',
      tab: 'Documents',
      field: 'documents',
      kind: 'required',
      message: progress.label,
    });
  }
  return messages;
}
