import * as E from 'fp-ts/Either';
import type { CardTypeDefinition } from '../catalogue/card-type';
import { describeValue } from '../identifiers/describe-value';
import { fieldError, type FieldError } from '../identifiers/field-error';
import { sha256Hex } from './blob-store';
import { detectFormat } from './detect-format';
import { EXTENSIONS, extensionOf, MEDIA_TYPES, type FileFormat } from './file-format';

/** A file as it arrives from an upload form. */
export interface UploadedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** What the browser claimed; informational only: browsers send `application/vnd.ms-excel` for .csv. */
  readonly declaredMediaType?: string;
}

/** A file that passed every check of R-19…R-21, ready to be stored and attached. */
export interface CheckedFile {
  /** The file name without any path a browser may prefix (`C:\fakepath\…`). */
  readonly name: string;
  readonly size: number;
  /** The canonical media type of the format found in the content. */
  readonly mediaType: string;
  readonly format: FileFormat;
  readonly sha256: string;
}

const MAX_NAME_LENGTH = 255;
const hasControlCharacter = (s: string): boolean =>
  [...s].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f');

/** "20 Mo", "1,5 Mo", "300 Ko": sizes as the portal writes them (1 Mo = 1 048 576 octets). */
export function formatFileSize(bytes: number): string {
  const mo = bytes / (1024 * 1024);
  if (mo >= 1) return `${Number.isInteger(mo) ? mo : mo.toFixed(1).replace('.', ',')} Mo`;
  return `${Math.ceil(bytes / 1024)} Ko`;
}

/**
 * Checks an uploaded file for a document type of a card type (R-19…R-21): the document type is
 * one of the card type's (required or optional); the extension is an accepted format and the
 * content really is that format; the size is within the limit; fewer than the maximum files
 * are already attached for that type. Every problem found is returned, each naming its field.
 */
export function checkUploadedFile(
  file: UploadedFile,
  cardType: CardTypeDefinition,
  documentType: string,
  existingCountForType: number,
): E.Either<FieldError[], CheckedFile> {
  const errors: FieldError[] = [];
  const known = [...cardType.requiredDocumentTypes, ...cardType.optionalDocumentTypes];
  if (!known.includes(documentType)) {
    errors.push(
      fieldError(
        'DOCUMENT_TYPE_UNKNOWN',
        'documentType',
        `Le type de document ${describeValue(documentType)} n'est pas prévu pour la ${cardType.label} : attendu l'un de ${known.map((d) => `« ${d} »`).join(', ')}`,
      ),
    );
  } else if (existingCountForType >= cardType.maxFilesPerType) {
    errors.push(
      fieldError(
        'FILE_TOO_MANY_FOR_TYPE',
        'documentType',
        `${cardType.maxFilesPerType} fichiers maximum par type de document : « ${documentType} » en compte déjà ${existingCountForType}`,
      ),
    );
  }

  const name = typeof file.fileName === 'string' ? baseName(file.fileName) : '';
  if (name === '' || name.length > MAX_NAME_LENGTH || hasControlCharacter(name)) {
    errors.push(
      fieldError(
        'FILE_NAME_INVALID',
        'fileName',
        `Le nom de fichier ${describeValue(file.fileName)} n'est pas valide : attendu un nom de 1 à ${MAX_NAME_LENGTH} caractères avec son extension`,
      ),
    );
    return E.left(errors);
  }

  if (!(file.bytes instanceof Uint8Array)) {
    errors.push(fieldError('FILE_CONTENT_MISSING', 'file', `Le contenu du fichier « ${name} » est absent`));
    return E.left(errors);
  }
  const size = file.bytes.byteLength;
  if (size === 0) errors.push(fieldError('FILE_EMPTY', 'file', `Le fichier « ${name} » est vide`));
  if (size > cardType.maxFileSizeBytes) {
    errors.push(
      fieldError(
        'FILE_TOO_LARGE',
        'file',
        `Le fichier dépasse la taille maximale de ${formatFileSize(cardType.maxFileSizeBytes)}`,
      ),
    );
  }

  const extension = extensionOf(name);
  const announced: FileFormat | undefined = Object.prototype.hasOwnProperty.call(EXTENSIONS, extension)
    ? EXTENSIONS[extension]
    : undefined;
  if (announced === undefined || !cardType.allowedFormats.includes(announced)) {
    errors.push(
      fieldError(
        'FILE_FORMAT_NOT_ALLOWED',
        'fileName',
        `Le format du fichier « ${name} » n'est pas accepté : formats acceptés ${cardType.allowedFormats.join(', ')}`,
      ),
    );
    return E.left(errors);
  }
  if (size > 0 && detectFormat(file.bytes) !== announced) {
    errors.push(
      fieldError(
        'FILE_CONTENT_MISMATCH',
        'file',
        `Le contenu du fichier ne correspond pas à son extension .${extension}`,
      ),
    );
  }

  if (errors.length > 0) return E.left(errors);
  return E.right({
    name,
    size,
    mediaType: MEDIA_TYPES[announced],
    format: announced,
    sha256: sha256Hex(file.bytes),
  });
}

function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).trim();
}
