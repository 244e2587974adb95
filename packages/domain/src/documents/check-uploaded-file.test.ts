import { createHash } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { BTP, CHRONO } from '../catalogue/default-catalogue';
import { sampleCompoundFile, sampleCsv, sampleFile, samplePdf, samplePng } from '../fixtures/sample-files';
import { checkUploadedFile, formatFileSize } from './check-uploaded-file';
import { FILE_FORMATS, MEDIA_TYPES } from './file-format';
import { assertRight } from '@cartes-badges/eventsourcing/testing';

const codes = (r: E.Either<readonly { code: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((e) => e.code) : [];

describe('checkUploadedFile', () => {
  it.each(FILE_FORMATS.map((f) => [f]))('R-20 accepts a %s whose content matches its extension', (format) => {
    const file = sampleFile(format);
    const checked = checkUploadedFile(file, CHRONO, 'Facture entreprise', 0);
    expect(checked).toEqual(
      E.right({
        name: file.fileName,
        size: file.bytes.length,
        mediaType: MEDIA_TYPES[format],
        format,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
      }),
    );
  });

  it('R-20 refuses a .pdf that is really a PNG', () => {
    expect(
      checkUploadedFile({ fileName: 'facture.pdf', bytes: samplePng() }, CHRONO, 'Facture entreprise', 0),
    ).toEqual(
      E.left([
        {
          code: 'FILE_CONTENT_MISMATCH',
          field: 'file',
          kind: 'format',
          message: 'Le contenu du fichier ne correspond pas à son extension .pdf',
        },
      ]),
    );
  });

  it('R-20 refuses a .csv that is binary and a .xls that is a Word document', () => {
    const binary = new Uint8Array([0x00, 0x01, 0x02, 0x03]);
    expect(codes(checkUploadedFile({ fileName: 'liste.csv', bytes: binary }, CHRONO, 'Autre', 0))).toEqual([
      'FILE_CONTENT_MISMATCH',
    ]);
    expect(
      codes(
        checkUploadedFile(
          { fileName: 'liste.xls', bytes: sampleCompoundFile('WordDocument') },
          CHRONO,
          'Autre',
          0,
        ),
      ),
    ).toEqual(['FILE_CONTENT_MISMATCH']);
  });

  it('R-20 accepts .jpeg and upper-case extensions, and keeps only the base name', () => {
    const jpg = sampleFile('jpg').bytes;
    const checked = checkUploadedFile(
      { fileName: 'C:\\fakepath\\PHOTO.JPEG', bytes: jpg },
      CHRONO,
      'Autre',
      0,
    );
    const { name, format } = assertRight(checked);
    expect([name, format]).toEqual(['PHOTO.JPEG', 'jpg']);
  });

  it('R-20 trusts the content, not the media type the browser declared', () => {
    const checked = checkUploadedFile(
      { fileName: 'liste.csv', bytes: sampleCsv(), declaredMediaType: 'application/vnd.ms-excel' },
      BTP,
      'Liste des salariés bénéficiaires',
      0,
    );
    expect(assertRight(checked).mediaType).toBe('text/csv');
  });

  it.each(['virus.exe', 'archive.zip', 'facture', 'facture.', '.pdf', 'document.doc'])(
    'R-20 refuses the format of %j, listing the accepted ones',
    (fileName) => {
      const result = checkUploadedFile({ fileName, bytes: samplePdf() }, CHRONO, 'Autre', 0);
      expect(result).toEqual(
        E.left([
          expect.objectContaining({
            code: 'FILE_FORMAT_NOT_ALLOWED',
            field: 'fileName',
            message: `Le format du fichier « ${fileName} » n'est pas accepté : formats acceptés pdf, jpg, png, xls, xlsx, docx, csv`,
          }),
        ]),
      );
    },
  );

  it('R-20 refuses a format the card type does not take', () => {
    const pdfOnly = { ...CHRONO, allowedFormats: ['pdf' as const] };
    expect(codes(checkUploadedFile(sampleFile('png'), pdfOnly, 'Autre', 0))).toEqual([
      'FILE_FORMAT_NOT_ALLOWED',
    ]);
  });

  it('R-20 accepts exactly 20 Mo and refuses one byte more', () => {
    const limit = 20 * 1024 * 1024;
    const atLimit = new Uint8Array(limit);
    atLimit.set(samplePdf());
    assertRight(checkUploadedFile({ fileName: 'gros.pdf', bytes: atLimit }, CHRONO, 'Autre', 0));
    const over = new Uint8Array(limit + 1);
    over.set(samplePdf());
    expect(checkUploadedFile({ fileName: 'gros.pdf', bytes: over }, CHRONO, 'Autre', 0)).toEqual(
      E.left([
        {
          code: 'FILE_TOO_LARGE',
          field: 'file',
          kind: 'format',
          message: 'Le fichier dépasse la taille maximale de 20 Mo',
        },
      ]),
    );
  });

  it('R-20 refuses an empty file', () => {
    expect(
      codes(checkUploadedFile({ fileName: 'vide.pdf', bytes: new Uint8Array() }, CHRONO, 'Autre', 0)),
    ).toEqual(['FILE_EMPTY']);
  });

  it('R-20 takes a 5th file for a document type and refuses a 6th', () => {
    assertRight(checkUploadedFile(sampleFile('pdf'), CHRONO, 'Facture entreprise', 4));
    expect(checkUploadedFile(sampleFile('pdf'), CHRONO, 'Facture entreprise', 5)).toEqual(
      E.left([
        {
          code: 'FILE_TOO_MANY_FOR_TYPE',
          field: 'documentType',
          kind: 'format',
          message: '5 fichiers maximum par type de document : « Facture entreprise » en compte déjà 5',
        },
      ]),
    );
  });

  it('R-19 refuses a document type the card type does not list', () => {
    expect(checkUploadedFile(sampleFile('pdf'), CHRONO, 'Liste des salariés bénéficiaires', 0)).toEqual(
      E.left([
        {
          code: 'DOCUMENT_TYPE_UNKNOWN',
          field: 'documentType',
          kind: 'format',
          message:
            "Le type de document « Liste des salariés bénéficiaires » n'est pas prévu pour la Carte chronotachygraphe (chrono) : attendu l'un de « Copie facture prestataire », « Facture entreprise », « Autre », « Attestation de l'employeur »",
        },
      ]),
    );
  });

  it('R-21 accepts files under the optional type "Autre"', () => {
    assertRight(checkUploadedFile(sampleFile('docx'), CHRONO, 'Autre', 0));
    assertRight(checkUploadedFile(sampleFile('docx'), BTP, 'Autre', 0));
  });

  it('reports every problem at once', () => {
    const over = new Uint8Array(20 * 1024 * 1024 + 1);
    over.set(samplePng());
    expect(codes(checkUploadedFile({ fileName: 'x.pdf', bytes: over }, CHRONO, 'Inconnu', 9))).toEqual([
      'DOCUMENT_TYPE_UNKNOWN',
      'FILE_TOO_LARGE',
      'FILE_CONTENT_MISMATCH',
    ]);
  });

  it.each(['', '   ', 'a\u0000.pdf', `${'a'.repeat(252)}.pdf`, 42])(
    'refuses the file name %j',
    (fileName) => {
      const result = checkUploadedFile(
        { fileName: fileName as string, bytes: samplePdf() },
        CHRONO,
        'Autre',
        0,
      );
      expect(codes(result)).toEqual(['FILE_NAME_INVALID']);
    },
  );

  it('refuses missing bytes', () => {
    const result = checkUploadedFile(
      { fileName: 'a.pdf', bytes: 'PDF' as unknown as Uint8Array },
      CHRONO,
      'Autre',
      0,
    );
    expect(codes(result)).toEqual(['FILE_CONTENT_MISSING']);
  });

  it('writes sizes as the portal does', () => {
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20 Mo');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1,5 Mo');
    expect(formatFileSize(300 * 1024)).toBe('300 Ko');
  });
});
