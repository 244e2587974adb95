import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describeValue } from '../identifiers/describe-value';
import { FieldCodec, problem } from '../identifiers/field-codec';
import { FileFormat } from '../documents/file-format';

/** The guide's ceiling for one file: "Poids : 20Mo maximum", 20 × 1024 × 1024 bytes. */
export const MAX_FILE_SIZE_BYTES = 20 * 1024 * 1024;
/** The guide's ceiling of files per document type: "5 fichiers maximum". */
export const MAX_FILES_PER_TYPE = 5;
/** The optional document type for anything else; its files can be removed again. */
export const OTHER_DOCUMENT_TYPE = 'Autre';
/** the optional type the guide's Documents drop-down offers besides "Autre". */
export const EMPLOYER_ATTESTATION_DOCUMENT_TYPE = "Attestation de l'employeur";

const CODE = /^[A-Z][A-Z0-9_]{0,31}$/;

/** A card type code: capitals, digits and `_`, at most 32 characters (`CHRONO`, `BTP`). */
const CardTypeCode = new FieldCodec<string>(
  'CardTypeCode',
  (input) =>
    typeof input === 'string' && CODE.test(input)
      ? E.right(input)
      : problem(
          'CARD_TYPE_CODE_FORMAT',
          `Le code de type de carte ${describeValue(input)} n'est pas valide : attendu des majuscules, chiffres ou _ (32 au plus), par exemple CHRONO`,
        ),
  (a) => a,
);

const Label = new FieldCodec<string>(
  'Label',
  (input) =>
    typeof input === 'string' && input.trim() !== '' && input.length <= 200
      ? E.right(input)
      : problem(
          'LABEL_FORMAT',
          `Le libellé ${describeValue(input)} n'est pas valide : attendu un texte de 1 à 200 caractères`,
        ),
  (a) => a,
);

const wholeNumber = (code: string, what: string, max: number) =>
  new FieldCodec<number>(
    code,
    (input) =>
      typeof input === 'number' && Number.isSafeInteger(input) && input >= 1 && input <= max
        ? E.right(input)
        : problem(
            code,
            `${what} doit être un nombre entier entre 1 et ${max} (reçu : ${describeValue(input)})`,
          ),
    (a) => a,
  );

/** One card type of the catalogue: what it needs as documents and which files it takes. */
export const CardTypeDefinition: t.Type<CardTypeDefinition, CardTypeDefinition, unknown> = t.readonly(
  t.exact(
    t.type({
      code: CardTypeCode,
      label: Label,
      /** Document types that each need at least one file before transmission. */
      requiredDocumentTypes: t.readonlyArray(Label),
      /** Document types the employer may add; usually `Autre`. */
      optionalDocumentTypes: t.readonlyArray(Label),
      allowedFormats: t.readonlyArray(FileFormat),
      maxFilesPerType: wholeNumber(
        'MAX_FILES_PER_TYPE',
        'Le nombre maximal de fichiers par type',
        MAX_FILES_PER_TYPE,
      ),
      maxFileSizeBytes: wholeNumber(
        'MAX_FILE_SIZE',
        "La taille maximale d'un fichier (octets)",
        MAX_FILE_SIZE_BYTES,
      ),
    }),
  ),
  'CardTypeDefinition',
);
/** One card type of the catalogue. */
export interface CardTypeDefinition {
  readonly code: string;
  readonly label: string;
  readonly requiredDocumentTypes: readonly string[];
  readonly optionalDocumentTypes: readonly string[];
  readonly allowedFormats: readonly FileFormat[];
  readonly maxFilesPerType: number;
  readonly maxFileSizeBytes: number;
}

/** Every document type a card type takes: the required ones, then the optional ones. */
export const documentTypesOf = (cardType: CardTypeDefinition): readonly string[] => [
  ...cardType.requiredDocumentTypes,
  ...cardType.optionalDocumentTypes,
];
