import { ATTESTATION_LABELS, validateDossier } from '@cartes-badges/domain';
import { completeDraft, foldEvents } from '@cartes-badges/domain/testing';
import { renderDossier } from './show';

describe('show', () => {
  const state = foldEvents(completeDraft());
  const text = renderDossier(state, validateDossier(state));
  const section = (title: string, next: string): string =>
    text.slice(text.indexOf(`\n${title}`), text.indexOf(`\n${next}`));

  it('R-18 shows the Documents attestation under Documents, the honour and CG ones under Synthèse', () => {
    expect(section('Documents', 'Onglets')).toContain(ATTESTATION_LABELS.supportingDocuments);
    expect(section('Synthèse', 'Documents')).not.toContain(ATTESTATION_LABELS.supportingDocuments);
    expect(section('Synthèse', 'Documents')).toContain(ATTESTATION_LABELS.honour);
  });

  it("R-16 shows the CG attestation in the guide's full wording, with its link's words", () => {
    expect(section('Synthèse', 'Documents')).toContain(
      "[x] J'accepte les Conditions Générales (CG) d'Akto et les conditions de prise en charge, et je confirme avoir pris connaissance de celles-ci via le lien suivant : « Conditions générales - Akto »",
    );
  });

  it('R-43 names the fields of tab messages by their French labels', () => {
    const fresh = foldEvents(completeDraft().slice(0, 1));
    const shown = renderDossier(fresh, validateDossier(fresh));
    expect(shown).toContain('Email de contact : Saisie obligatoire');
    expect(shown).not.toMatch(/contactEmail|attestations\./);
  });
});
