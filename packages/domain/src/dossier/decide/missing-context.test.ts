// The decider does no I/O: what a command needs from outside (an INSEE snapshot, a reserved
// number, the checked file, ...) comes in its context. A service that forgot one gets a refusal
// naming it, never a half-made event (architecture: "The decider").
import type { DossierEvent } from '../events';
import type { DossierCommand } from '../commands';
import { initialDossierState } from '../state';
import type { DossierContext } from './context';
import {
  command,
  completeDraft,
  CSD_PROVIDER,
  DOSSIER_ID,
  draftCreated,
  fileMetadata,
  foldEvents,
  givenDossier,
  HUM_CLICHY,
  onDossier,
  OTHER_DOSSIER_ID,
  provider,
} from '../../testing';

const create = command('CreateDraft', { payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' } });
const submit = command('SubmitPresaisie', {
  actor: provider,
  payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO', costLines: [] },
});
const duplicate = command('DuplicateDraft', {
  dossierId: OTHER_DOSSIER_ID,
  payload: { sourceDossierId: DOSSIER_ID },
});
const attach = onDossier('AttachDocument', {
  documentType: 'Autre',
  fileName: 'a.pdf',
  content: new Uint8Array([1]),
});

const CASES: [string, DossierEvent[], DossierCommand, Partial<DossierContext>, string][] = [
  ['CreateDraft', [], create, { draftNumber: 1 }, 'establishment'],
  ['CreateDraft', [], create, { establishment: HUM_CLICHY }, 'draftNumber'],
  ['SubmitPresaisie', [], submit, { establishment: HUM_CLICHY, draftNumber: 1 }, 'actingProvider'],
  ['DuplicateDraft', [], duplicate, { draftNumber: 1 }, 'source'],
  ['DuplicateDraft', [], duplicate, { source: foldEvents(completeDraft()) }, 'draftNumber'],
  [
    'SelectProvider',
    [draftCreated()],
    onDossier('SelectProvider', { search: CSD_PROVIDER.siren }),
    {},
    'selectedProvider',
  ],
  [
    'SaveDraft',
    [draftCreated()],
    onDossier('SaveDraft', { providerSearch: CSD_PROVIDER.siren }),
    {},
    'selectedProvider',
  ],
  ['AttachDocument', [draftCreated()], attach, {}, 'file'],
  ['TransmitDossier', completeDraft(), onDossier('TransmitDossier'), {}, 'dossierNumber'],
  [
    'TransmitDossier',
    completeDraft(),
    onDossier('TransmitDossier'),
    { dossierNumber: '2512AF' },
    'dossierNumber',
  ],
];

describe('a context value the service did not give', () => {
  it.each(CASES)(
    '%s without it is refused naming it, nothing decided (%#)',
    (_type, history, cmd, extra, what) => {
      givenDossier(history)
        .when(cmd, extra)
        .thenError({
          code: 'MISSING_CONTEXT',
          message: `Donnée de contexte manquante pour décider : ${what}`,
        });
    },
  );

  it('the same commands with it are decided', () => {
    expect(
      givenDossier([]).when(create, { establishment: HUM_CLICHY, draftNumber: 1 }).events(),
    ).toHaveLength(1);
    expect(
      givenDossier([draftCreated()])
        .when(attach, { file: fileMetadata('a.pdf') })
        .events(),
    ).toHaveLength(1);
    expect(
      givenDossier(completeDraft())
        .when(onDossier('TransmitDossier'), { dossierNumber: '2512AF000001' })
        .events(),
    ).toHaveLength(1);
  });
});

describe('a looked-up value the service found absent', () => {
  it('R-12 a provider search SIRENE does not know is refused on the field it came in, from both forms', () => {
    for (const [cmd, field] of [
      [onDossier('SelectProvider', { search: '443061841' }), 'payload.search'],
      [onDossier('SaveDraft', { providerSearch: '443061841' }), 'payload.providerSearch'],
    ] as const) {
      givenDossier([draftCreated()]).when(cmd, { selectedProvider: null }).thenError({
        code: 'PROVIDER_NOT_FOUND',
        message: 'Aucun prestataire trouvé dans la base SIRENE pour ce SIREN ou SIRET',
        field,
        tab: 'Prestation',
      });
    }
  });

  it('R-27 duplicating a draft that does not exist is refused on the source’s id', () => {
    givenDossier([]).when(duplicate, { source: initialDossierState(), draftNumber: 1 }).thenError({
      code: 'DOSSIER_NOT_FOUND',
      message: 'Le brouillon à dupliquer est introuvable',
      field: 'payload.sourceDossierId',
    });
  });
});
