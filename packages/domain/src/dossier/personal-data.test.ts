// Crypto-shredding works per dossier: each dossier stream is its own subject (one key each), and
// the numbering streams, which hold nothing personal, have none.
import { dossierSubjectOf, personalFieldNames } from './personal-data';

describe('the personal data of a dossier', () => {
  it('a dossier stream is its own subject; a stream of another kind has none', () => {
    expect(dossierSubjectOf('dossier-0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a')).toBe(
      'dossier-0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a',
    );
    expect(dossierSubjectOf('numbering-draft')).toBeUndefined();
    expect(dossierSubjectOf('my-dossier-1')).toBeUndefined();
  });

  it('names each personal field as EventType.path, the way an erasure event lists them', () => {
    expect(personalFieldNames()).toEqual([
      'PresaisieSubmitted.contactEmail',
      'PresaisieSubmitted.comment',
      'DraftDuplicated.contactEmail',
      'DraftDuplicated.internalReference',
      'DraftDuplicated.comment',
      'ContactEmailChanged.email',
      'InternalReferenceChanged.internalReference',
      'CommentChanged.comment',
      'DocumentAttached.file.name',
      'PresaisieRefused.reason',
      'ComplementsRequested.message',
      'ComplementSubmitted.comment',
      'Refused.reason',
      'Cancelled.reason',
    ]);
  });
});
