import * as E from 'fp-ts/Either';
import type { DossierActor } from '../dossier';
import { notAuthorised } from '../dossier';
import type { DossierService } from './dossier-service';
import {
  allEvents,
  caseManager,
  completeDraftThroughService,
  createDraftCommand,
  createTestDossierService,
  employer,
  executeOk as ok,
  HUM_CLICHY,
  otherEmployer,
  otherProvider,
  provider,
} from '../testing';

// a command id the owner used on their dossier must tell someone who may not read
// that dossier nothing. Whether they send a new id, the owner's id with the owner's command, or
// the owner's id with another command, the answer is the one a new command gets, nothing is
// written, and the owner's earlier outcome (its events, its state) never comes back.

const on = (dossierId: string, actor: DossierActor, type: string, commandId: string, payload?: unknown) => ({
  type,
  commandId,
  actor,
  dossierId,
  ...(payload !== undefined ? { payload } : {}),
});

/**
 * What the outsider gets for (a) a new command id, (b) the owner's id and command, (c) the
 * owner's id with another command; checks that none of them wrote anything.
 */
async function outsiderAnswers(
  test: { service: DossierService; store: Parameters<typeof allEvents>[0] },
  attempts: { fresh: unknown; sameIdSameCommand: unknown; sameIdOtherCommand: unknown },
) {
  const before = await allEvents(test.store);
  const fresh = await test.service.execute(attempts.fresh);
  const same = await test.service.execute(attempts.sameIdSameCommand);
  const other = await test.service.execute(attempts.sameIdOtherCommand);
  expect(await allEvents(test.store)).toEqual(before);
  return { fresh, same, other };
}

const CHANGE_REFUSAL = E.left(notAuthorised());

describe("an outsider's command with a command id the owner used (R-04, R-26, R-36)", () => {
  it('R-04 R-26 saving a tab of another company’s draft: the same refusal with a new id or my used one', async () => {
    const test = createTestDossierService();
    const { dossierId } = await ok(test.service, createDraftCommand('mine-create'));
    await ok(test.service, on(dossierId, employer, 'ChangeComment', 'mine-save', { comment: 'à moi' }));
    const answers = await outsiderAnswers(test, {
      fresh: on(dossierId, otherEmployer, 'ChangeComment', 'theirs-1', { comment: 'à moi' }),
      sameIdSameCommand: on(dossierId, otherEmployer, 'ChangeComment', 'mine-save', { comment: 'à moi' }),
      sameIdOtherCommand: on(dossierId, otherEmployer, 'ChangeComment', 'mine-save', { comment: 'intrus' }),
    });
    expect(answers).toEqual({ fresh: CHANGE_REFUSAL, same: CHANGE_REFUSAL, other: CHANGE_REFUSAL });
  });

  it('R-04 R-26 transmitting another company’s dossier: my transmission is not given back, and no COMMAND_ID_REUSED', async () => {
    const test = createTestDossierService();
    const dossierId = await completeDraftThroughService(test.service, 'mine');
    await ok(test.service, on(dossierId, employer, 'TransmitDossier', 'mine-transmit'));
    const answers = await outsiderAnswers(test, {
      fresh: on(dossierId, otherEmployer, 'TransmitDossier', 'theirs-1'),
      sameIdSameCommand: on(dossierId, otherEmployer, 'TransmitDossier', 'mine-transmit'),
      sameIdOtherCommand: on(dossierId, otherEmployer, 'DeleteDraft', 'mine-transmit'),
    });
    expect(answers).toEqual({ fresh: CHANGE_REFUSAL, same: CHANGE_REFUSAL, other: CHANGE_REFUSAL });
  });

  it('R-04 R-26 deleting another company’s draft, and a case manager cancelling a draft not transmitted', async () => {
    const test = createTestDossierService();
    const { dossierId } = await ok(test.service, createDraftCommand('mine-create'));
    await ok(test.service, on(dossierId, employer, 'DeleteDraft', 'mine-delete'));
    const byAnotherCompany = await outsiderAnswers(test, {
      fresh: on(dossierId, otherEmployer, 'DeleteDraft', 'theirs-1'),
      sameIdSameCommand: on(dossierId, otherEmployer, 'DeleteDraft', 'mine-delete'),
      sameIdOtherCommand: on(dossierId, otherEmployer, 'TransmitDossier', 'mine-delete'),
    });
    expect(byAnotherCompany).toEqual({ fresh: CHANGE_REFUSAL, same: CHANGE_REFUSAL, other: CHANGE_REFUSAL });
    const byTheFund = await outsiderAnswers(test, {
      fresh: on(dossierId, caseManager, 'CancelDossier', 'fund-1', { reason: 'test' }),
      sameIdSameCommand: on(dossierId, caseManager, 'CancelDossier', 'mine-create', { reason: 'test' }),
      sameIdOtherCommand: on(dossierId, caseManager, 'CancelDossier', 'mine-delete', { reason: 'autre' }),
    });
    expect(byTheFund).toEqual({ fresh: CHANGE_REFUSAL, same: CHANGE_REFUSAL, other: CHANGE_REFUSAL });
  });

  it('R-04 R-26 R-29 accepting or refusing a pré-saisie as the wrong employer or the wrong provider', async () => {
    const test = createTestDossierService();
    const { dossierId } = await ok(test.service, {
      type: 'SubmitPresaisie',
      commandId: 'csd-submit',
      actor: provider,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO', costLines: [] },
    });
    await ok(test.service, on(dossierId, employer, 'AcceptPresaisie', 'mine-accept'));
    const byAnotherCompany = await outsiderAnswers(test, {
      fresh: on(dossierId, otherEmployer, 'AcceptPresaisie', 'theirs-1'),
      sameIdSameCommand: on(dossierId, otherEmployer, 'AcceptPresaisie', 'mine-accept'),
      sameIdOtherCommand: on(dossierId, otherEmployer, 'RefusePresaisie', 'mine-accept', { reason: 'non' }),
    });
    expect(byAnotherCompany).toEqual({ fresh: CHANGE_REFUSAL, same: CHANGE_REFUSAL, other: CHANGE_REFUSAL });
    // A provider may never accept or refuse: the role's refusal, whatever the id.
    const roleRefusal = E.left(notAuthorised('Action non autorisée pour le profil « prestataire »'));
    const byAnotherProvider = await outsiderAnswers(test, {
      fresh: on(dossierId, otherProvider, 'RefusePresaisie', 'cps-1', { reason: 'non' }),
      sameIdSameCommand: on(dossierId, otherProvider, 'AcceptPresaisie', 'mine-accept'),
      sameIdOtherCommand: on(dossierId, otherProvider, 'RefusePresaisie', 'mine-accept', { reason: 'non' }),
    });
    expect(byAnotherProvider).toEqual({ fresh: roleRefusal, same: roleRefusal, other: roleRefusal });
  });

  it('R-36 the owner still gets the earlier outcome of their own retry', async () => {
    const test = createTestDossierService();
    const { dossierId } = await ok(test.service, createDraftCommand('mine-create'));
    const first = await ok(
      test.service,
      on(dossierId, employer, 'ChangeComment', 'mine-save', { comment: 'x' }),
    );
    const again = await ok(
      test.service,
      on(dossierId, employer, 'ChangeComment', 'mine-save', { comment: 'x' }),
    );
    expect({ alreadyHandled: again.alreadyHandled, events: again.events }).toEqual({
      alreadyHandled: true,
      events: first.events,
    });
  });
});
