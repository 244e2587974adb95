import * as E from 'fp-ts/Either';
import { steppingClock } from '../ports';
import { createTestDossierService, employer, executeOk, HUM_CLICHY, otherEmployer } from '../testing';
import { assertRight } from '@cartes-badges/eventsourcing/testing';

// One day between commands: the draft is created on 1 December, its email entered on the 2nd,
// its comment on the 3rd.
async function dossierOverThreeDays() {
  const { service } = createTestDossierService({ clock: steppingClock('2025-12-01T10:00:00Z', 86_400_000) });
  const { dossierId } = await executeOk(service, {
    type: 'CreateDraft',
    commandId: 'asof-create',
    actor: employer,
    payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
  });
  const on = (commandId: string, type: string, payload: unknown) =>
    executeOk(service, { type, commandId, actor: employer, dossierId, payload });
  await on('asof-email', 'ChangeContactEmail', { email: 'rh@hum-interim.fr' });
  await on('asof-comment', 'ChangeComment', { comment: 'Urgent' });
  return { service, dossierId };
}

describe('load and view as of a date', () => {
  it('R-35 load(id, actor, { asOf }) gives the state as it was then, checked as load', async () => {
    const { service, dossierId } = await dossierOverThreeDays();
    const at = async (asOf: string) => {
      const state = await service.load(dossierId, employer, { asOf });
      return E.isRight(state) ? [state.right.contactEmail, state.right.comment] : state.left.code;
    };
    expect(await at('2025-12-01')).toEqual([null, null]);
    expect(await at('2025-12-02T10:00:00Z')).toEqual(['rh@hum-interim.fr', null]);
    expect(await at('2025-12-02T11:00:00+02:00')).toEqual([null, null]); // 09:00 UTC, before the email
    expect(await at('2025-12-02T12:30:00+02:00')).toEqual(['rh@hum-interim.fr', null]);
    expect(await at('2025-12-03')).toEqual(['rh@hum-interim.fr', 'Urgent']);
    expect(await at('2025-11-30')).toBe('DOSSIER_NOT_FOUND');
    expect(await service.load(dossierId, otherEmployer, { asOf: '2025-12-03' })).toEqual(
      E.left(expect.objectContaining({ code: 'NOT_AUTHORISED' })),
    );
  });

  it('R-08 a malformed asOf is a FORMAT error on asOf, by its label', async () => {
    const { service, dossierId } = await dossierOverThreeDays();
    // 30 February and 24:00 are days and hours Date.parse rolls over: refused, not read as others.
    for (const asOf of [
      'hier',
      '2025-13-45',
      '2025-12-02T10:00:00',
      42,
      '2025-02-30',
      '2025-12-02T24:00:00Z',
    ]) {
      expect(await service.load(dossierId, employer, { asOf: asOf as string })).toEqual(
        E.left(
          expect.objectContaining({
            code: 'FORMAT',
            field: 'asOf',
            message: expect.stringMatching(/^Date de consultation : Date ISO-8601 attendue/),
          }),
        ),
      );
    }
  });

  it('view(id, actor, { asOf }) shows the screen as it was then', async () => {
    const { service, dossierId } = await dossierOverThreeDays();
    const then = await service.view(dossierId, employer, { asOf: '2025-12-01' });
    expect(assertRight(then).tabs[0].messages.map((m) => m.label)).toEqual(['Email de contact']);
    const now = await service.view(dossierId, employer);
    expect(assertRight(now).comment).toBe('Urgent');
  });
});
