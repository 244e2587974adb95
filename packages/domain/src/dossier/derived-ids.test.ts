import { idFromCommandId } from './derived-ids';

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
