import { FILE_FORMATS } from '../documents/file-format';
import {
  MAX_FILE_SIZE_BYTES,
  MAX_FILES_PER_TYPE,
  EMPLOYER_ATTESTATION_DOCUMENT_TYPE,
  OTHER_DOCUMENT_TYPE,
  type CardTypeDefinition,
} from './card-type';
import type { Catalogue } from './catalogue';

/**
 * "Carte chronotachygraphe (chrono)", labelled as the portal writes it: the driver's
 * tachograph card; documents as listed by the guide.
 */
export const CHRONO: CardTypeDefinition = {
  code: 'CHRONO',
  label: 'Carte chronotachygraphe (chrono)',
  requiredDocumentTypes: ['Copie facture prestataire', 'Facture entreprise'],
  optionalDocumentTypes: [OTHER_DOCUMENT_TYPE, EMPLOYER_ATTESTATION_DOCUMENT_TYPE],
  allowedFormats: FILE_FORMATS,
  maxFilesPerType: MAX_FILES_PER_TYPE,
  maxFileSizeBytes: MAX_FILE_SIZE_BYTES,
};

/**
 * "Carte BTP": the construction site ID card of temp workers. The guide does not list its
 * documents; these are what a fund asks to pay a card per named worker.
 */
export const BTP: CardTypeDefinition = {
  code: 'BTP',
  label: 'Carte BTP',
  requiredDocumentTypes: ['Facture prestataire', 'Liste des salariés bénéficiaires'],
  optionalDocumentTypes: [OTHER_DOCUMENT_TYPE, EMPLOYER_ATTESTATION_DOCUMENT_TYPE],
  allowedFormats: FILE_FORMATS,
  maxFilesPerType: MAX_FILES_PER_TYPE,
  maxFileSizeBytes: MAX_FILE_SIZE_BYTES,
};

/** The card types of the guide; an embedding application may pass its own (decode it with `Catalogue`). */
export const defaultCatalogue: Catalogue = [CHRONO, BTP];
