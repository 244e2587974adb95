// the attestations as the portal shows them, on their tabs, the CG one with its link
// inside its own words (a screen puts the link on those words, so they must be in the label).
import {
  ATTESTATION_LABELS,
  ATTESTATION_TABS,
  ATTESTATIONS,
  GENERAL_CONDITIONS_LINK,
} from './attestation-events';

describe('the attestations a dossier needs', () => {
  it('R-16 R-18 are the honour, the CG and the supporting documents, in the order of the tabs', () => {
    expect(ATTESTATIONS).toEqual(['honour', 'generalConditions', 'supportingDocuments']);
    expect(ATTESTATION_TABS).toEqual({
      honour: 'Synthèse',
      generalConditions: 'Synthèse',
      supportingDocuments: 'Documents',
    });
  });

  it('R-16 R-18 read word for word as the guide prints them', () => {
    expect(ATTESTATION_LABELS).toEqual({
      honour: "J'atteste sur l'honneur l'exactitude des données saisies",
      generalConditions:
        "J'accepte les Conditions Générales (CG) d'Akto et les conditions de prise en charge, et je confirme avoir pris connaissance de celles-ci via le lien suivant : « Conditions générales - Akto »",
      supportingDocuments:
        "L'employeur atteste disposer de l'ensemble des pièces justificatives nécessaires au dépôt du dossier",
    });
  });

  it('R-16 links the CG attestation to the fund’s site, on words its label holds', () => {
    expect(GENERAL_CONDITIONS_LINK).toEqual({
      text: 'Conditions générales - Akto',
      url: 'https://www.akto.fr/',
    });
    expect(ATTESTATION_LABELS.generalConditions).toContain(`« ${GENERAL_CONDITIONS_LINK.text} »`);
  });
});
