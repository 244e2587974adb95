// Erasure of a dossier's personal data (docs/audit.md): after the retention period, counted from
// the day the dossier ended; before, only forced and where the policy allows it. The decider's
// side; the service's (keys destroyed, values read [effacé]) is in service/erasure.test.ts.
import { ERASED_TEXT } from '@cartes-badges/eventsourcing';
import {
  caseManager,
  completeDraft,
  foldEvents,
  givenDossier,
  onDossier,
  transmittedDossier,
} from '../../testing';
import type { DossierEvent } from '../events';
import { personalFieldNames } from '../personal-data';
import type { ErasureContext } from './context';

// `givenDossier` records every past event at this time: the day a closed dossier ended.
const ENDED = '2025-12-03T09:30:00.000Z';
const closed: DossierEvent[] = [
  ...transmittedDossier(),
  { type: 'InstructionStarted', data: {} },
  { type: 'Granted', data: { amountGrantedCents: 21000 } },
  { type: 'Reimbursed', data: { amountPaidCents: 21000 } },
  { type: 'Closed', data: {} },
];
const policy = (now: string, allowForced = false): ErasureContext => ({
  now,
  retentionDays: 30,
  allowForced,
});
const erase = (force?: boolean) =>
  onDossier(
    'ErasePersonalData',
    { reason: 'Fin de conservation', ...(force === undefined ? {} : { force }) },
    caseManager,
  );
const erased = (forced: boolean): DossierEvent => ({
  type: 'PersonalDataErased',
  data: { reason: 'Fin de conservation', fields: personalFieldNames(), retentionDays: 30, forced },
});

describe('ErasePersonalData', () => {
  it('erases a closed dossier once the retention period has run, to the millisecond', () => {
    givenDossier(closed)
      .when(erase(), { erasure: policy('2026-01-02T09:30:00.000Z') })
      .thenEvents([erased(false)]);
  });

  it('refuses one millisecond before the end of the retention period, naming the dates', () => {
    givenDossier(closed)
      .when(erase(), { erasure: policy('2026-01-02T09:29:59.999Z') })
      .thenError({
        code: 'RETENTION_NOT_REACHED',
        message:
          "Durée de conservation non échue : le dossier a pris fin le 03/12/2025, ses données personnelles sont conservées 30 jours, jusqu'au 02/01/2026 ; rien n'a été effacé",
      });
  });

  it('keeps a dossier still in progress, naming its state', () => {
    givenDossier(transmittedDossier())
      .when(erase(), { erasure: policy('2030-01-01T00:00:00.000Z') })
      .thenError({
        code: 'RETENTION_NOT_REACHED',
        message:
          "Le dossier est dans l'état « Transmis » : ses données personnelles sont conservées jusqu'à 30 jours après sa clôture, son annulation ou sa suppression ; rien n'a été effacé",
      });
  });

  it('forced: erases a dossier in progress where the policy allows it, and is refused where it does not', () => {
    givenDossier(transmittedDossier())
      .when(erase(true), { erasure: policy(ENDED, true) })
      .thenEvents([erased(true)]);
    givenDossier(closed)
      .when(erase(true), { erasure: policy('2030-01-01T00:00:00.000Z', false) })
      .thenError({
        code: 'FORCED_ERASURE_NOT_ALLOWED',
        field: 'payload.force',
        message:
          "L'effacement avant la fin de la durée de conservation n'est pas permis par la politique de conservation de ce service : rien n'a été effacé",
      });
  });

  it('`force: false` is an ordinary erasure, not a forced one', () => {
    givenDossier(completeDraft())
      .when(erase(false), { erasure: policy(ENDED, true) })
      .thenError({ code: 'RETENTION_NOT_REACHED' });
  });

  it('decides nothing for an erased dossier (a retry), and is refused without a retention policy', () => {
    givenDossier([...closed, erased(false)])
      .when(erase(), { erasure: policy('2030-01-01T00:00:00.000Z') })
      .thenNothing();
    givenDossier(closed).when(erase()).thenError({
      code: 'MISSING_CONTEXT',
      message: 'Donnée de contexte manquante pour décider : politique de conservation (erasure)',
    });
  });

  it('reads every personal value of the state as erased afterwards, and leaves absent ones absent', () => {
    const state = foldEvents([
      ...completeDraft(),
      { type: 'CommentChanged', data: { comment: 'Appeler Mme Durand' } },
      { type: 'PersonalDataErased', data: { reason: 'x', fields: [], retentionDays: 30, forced: true } },
    ] as DossierEvent[]);
    expect(state).toEqual(
      expect.objectContaining({
        contactEmail: ERASED_TEXT,
        comment: ERASED_TEXT,
        internalReference: null,
        complementsRequest: null,
        refusalReason: null,
        cancellationReason: null,
        personalDataErasedAt: ENDED,
      }),
    );
    expect(state.documents.map((d) => d.file.name)).toEqual([ERASED_TEXT, ERASED_TEXT]);
    expect(state.documents.map((d) => d.documentType)).toEqual([
      'Copie facture prestataire',
      'Facture entreprise',
    ]);
  });
});
