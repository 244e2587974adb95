import {
  acceptedCompletePresaisie,
  caseManager,
  command,
  completeDraft,
  CSD_PROVIDER,
  DOSSIER_ID,
  employer,
  fileMetadata,
  foldEvents,
  givenDossier,
  OTHER_DOSSIER_ID,
  OTHER_PROVIDER,
  otherEmployer,
  otherProvider,
  presaisieSubmitted,
  provider,
  HUM_CLICHY,
  HUM_LYON,
  SIAE_LILLE,
  TEST_ATTACHMENTS,
} from '../testing';
import { actorSiren, employerMayActFor, isPresaisieProvider, mayChange, mayRead } from './authorisation';
import type { DossierActor, DossierCommandType } from './commands';
import { DOSSIER_COMMAND_TYPES } from './commands';
import type { DossierContext } from './decide/context';
import type { DossierEvent } from './events';

const ACTORS: Record<string, DossierActor> = {
  'adhérent of the SIRET': employer,
  'adhérent of another company': otherEmployer,
  'provider of the pré-saisie': provider,
  'another provider': otherProvider,
  'case manager': caseManager,
};
type Who = keyof typeof ACTORS;
const A: Who = 'adhérent of the SIRET';
const P: Who = 'provider of the pré-saisie';
const Q: Who = 'another provider';
const G: Who = 'case manager';

const DOC_ID = '00000000-0000-4000-8000-0000000000c1';
const presaisieWithDoc: DossierEvent[] = [
  presaisieSubmitted(),
  {
    type: 'DocumentAttached',
    data: { documentId: DOC_ID, documentType: 'Copie facture prestataire', file: fileMetadata('c.pdf') },
  },
];
const acceptedDraft = acceptedCompletePresaisie();
const transmitted: DossierEvent[] = [
  ...acceptedDraft,
  { type: 'Transmitted', data: { dossierNumber: '2512AF000010', totalAmountCents: 21000 } },
];
const instructing: DossierEvent[] = [...transmitted, { type: 'InstructionStarted', data: {} }];
const complements: DossierEvent[] = [
  ...instructing,
  { type: 'ComplementsRequested', data: { message: 'Devis ?' } },
];
const granted: DossierEvent[] = [...instructing, { type: 'Granted', data: { amountGrantedCents: 20000 } }];
const reimbursed: DossierEvent[] = [...granted, { type: 'Reimbursed', data: { amountPaidCents: 20000 } }];

interface Row {
  readonly history: DossierEvent[];
  readonly payload?: unknown;
  readonly creation?: boolean;
  readonly allowed: readonly Who[];
  readonly extra?: Partial<DossierContext>;
}

// Each command in a state where it is legal for the right actor: the matrix then shows who may send it.
const MATRIX: Record<DossierCommandType, Row> = {
  CreateDraft: {
    history: [],
    creation: true,
    payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
    allowed: [A],
  },
  SubmitPresaisie: {
    history: [],
    creation: true,
    payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO', costLines: [] },
    allowed: [P, Q], // any provider known to SIRENE may start a pré-saisie
  },
  DuplicateDraft: {
    history: [],
    creation: true,
    payload: { sourceDossierId: DOSSIER_ID },
    allowed: [A],
    extra: { source: foldEvents(acceptedDraft) },
  },
  ChangeContactEmail: { history: acceptedDraft, payload: { email: 'rh2@hum-interim.fr' }, allowed: [A] },
  SelectProvider: {
    history: acceptedDraft,
    payload: { search: '443061841' },
    allowed: [A],
    extra: { selectedProvider: OTHER_PROVIDER },
  },
  ChangeInternalReference: { history: acceptedDraft, payload: { internalReference: 'BC-1' }, allowed: [A] },
  ChangeCostLines: { history: acceptedDraft, payload: { lines: [] }, allowed: [A] },
  GiveAttestation: {
    history: [presaisieSubmitted(), { type: 'PresaisieAccepted', data: {} }],
    payload: { attestation: 'honour' },
    allowed: [A],
  },
  WithdrawAttestation: { history: acceptedDraft, payload: { attestation: 'honour' }, allowed: [A] },
  ChangeComment: { history: acceptedDraft, payload: { comment: 'Merci' }, allowed: [A] },
  SaveDraft: { history: acceptedDraft, payload: { comment: 'Enregistré' }, allowed: [A] },
  AttachDocument: {
    history: presaisieWithDoc,
    payload: { documentType: 'Autre', fileName: 'a.pdf', content: new Uint8Array([1]) },
    allowed: [P], // before acceptance only the provider adds files; the employer reads
    extra: { file: fileMetadata('a.pdf') },
  },
  RemoveDocument: { history: presaisieWithDoc, payload: { documentId: DOC_ID }, allowed: [P] },
  AcceptPresaisie: { history: [presaisieSubmitted()], allowed: [A] },
  RefusePresaisie: { history: [presaisieSubmitted()], payload: {}, allowed: [A] },
  DeleteDraft: { history: completeDraft(), allowed: [A] }, // a pré-saisie is refused, never deleted
  TransmitDossier: { history: acceptedDraft, allowed: [A], extra: { dossierNumber: '2512AF000011' } },
  StartInstruction: { history: transmitted, allowed: [G] },
  RequestComplements: {
    history: instructing,
    payload: { message: 'Merci de joindre le devis' },
    allowed: [G],
  },
  SubmitComplement: { history: complements, payload: { comment: 'Devis joint' }, allowed: [A] },
  GrantFunding: { history: instructing, payload: { amountGrantedCents: 20000 }, allowed: [G] },
  RefuseFunding: { history: instructing, payload: { reason: 'Hors champ' }, allowed: [G] },
  RecordReimbursement: { history: granted, payload: { amountPaidCents: 20000 }, allowed: [G] },
  CloseDossier: { history: reimbursed, allowed: [G] },
  CancelDossier: { history: transmitted, payload: {}, allowed: [A, G] },
  // The fund erases; an employer (its own dossier included) or a provider is refused.
  ErasePersonalData: {
    history: [...reimbursed, { type: 'Closed', data: {} }],
    payload: { reason: 'Durée de conservation échue' },
    allowed: [G],
    extra: { erasure: { now: '2100-01-01T00:00:00.000Z', retentionDays: 1825, allowForced: false } },
  },
};

