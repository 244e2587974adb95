import * as E from 'fp-ts/Either';
import {
  completeDraft,
  decideOn,
  draftCreated,
  fileMetadata,
  foldEvents,
  onDossier,
  presaisieSubmitted,
  provider,
  transmittedDossier,
  givenDossier,
} from '../../testing';
import type { DossierEvent } from '../events';
import { documentsProgress } from '../validation/documents-progress';

const attach = (
  documentType: string,
  documentId?: string,
  actor = undefined as Parameters<typeof onDossier>[2],
) =>
  onDossier(
    'AttachDocument',
    {
      documentType,
      fileName: 'facture.pdf',
      content: new Uint8Array([0x25]),
      ...(documentId ? { documentId } : {}),
    },
    actor,
  );

const attachedEvent = (documentType: string, n: number): DossierEvent => ({
  type: 'DocumentAttached',
  data: {
    documentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    documentType,
    file: fileMetadata(`f${n}.pdf`),
  },
});

describe('documents', () => {
  it('R-19 files go under the card type’s document types; another type is refused', () => {
    const ok = decideOn([draftCreated()], attach('Copie facture prestataire'), {
      file: fileMetadata('facture.pdf'),
    });
    expect(ok).toEqual(
      E.right([
        expect.objectContaining({
          type: 'DocumentAttached',
          data: expect.objectContaining({ documentType: 'Copie facture prestataire' }),
        }),
      ]),
    );
    givenDossier([draftCreated()])
      .when(attach('Liste des salariés bénéficiaires'), { file: fileMetadata('l.pdf') })
      .thenError({ code: 'DOCUMENT_TYPE_NOT_ALLOWED', field: 'payload.documentType' });
  });

  it('R-20 at most 5 files per document type', () => {
    const five = [1, 2, 3, 4, 5].map((n) => attachedEvent('Facture entreprise', n));
    expect(
      decideOn([draftCreated(), ...five], attach('Facture entreprise'), { file: fileMetadata('six.pdf') }),
    ).toEqual(
      E.left(
        expect.objectContaining({
          code: 'TOO_MANY_FILES',
          message: '5 fichiers maximum pour le type « Facture entreprise »',
        }),
      ),
    );
    expect(
      E.isRight(decideOn([draftCreated(), ...five], attach('Autre'), { file: fileMetadata('autre.pdf') })),
    ).toBe(true);
  });

  it('R-20 the event keeps the file metadata (name, size, media type, sha256, storage key), not the bytes', () => {
    const file = fileMetadata('facture.pdf');
    const result = decideOn(
      [draftCreated()],
      attach('Facture entreprise', '00000000-0000-4000-8000-0000000000f1'),
      { file },
    );
    expect(result).toEqual(
      E.right([
        {
          type: 'DocumentAttached',
          data: {
            documentId: '00000000-0000-4000-8000-0000000000f1',
            documentType: 'Facture entreprise',
            file,
          },
        },
      ]),
    );
  });

  it('R-21 other documents go under "Autre" and can be removed again', () => {
    const history = [draftCreated(), attachedEvent('Autre', 7)];
    const removed = decideOn(
      history,
      onDossier('RemoveDocument', { documentId: '00000000-0000-4000-8000-000000000007' }),
    );
    expect(removed).toEqual(
      E.right([
        {
          type: 'DocumentRemoved',
          data: { documentId: '00000000-0000-4000-8000-000000000007', documentType: 'Autre' },
        },
      ]),
    );
    const after = foldEvents([...history, ...(E.isRight(removed) ? removed.right : [])]);
    expect(after.documents).toEqual([]);
    givenDossier(history)
      .when(onDossier('RemoveDocument', { documentId: '00000000-0000-4000-8000-000000000008' }))
      .thenError({ code: 'DOCUMENT_NOT_FOUND' });
  });

  it('R-22 after transmission documents can still be added from the dossier page, not removed', () => {
    const result = decideOn(transmittedDossier(), attach('Autre'), { file: fileMetadata('oubli.pdf') });
    expect(E.isRight(result)).toBe(true);
    const state = foldEvents([...transmittedDossier(), ...(E.isRight(result) ? result.right : [])]);
    expect(state.documents.at(-1)?.attachedAfterTransmission).toBe(true);
    const docId = transmittedDossier().flatMap((e) =>
      e.type === 'DocumentAttached' ? [e.data.documentId] : [],
    )[0];
    givenDossier(transmittedDossier())
      .when(onDossier('RemoveDocument', { documentId: docId }))
      .thenError({ code: 'DOCUMENT_NOT_REMOVABLE' });
  });

  it('R-30 the employer cannot attach to a pré-saisie awaiting acceptance; its provider can', () => {
    givenDossier([presaisieSubmitted()])
      .when(attach('Autre'), { file: fileMetadata('a.pdf') })
      .thenError({ code: 'PRESAISIE_READ_ONLY' });
    expect(
      E.isRight(
        decideOn([presaisieSubmitted()], attach('Copie facture prestataire', undefined, provider), {
          file: fileMetadata('a.pdf'),
        }),
      ),
    ).toBe(true);
  });
});

describe('R-37 optional document types', () => {
  it('R-37 files go under "Attestation de l\'employeur" and never count toward the required types', () => {
    const events = decideOn([draftCreated()], attach("Attestation de l'employeur"), {
      file: fileMetadata('attestation.pdf'),
    });
    if (E.isLeft(events)) throw new Error(events.left.message);
    const state = foldEvents([draftCreated(), ...events.right, attachedEvent('Autre', 9)]);
    expect(state.documents.map((d) => d.documentType)).toEqual(["Attestation de l'employeur", 'Autre']);
    expect(documentsProgress(state)).toEqual(
      expect.objectContaining({
        provided: 0,
        required: 2,
        label: '0/2 types de documents obligatoires à transmettre',
        complete: false,
      }),
    );
  });
});

describe('removing a file under a required type (decision, docs/domain.md)', () => {
  it('R-21 a draft may drop a required invoice (to replace it): the counter goes back down and transmission waits for a new one', () => {
    const history = [...completeDraft()];
    const removal = decideOn(
      history,
      onDossier('RemoveDocument', { documentId: '00000000-0000-4000-8000-00000000d002' }),
    );
    if (E.isLeft(removal)) throw new Error(removal.left.message);
    expect(removal.right).toEqual([
      {
        type: 'DocumentRemoved',
        data: { documentId: '00000000-0000-4000-8000-00000000d002', documentType: 'Facture entreprise' },
      },
    ]);
    const state = foldEvents([...history, ...removal.right]);
    expect(documentsProgress(state).label).toBe('1/2 types de documents obligatoires à transmettre');
    givenDossier([...history, ...removal.right])
      .when(onDossier('TransmitDossier'), {
        dossierNumber: '2512AF000408',
      })
      .thenError({ code: 'INVALID_INPUT', message: 'Saisie invalide : Documents' });
  });

  it('R-22 once transmitted, no file can be removed, required or not: what the fund received stays', () => {
    givenDossier(transmittedDossier())
      .when(onDossier('RemoveDocument', { documentId: '00000000-0000-4000-8000-00000000d001' }))
      .thenError({ code: 'DOCUMENT_NOT_REMOVABLE' });
  });
});
