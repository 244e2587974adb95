// The case manager's moves over HTTP: amounts typed the French way go through the
// library's parseEuros ("1 234,50", "1234.5", "12 000 €"); an amount that is not one, or one the
// move does not allow, is told in French beside its field with what was typed, nothing written;
// and a move's form sent twice is applied once and answered the same.
import { FIXTURE_USERS } from '@cartes-badges/domain/fixtures';
import type { PortalOverHttp } from '../test/portal-over-http';
import {
  commandIdOfForm,
  postTwice,
  run,
  startPortalOverHttp,
  transmittedOf,
} from '../test/portal-over-http';

const { claire, nathalie } = FIXTURE_USERS;

describe('the portal’s instruction forms (R-35, R-36)', () => {
  let t: PortalOverHttp;
  beforeEach(async () => {
    t = await startPortalOverHttp();
  });
  afterEach(async () => t.close());

  /** A transmitted dossier of 15 000,00 € whose instruction has started. */
  async function inInstruction(): Promise<{ readonly url: string; readonly drawnId: () => Promise<string> }> {
    const { dossierId } = await transmittedOf(t, claire);
    await run(t, nathalie, { type: 'StartInstruction', dossierId });
    const url = `/dossiers/${dossierId}/instruction`;
    return {
      url,
      drawnId: async () => commandIdOfForm((await t.get(nathalie, `/dossiers/${dossierId}`)).body, url),
    };
  }

  const decided = async (url: string) =>
    (await t.get(nathalie, url.replace(/\/instruction$/, ''))).body.replace(/\s+/g, ' ');

  it.each([
    ['12 000 €', '12 000,00 €'],
    ['1 234,50', '1 234,50 €'],
    ['1234.5', '1 234,50 €'],
  ])('R-35: the amount granted typed « %s » is granted as %s', async (typed, shown) => {
    const { url, drawnId } = await inInstruction();
    const answer = await t.post(nathalie, url, {
      commandId: await drawnId(),
      type: 'GrantFunding',
      montant: typed,
    });
    expect(answer.flash).toEqual({ kind: 'success', text: 'Etat : Accordé' });
    expect(await decided(url)).toContain(`<dt>Montant accordé</dt> <dd>${shown}</dd>`);
  });

  it('R-35: the amount reimbursed typed « 1 234,50 » is recorded as 1 234,50 €', async () => {
    const { url, drawnId } = await inInstruction();
    await t.post(nathalie, url, { commandId: await drawnId(), type: 'GrantFunding', montant: '12 000' });
    const answer = await t.post(nathalie, url, {
      commandId: await drawnId(),
      type: 'RecordReimbursement',
      montant: '1 234,50',
    });
    expect(answer.flash?.kind).toBe('success');
    expect(await decided(url)).toContain('<dt>Montant remboursé</dt> <dd>1 234,50 €</dd>');
  });

  it.each([
    ['douze', "Le montant « douze » n'est pas un montant en euros"],
    ['12,345', 'Le montant 12,345 a plus de 2 décimales'],
    ['20 000', 'Le montant accordé'],
  ])(
    'R-35: « %s » is refused beside the Montant accordé field, what was typed kept, nothing written',
    async (typed, message) => {
      const { url, drawnId } = await inInstruction();
      const written = await t.eventCount();
      const answer = await t.post(nathalie, url, {
        commandId: await drawnId(),
        type: 'GrantFunding',
        montant: typed,
      });
      expect(answer.status).toBe(422);
      const input = /<input\s+id="f-GrantFunding"[^>]*>/.exec(answer.body)?.[0] ?? '';
      expect(input).toContain(`value="${typed}"`);
      expect(input).toContain('aria-invalid="true"');
      expect(input).toContain('aria-describedby="e-GrantFunding"');
      const beside = /<span class="field-error" id="e-GrantFunding" role="alert">([^<]*)<\/span>/.exec(
        answer.body,
      );
      expect(beside?.[1].replace(/&#39;/g, "'")).toContain(message);
      expect(await t.eventCount()).toBe(written);
    },
  );

  it('R-36: « Commencer l’instruction » then « Accorder » each sent twice: applied once, answered the same', async () => {
    const { dossierId } = await transmittedOf(t, claire);
    const url = `/dossiers/${dossierId}/instruction`;
    const drawnId = async () => commandIdOfForm((await t.get(nathalie, `/dossiers/${dossierId}`)).body, url);
    const sentTwice = async (form: Record<string, string>) => {
      const twice = await postTwice(t, nathalie, url, form);
      expect(twice.first.flash?.kind).toBe('success');
      expect(twice).toMatchObject({ sameAnswer: true, writtenBySecond: 0 });
    };
    await sentTwice({ commandId: await drawnId(), type: 'StartInstruction' });
    await sentTwice({ commandId: await drawnId(), type: 'GrantFunding', montant: '157,50' });
    expect(await decided(url)).toContain('<dt>Montant accordé</dt> <dd>157,50 €</dd>');
  });
});
