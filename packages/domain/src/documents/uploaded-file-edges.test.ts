// R-19…R-21: what checkUploadedFile tells the user at the limits of a file name, its content and
// its size. The mutation run of issue 20 (pnpm mutation documents) found these unasserted.
import * as E from 'fp-ts/Either';
import { CHRONO } from '../catalogue/default-catalogue';
import { samplePdf, samplePng } from '../fixtures/sample-files';
import { checkUploadedFile, formatFileSize } from './check-uploaded-file';
import { extensionOf } from './file-format';
import { assertLeft } from '@cartes-badges/eventsourcing/testing';

const check = (fileName: string, bytes: Uint8Array = samplePdf()) =>
  checkUploadedFile({ fileName, bytes }, CHRONO, 'Autre', 0);

const nameOf = (result: ReturnType<typeof check>) => (E.isRight(result) ? result.right.name : result.left);

describe('checkUploadedFile: the file name', () => {
  it('R-20 accepts a name of 255 characters, the longest a file system keeps', () => {
    const name = `${'a'.repeat(251)}.pdf`;
    expect(nameOf(check(name))).toBe(name);
  });

  it('R-20 accepts spaces inside a name and trims those around it', () => {
    expect(nameOf(check('facture de mars.pdf'))).toBe('facture de mars.pdf');
    expect(nameOf(check('  facture.pdf  '))).toBe('facture.pdf');
    expect(nameOf(check('C:\\fakepath\\ scan.pdf '))).toBe('scan.pdf');
    expect(nameOf(check('dossier/facture.pdf'))).toBe('facture.pdf');
  });

  it('R-20 refuses a control character (DEL included), saying what it expected', () => {
    expect(check('fac\u007fture.pdf')).toEqual(
      E.left([
        {
          code: 'FILE_NAME_INVALID',
          field: 'fileName',
          kind: 'format',
          message:
            "Le nom de fichier « fac\u007fture.pdf » n'est pas valide : attendu un nom de 1 à 255 caractères avec son extension",
        },
      ]),
    );
    assertLeft(check('fac\u001fture.pdf'));
  });
});

describe('checkUploadedFile: the content', () => {
  it('R-20 says which file is empty or has no content', () => {
    expect(check('vide.pdf', new Uint8Array())).toEqual(
      E.left([
        { code: 'FILE_EMPTY', field: 'file', kind: 'format', message: 'Le fichier « vide.pdf » est vide' },
      ]),
    );
    expect(check('absent.pdf', null as unknown as Uint8Array)).toEqual(
      E.left([
        {
          code: 'FILE_CONTENT_MISSING',
          field: 'file',
          kind: 'format',
          message: 'Le contenu du fichier « absent.pdf » est absent',
        },
      ]),
    );
  });

  it('R-20 names the formats the card type takes when it does not take this one', () => {
    const pdfAndJpg = { ...CHRONO, allowedFormats: ['pdf' as const, 'jpg' as const] };
    expect(checkUploadedFile({ fileName: 'scan.png', bytes: samplePng() }, pdfAndJpg, 'Autre', 0)).toEqual(
      E.left([
        {
          code: 'FILE_FORMAT_NOT_ALLOWED',
          field: 'fileName',
          kind: 'format',
          message: "Le format du fichier « scan.png » n'est pas accepté : formats acceptés pdf, jpg",
        },
      ]),
    );
  });

  it('R-20 does not take an inherited property name for an extension', () => {
    assertLeft(check('facture.constructor'));
    assertLeft(check('facture.__proto__'));
  });
});

describe('sizes and extensions as the portal writes them', () => {
  it('R-20 writes 1 Mo and over in Mo, under it in Ko rounded up', () => {
    expect(formatFileSize(1024 * 1024)).toBe('1 Mo');
    expect(formatFileSize(1024 * 1024 - 1)).toBe('1024 Ko');
    expect(formatFileSize(1500)).toBe('2 Ko');
    expect(formatFileSize(2.25 * 1024 * 1024)).toBe('2,3 Mo');
  });

  it('R-20 reads the extension of the base name only, lower-cased', () => {
    expect(extensionOf('C:\\Mes documents.2024\\SCAN.PNG')).toBe('png');
    expect(extensionOf('archives.2024/facture')).toBe('');
    expect(extensionOf('archives.2024\\facture')).toBe('');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('facture.tar.gz')).toBe('gz');
  });
});
