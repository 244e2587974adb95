import * as E from 'fp-ts/Either';
import { decodeDossierCommand } from './commands';
import { fieldLabel } from './field-labels';

describe('R-43 messages name the field by its French label', () => {
  it('R-43 a malformed email is "Email de contact : ...", the path stays in field', () => {
    const result = decodeDossierCommand({
      type: 'ChangeContactEmail',
      commandId: 'c-1',
      actor: { role: 'adherent', userId: 'amoa1' },
      dossierId: '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a',
      payload: { email: 'amoa1.x' },
    });
    expect(result).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.email' })));
    const message = E.isLeft(result) ? result.left.message : '';
    expect(message).toMatch(/^Email de contact : /);
    expect(message).not.toContain('payload');
  });

  it.each([
    ['payload.contactEmail', 'Email de contact'],
    ['payload.costLines.1.quantity', 'Coûts de formation, ligne 2 : Quantité'],
    ['payload.lines.0.unitAmountCents', 'Coûts de formation, ligne 1 : Montant HT'],
    ['payload.attestations.generalConditions', 'Conditions Générales'],
    ['costLines.0.nature', 'Coûts de formation, ligne 1 : Nature'],
    ['attestations.supportingDocuments', 'Attestation des pièces justificatives'],
    ['actor.siret', 'SIRET du profil'],
    ['payload.provider.address.city', 'Prestataire'],
    ['payload.costLines.2', 'Coûts de formation, ligne 3'],
    ['lines.0.colour', 'Coûts de formation, ligne 1'],
  ])('R-43 %s reads "%s"', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });

  it('R-43 a field no command knows (R-42) is named as it was sent', () => {
    expect(fieldLabel('payload.contactMail')).toBe('Champ « contactMail »');
  });
});
