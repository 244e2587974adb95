import { completeDraftThroughService, createTestDossierService, employer, executeOk } from '../testing';

describe('R-38 a transmission gives back a confirmation the portal shows as is', () => {
  it('R-38 names the dossier number; a retried transmission gives the same message', async () => {
    const { service } = createTestDossierService();
    const dossierId = await completeDraftThroughService(service, 'r38');
    const transmit = { type: 'TransmitDossier', commandId: 'r38-transmit', actor: employer, dossierId };
    const first = await executeOk(service, transmit);
    expect(first.confirmation).toBe('Votre demande n° 2512AF000001 a bien été transmise.');
    const retried = await executeOk(service, transmit);
    expect(retried.alreadyHandled).toBe(true);
    expect(retried.confirmation).toBe(first.confirmation);
  });

  it('R-38 other commands carry no confirmation', async () => {
    const { service } = createTestDossierService();
    const dossierId = await completeDraftThroughService(service, 'r38b');
    const saved = await executeOk(service, {
      type: 'ChangeComment',
      commandId: 'r38b-comment',
      actor: employer,
      dossierId,
      payload: { comment: 'Merci' },
    });
    expect(saved.confirmation).toBeNull();
  });
});
