import * as E from 'fp-ts/Either';
import { fieldErrorsOf } from '../identifiers/decode-field';
import {
  CardTypeDefinition,
  documentTypesOf,
  EMPLOYER_ATTESTATION_DOCUMENT_TYPE,
  MAX_FILE_SIZE_BYTES,
  OTHER_DOCUMENT_TYPE,
} from './card-type';
import { Catalogue, findCardType } from './catalogue';
import { BTP, CHRONO, defaultCatalogue } from './default-catalogue';
import { assertLeft } from '@cartes-badges/eventsourcing/testing';

const custom = {
  code: 'CACES',
  label: 'Certificat CACES',
  requiredDocumentTypes: ['Facture organisme', 'Attestation de formation'],
  optionalDocumentTypes: ['Autre'],
  allowedFormats: ['pdf'],
  maxFilesPerType: 3,
  maxFileSizeBytes: 5 * 1024 * 1024,
};

describe('catalogue', () => {
  it('R-19 the tachograph card requires "Copie facture prestataire" and "Facture entreprise"', () => {
    const chrono = findCardType(defaultCatalogue, 'CHRONO');
    expect(chrono).toEqual(E.right(CHRONO));
    expect(CHRONO.label).toBe('Carte chronotachygraphe (chrono)');
    expect(CHRONO.requiredDocumentTypes).toEqual(['Copie facture prestataire', 'Facture entreprise']);
  });

  it('R-40 card types carry their label as the portal writes it', () => {
    expect(defaultCatalogue.map((cardType) => cardType.label)).toEqual([
      'Carte chronotachygraphe (chrono)',
      'Carte BTP',
    ]);
  });

  it('R-37 every card type offers the optional type "Attestation de l\'employeur" besides "Autre"', () => {
    for (const cardType of defaultCatalogue) {
      expect(cardType.optionalDocumentTypes).toEqual(['Autre', "Attestation de l'employeur"]);
      expect(cardType.requiredDocumentTypes).not.toContain(EMPLOYER_ATTESTATION_DOCUMENT_TYPE);
    }
  });

  it('R-19 the BTP card has its own required documents', () => {
    expect(findCardType(defaultCatalogue, 'BTP')).toEqual(E.right(BTP));
    expect(BTP.label).toBe('Carte BTP');
    expect(BTP.requiredDocumentTypes.length).toBeGreaterThan(0);
  });

  it('R-21 "Autre" is optional for every card type of the default catalogue', () => {
    for (const cardType of defaultCatalogue) {
      expect(cardType.optionalDocumentTypes).toContain(OTHER_DOCUMENT_TYPE);
      expect(cardType.requiredDocumentTypes).not.toContain(OTHER_DOCUMENT_TYPE);
      expect(documentTypesOf(cardType)).toEqual([
        ...cardType.requiredDocumentTypes,
        OTHER_DOCUMENT_TYPE,
        EMPLOYER_ATTESTATION_DOCUMENT_TYPE,
      ]);
    }
  });

  it('R-20 the default catalogue takes the guide formats, 20 Mo and 5 files per type', () => {
    for (const cardType of defaultCatalogue) {
      expect(cardType.allowedFormats).toEqual(['pdf', 'jpg', 'png', 'xls', 'xlsx', 'docx', 'csv']);
      expect(cardType.maxFileSizeBytes).toBe(20 * 1024 * 1024);
      expect(cardType.maxFilesPerType).toBe(5);
    }
  });

  it('the default catalogue decodes with its own codec', () => {
    expect(Catalogue.decode(defaultCatalogue)).toEqual(E.right(defaultCatalogue));
    expect(Catalogue.is(defaultCatalogue)).toBe(true);
  });

  it('R-19 an embedding application passes its own catalogue as data', () => {
    const decoded = Catalogue.decode([...defaultCatalogue, { ...custom, extra: 'dropped' }]);
    if (E.isLeft(decoded)) throw new Error(JSON.stringify(fieldErrorsOf(decoded.left)));
    expect(findCardType(decoded.right, 'CACES')).toEqual(E.right(custom));
  });

  it('refuses an unknown card type, naming the known ones', () => {
    expect(findCardType(defaultCatalogue, 'TRAM')).toEqual(
      E.left({
        code: 'CARD_TYPE_UNKNOWN',
        field: 'cardType',
        kind: 'format',
        message:
          "Le type de carte « TRAM » est inconnu : attendu l'un de CHRONO (Carte chronotachygraphe (chrono)), BTP (Carte BTP)",
      }),
    );
  });

  it.each([
    [[], 'Le catalogue est vide : attendu au moins un type de carte'],
    [[custom, custom], 'Type de carte CACES : code présent deux fois dans le catalogue'],
    [
      [{ ...custom, optionalDocumentTypes: ['Facture organisme'] }],
      'Type de carte CACES : type de document « Facture organisme » présent deux fois',
    ],
    [[{ ...custom, allowedFormats: [] }], 'Type de carte CACES : aucun format de fichier accepté'],
    [
      [{ ...custom, allowedFormats: ['pdf', 'pdf'] }],
      'Type de carte CACES : format de fichier présent deux fois',
    ],
  ])('refuses an inconsistent catalogue (%#)', (catalogue, message) => {
    const decoded = Catalogue.decode(catalogue);
    expect(assertLeft(decoded)[0].message).toBe(message);
  });

  it.each([
    [{ ...custom, code: 'caces' }, 'code', 'CARD_TYPE_CODE_FORMAT'],
    [{ ...custom, label: ' ' }, 'label', 'LABEL_FORMAT'],
    [{ ...custom, allowedFormats: ['exe'] }, 'allowedFormats.0', 'INVALID_FORMAT'],
    [{ ...custom, maxFilesPerType: 6 }, 'maxFilesPerType', 'MAX_FILES_PER_TYPE'],
    [{ ...custom, maxFileSizeBytes: MAX_FILE_SIZE_BYTES + 1 }, 'maxFileSizeBytes', 'MAX_FILE_SIZE'],
    [{ ...custom, requiredDocumentTypes: 'Facture' }, 'requiredDocumentTypes', 'INVALID_FORMAT'],
  ])('refuses a malformed card type and names the field (%#)', (cardType, field, code) => {
    const decoded = CardTypeDefinition.decode(cardType);
    if (E.isRight(decoded)) throw new Error('should fail');
    expect(fieldErrorsOf(decoded.left)).toEqual([expect.objectContaining({ field, code })]);
  });
});
