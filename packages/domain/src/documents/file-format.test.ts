// the library keeps each file's media type. The expected types are the IANA registrations
// (RFC 8118 for pdf, RFC 2046 for jpeg and png, RFC 7111 for csv, Microsoft's for the office
// formats), written here rather than read from MEDIA_TYPES.
import * as E from 'fp-ts/Either';
import { decodeField } from '../identifiers/decode-field';
import { fieldError } from '../identifiers/field-error';
import { FileFormat, MEDIA_TYPES } from './file-format';

describe('MEDIA_TYPES', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['jpg', 'image/jpeg'],
    ['png', 'image/png'],
    ['xls', 'application/vnd.ms-excel'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['csv', 'text/csv'],
  ] as const)('R-20 stores a %s file as %s', (format, mediaType) => {
    expect(MEDIA_TYPES[format]).toBe(mediaType);
  });
});

describe('FileFormat', () => {
  it('R-20 says a FileFormat was expected when a format is outside the list', () => {
    expect(decodeField(FileFormat, 'odt', 'format')).toEqual(
      E.left(
        fieldError(
          'INVALID_FORMAT',
          'format',
          "Ce champ n'est pas valide (reçu : « odt ») : attendu FileFormat",
        ),
      ),
    );
  });
});