function actingProviderFor(actor: DossierActor) {
  if (actor === provider) return CSD_PROVIDER;
  if (actor === otherProvider) return OTHER_PROVIDER;
  return null;
}

const cases = DOSSIER_COMMAND_TYPES.flatMap((type) => Object.keys(ACTORS).map((who) => [type, who] as const));

describe('R-04 authorisation matrix: every command × every kind of actor', () => {
  it.each(cases)('R-04 %s by %s', (type, who) => {
    const row = MATRIX[type];
    const actor = ACTORS[who];
    const cmd = command(type, {
      actor,
      dossierId: row.creation ? OTHER_DOSSIER_ID : DOSSIER_ID,
      ...(row.payload !== undefined ? { payload: row.payload } : {}),
    });
    const extra = {
      establishment: HUM_CLICHY,
      draftNumber: 12000,
      actingProvider: actingProviderFor(actor),
      ...row.extra,
    };
    const when = givenDossier(row.history).when(cmd, extra);
    if (row.allowed.includes(who)) {
      // events() throws, with the refusal, when the command is refused.
      expect(() => when.events()).not.toThrow();
    } else {
      // The employer is authorised on its pré-saisie but it is read-only until accepted.
      const readOnly = who === A && foldEvents(row.history).status === 'presaisie';
      when.thenError({ code: readOnly ? 'PRESAISIE_READ_ONLY' : 'NOT_AUTHORISED' });
    }
  });

  it('covers every command', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...DOSSIER_COMMAND_TYPES].sort());
  });
});

describe('R-04 who acts for whom', () => {
  const draft = foldEvents(completeDraft()); // HUM's Clichy establishment
  const system: DossierActor = { role: 'system', userId: 'retention-job' };
  const attachments = TEST_ATTACHMENTS.amoa1;

  it('R-04 an employer user naming the SIRET or SIREN it acts for acts only for that one', () => {
    const forClichy = { ...employer, siret: HUM_CLICHY.siret };
    const forLyon = { ...employer, siret: HUM_LYON.siret };
    const forHum = { ...employer, siren: HUM_CLICHY.siren };
    const forSiae = { ...employer, siren: SIAE_LILLE.siren };
    expect(
      [forClichy, forLyon, forHum, forSiae].map((actor) => mayChange(actor, draft, attachments)),
    ).toEqual([true, false, true, false]);
  });

  it('R-03 R-04 a user attached to two companies acts for the establishments of each', () => {
    const multi = { role: 'adherent', userId: 'multi' } as const;
    for (const siret of [HUM_CLICHY.siret, SIAE_LILLE.siret]) {
      expect(employerMayActFor(multi, TEST_ATTACHMENTS.multi, siret)).toBe(true);
    }
    expect(employerMayActFor(multi, TEST_ATTACHMENTS.multi, OTHER_PROVIDER.siret)).toBe(false);
  });

  it('R-04 only an employer user acts for an establishment, whatever it is attached to', () => {
    expect(employerMayActFor(employer, attachments, HUM_CLICHY.siret)).toBe(true);
    for (const actor of [
      caseManager,
      system,
      { ...provider, siren: HUM_CLICHY.siren, siret: HUM_CLICHY.siret },
    ]) {
      expect(employerMayActFor(actor, attachments, HUM_CLICHY.siret)).toBe(false);
    }
  });

  it('R-04 R-29 a provider known by its SIRET alone is the provider of the pré-saisie it submitted', () => {
    const presaisie = foldEvents([presaisieSubmitted()]);
    const bySiret: DossierActor = { role: 'prestataire', userId: 'csd-agent', siret: provider.siret };
    const byNothing: DossierActor = { role: 'prestataire', userId: 'csd-agent' };
    expect(actorSiren(bySiret)).toBe(provider.siren);
    expect(isPresaisieProvider(bySiret, presaisie)).toBe(true);
    expect(actorSiren(byNothing)).toBeUndefined();
    expect(isPresaisieProvider(byNothing, presaisie)).toBe(false);
    // A dossier no provider submitted has no pré-saisie provider, not even one known by nothing.
    expect(isPresaisieProvider(byNothing, draft)).toBe(false);
    expect(isPresaisieProvider(provider, draft)).toBe(false);
    expect(isPresaisieProvider({ ...provider, role: 'adherent' }, presaisie)).toBe(false);
  });

  it('R-04 the system reads any dossier, a draft included, but changes only transmitted ones', () => {
    expect(mayRead(system, draft, [])).toBe(true);
    expect(mayChange(system, draft, [])).toBe(false);
    expect(mayRead(caseManager, draft, [])).toBe(false);
  });
});
