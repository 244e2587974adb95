import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { FileFormat } from '../documents/file-format';
import { describeValue } from '../identifiers/describe-value';
import { FieldCodec, problem } from '../identifiers/field-codec';
import { referenceText } from './text';

const HEX64 = /^[0-9a-f]{64}$/;

/** A SHA-256 digest in lower-case hexadecimal (64 characters). */
export const Sha256Hex = new FieldCodec<string>(
  'Sha256Hex',
  (input) =>
    typeof input === 'string' && HEX64.test(input)
      ? E.right(input)
      : problem(
          'SHA256_FORMAT',
          `L'empreinte SHA-256 ${describeValue(input)} n'est pas valide : attendu 64 caractères hexadécimaux minuscules`,
        ),
  (a) => a,
);

const ByteSize = new FieldCodec<number>(
  'ByteSize',
  (input) =>
    typeof input === 'number' && Number.isSafeInteger(input) && input >= 0
      ? E.right(input)
      : problem(
          'FILE_SIZE_FORMAT',
          `La taille du fichier doit être un nombre entier d'octets (reçu : ${describeValue(input)})`,
        ),
  (a) => a,
);

/**
 * What the library keeps of an uploaded file: its name, size, media type and format
 * (checked against the content), SHA-256, and the key of its bytes in the blob store.
 */
export const FileMetadata = t.readonly(
  t.exact(
    t.type({
      name: referenceText('FileName', 'Le nom du fichier', 255),
      size: ByteSize,
      mediaType: referenceText('MediaType', 'Le type de média', 255),
      format: FileFormat,
      sha256: Sha256Hex,
      storageKey: referenceText('StorageKey', 'La clé de stockage', 255),
    }),
  ),
  'FileMetadata',
);
/** An uploaded file's metadata. */
export type FileMetadata = t.TypeOf<typeof FileMetadata>;
