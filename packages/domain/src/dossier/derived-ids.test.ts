import { DOSSIER_STREAM_PREFIX, dossierStreamId, idFromCommandId, scopedDossierId } from './derived-ids';

// a retried creation names the same dossier, so these ids must never change. They are
// the outputs of the hand-written generator the `uuid` package replaced (commit 966c1da).
const STORED_IDS: readonly (readonly [string, 'dossier' | 'document', string])[] = [
  ['create-1', 'dossier', 'fe305c40-4c15-51cb-81d5-1b327e0de065'],
  ['attach-Facture entreprise', 'document', '38168625-4c03-5a66-84b7-e032c6fffd49'],
  ['0f8e2a44-5c61-4d7b-9e3a-1b2c3d4e5f60', 'dossier', 'c9687f23-2619-5491-ade1-dff7c1eaab06'],
  ['préfixe-🚀', 'document', '8f71feeb-989b-5288-8673-9d8742c9a715'],
];

describe('ids derived from a command id', () => {
  it.each(STORED_IDS)('R-36 %s (%s) keeps the id it was stored with', (commandId, purpose, expected) => {
    expect(idFromCommandId(commandId, purpose)).toBe(expected);
  });
});

describe('the id a creation derives from its user and command id', () => {
  it('R-36 is fixed for good (a retry must name the same dossier across releases)', () => {
    expect(scopedDossierId({ role: 'adherent', userId: 'u-claire-martin' }, 'create-1')).toBe(
      '0d64f57e-e9f3-5606-9547-d99689047d60',
    );
  });

  it('R-04 differs between two users sending the same command id, and from the unscoped id', () => {
    const claire = scopedDossierId({ role: 'adherent', userId: 'u-claire-martin' }, 'create-1');
    expect(scopedDossierId({ role: 'adherent', userId: 'u-sophie-lambert' }, 'create-1')).toBe(
      'fa275021-4a3b-527c-84b4-6bf8001bbfa5',
    );
    expect(claire).not.toBe(idFromCommandId('create-1', 'dossier'));
    expect(scopedDossierId({ role: 'prestataire', userId: 'u-claire-martin' }, 'create-1')).not.toBe(claire);
  });
});

describe('the stream of a dossier', () => {
  it('is named dossier-<id>, under the prefix the event decoder knows dossier streams by', () => {
    expect(dossierStreamId('0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a')).toBe(
      'dossier-0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a',
    );
    expect(DOSSIER_STREAM_PREFIX).toBe('dossier-');
  });
});
