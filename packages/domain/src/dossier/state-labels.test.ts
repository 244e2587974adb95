// The state labels the lists show and the states each list holds, written from the spec's table
// "State labels (shown in lists)", not read from state.ts.
import type { DossierState, DossierStatus } from './state';
import { dossierStatusLabel, initialDossierState, LISTED_STATUSES, TRANSMITTED_STATUSES } from './state';

const INSTRUCTION: readonly DossierStatus[] = [
  'instruction',
  'complementsRequested',
  'complementSubmitted',
  'granted',
  'refused',
  'reimbursed',
  'closed',
  'cancelled',
];

describe('dossier states as the lists show them', () => {
  it.each<[DossierStatus, DossierState['removal'], string]>([
    ['none', null, 'Inexistant'],
    ['presaisie', null, 'Pré-saisie à valider'],
    ['draft', null, 'En cours de saisie'],
    ['removed', 'deleted', 'Supprimé'],
    ['removed', 'presaisieRefused', 'Pré-saisie refusée'],
    ['transmitted', null, 'Transmis'],
    ['instruction', null, "En cours d'instruction"],
    ['complementsRequested', null, 'Demande de compléments'],
    ['complementSubmitted', null, 'Complément déposé'],
    ['granted', null, 'Accordé'],
    ['refused', null, 'Refusé'],
    ['reimbursed', null, 'Remboursé'],
    ['closed', null, 'Clôturé'],
    ['cancelled', null, 'Annulé'],
  ])('R-24 R-35 %s (%s) reads "%s"', (status, removal, label) => {
    expect(dossierStatusLabel({ status, removal })).toBe(label);
  });

  it('R-24 the Dossiers list holds the transmitted dossier and every instruction state', () => {
    expect(TRANSMITTED_STATUSES).toEqual(['transmitted', ...INSTRUCTION]);
  });

  it('R-24 the lists hold every state but a dossier that does not exist yet', () => {
    expect(LISTED_STATUSES).toEqual(['presaisie', 'draft', 'removed', 'transmitted', ...INSTRUCTION]);
  });

  it('a dossier that does not exist yet has no event: version -1, as a store counts an empty stream', () => {
    expect(initialDossierState()).toEqual(expect.objectContaining({ status: 'none', version: -1 }));
  });
});
