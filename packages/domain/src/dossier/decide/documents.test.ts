import {
  completeDraft,
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
import { initialDossierState } from '../state';
import { documentsProgress } from '../validation/documents-progress';
import { allowedDocumentTypes } from './documents';

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
    const ok = givenDossier([draftCreated()])
      .when(attach('Copie facture prestataire'), { file: fileMetadata('facture.pdf') })
      .events();
    expect(ok).toEqual([
      expect.objectContaining({
        type: 'DocumentAttached',
        data: expect.objectContaining({ documentType: 'Copie facture prestataire' }),
      }),
    ]);
    givenDossier([draftCreated()])
      .when(attach('Liste des salariés bénéficiaires'), { file: fileMetadata('l.pdf') })
      .thenError({ code: 'DOCUMENT_TYPE_NOT_ALLOWED', field: 'payload.documentType' });
  });

  it('R-20 at most 5 files per document type', () => {
    const five = [1, 2, 3, 4, 5].map((n) => attachedEvent('Facture entreprise', n));
    givenDossier([draftCreated(), ...five])
      .when(attach('Facture entreprise'), { file: fileMetadata('six.pdf') })
      .thenError({
        code: 'TOO_MANY_FILES',
        message: '5 fichiers maximum pour le type « Facture entreprise »',
      });
    givenDossier([draftCreated(), ...five])
      .when(attach('Autre'), { file: fileMetadata('autre.pdf') })
      .thenState((state) => expect(state.documents.map((d) => d.documentType).at(-1)).toBe('Autre'));
  });

  it('R-20 the event keeps the file metadata (name, size, media type, sha256, storage key), not the bytes', () => {
    const file = fileMetadata('facture.pdf');
    givenDossier([draftCreated()])
      .when(attach('Facture entreprise', '00000000-0000-4000-8000-0000000000f1'), { file })
      .thenEvents([
        {
          type: 'DocumentAttached',
          data: {
            documentId: '00000000-0000-4000-8000-0000000000f1',
            documentType: 'Facture entreprise',
            file,
          },
        },
      ]);
  });

  it('R-21 other documents go under "Autre" and can be removed again', () => {
    const history = [draftCreated(), attachedEvent('Autre', 7)];
    const removed = givenDossier(history).when(
      onDossier('RemoveDocument', { documentId: '00000000-0000-4000-8000-000000000007' }),
    );
    removed.thenEvents([
      {
        type: 'DocumentRemoved',
        data: { documentId: '00000000-0000-4000-8000-000000000007', documentType: 'Autre' },
      },
    ]);
    removed.thenState((after) => expect(after.documents).toEqual([]));
    givenDossier(history)
      .when(onDossier('RemoveDocument', { documentId: '00000000-0000-4000-8000-000000000008' }))
      .thenError({ code: 'DOCUMENT_NOT_FOUND' });
  });

  it('R-22 after transmission documents can still be added from the dossier page, not removed', () => {
    givenDossier(transmittedDossier())
      .when(attach('Autre'), { file: fileMetadata('oubli.pdf') })
      .thenState((state) => expect(state.documents.at(-1)?.attachedAfterTransmission).toBe(true));
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
    givenDossier([presaisieSubmitted()])
      .when(attach('Copie facture prestataire', undefined, provider), { file: fileMetadata('a.pdf') })
      .thenState((state) =>
        expect(state.documents.map((d) => d.documentType)).toEqual(['Copie facture prestataire']),
      );
  });
});

describe('R-37 optional document types', () => {
  it('R-37 files go under "Attestation de l\'employeur" and never count toward the required types', () => {
    const events = givenDossier([draftCreated()])
      .when(attach("Attestation de l'employeur"), { file: fileMetadata('attestation.pdf') })
      .events();
    const state = foldEvents([draftCreated(), ...events, attachedEvent('Autre', 9)]);
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
    const removal = givenDossier(history).when(
      onDossier('RemoveDocument', { documentId: '00000000-0000-4000-8000-00000000d002' }),
    );
    removal.thenEvents([
      {
        type: 'DocumentRemoved',
        data: { documentId: '00000000-0000-4000-8000-00000000d002', documentType: 'Facture entreprise' },
      },
    ]);
    removal.thenState((state) =>
      expect(documentsProgress(state).label).toBe('1/2 types de documents obligatoires à transmettre'),
    );
    givenDossier([...history, ...removal.events()])
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

describe('document types and ids', () => {
  it('R-19 R-21 R-37 a dossier takes its card type’s required and optional types, and "Autre" once', () => {
    const types = allowedDocumentTypes(foldEvents([draftCreated()]));
    expect(types).toEqual(
      expect.arrayContaining([
        'Copie facture prestataire',
        'Facture entreprise',
        "Attestation de l'employeur",
      ]),
    );
    expect(types.filter((t) => t === 'Autre')).toEqual(['Autre']);
    // A dossier without a card type yet still takes "Autre".
    expect(allowedDocumentTypes(initialDossierState())).toEqual(['Autre']);
  });

  it('R-36 refuses a document id already used on the dossier, naming it', () => {
    const id = '00000000-0000-4000-8000-0000000000f1';
    givenDossier([
      draftCreated(),
      ...givenDossier([draftCreated()])
        .when(attach('Autre', id), { file: fileMetadata('a.pdf') })
        .events(),
    ])
      .when(attach('Facture entreprise', id), { file: fileMetadata('b.pdf') })
      .thenError({
        code: 'DOCUMENT_ID_TAKEN',
        message: `Un document d'identifiant ${id} est déjà joint`,
        field: 'payload.documentId',
      });
  });
});
