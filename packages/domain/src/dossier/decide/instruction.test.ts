import {
  caseManager,
  employer,
  foldEvents,
  givenDossier,
  onDossier,
  transmittedDossier,
} from '../../testing';
import type { DossierCommand } from '../commands';
import type { DossierEvent } from '../events';
import { dossierStatusLabel } from '../state';

function run(history: DossierEvent[], commands: DossierCommand[]): DossierEvent[] {
  const all = [...history];
  for (const cmd of commands) {
    all.push(...givenDossier(all).when(cmd).events());
  }
  return all;
}

const gm = <K extends Parameters<typeof onDossier>[0]>(type: K, payload?: unknown) =>
  onDossier(type, payload, caseManager);

describe('R-35 instruction by the case managers', () => {
  it('R-35 Transmis → En cours d’instruction → compléments ⇄ → Accordé → Remboursé → Clôturé, each move an event', () => {
    const history = run(transmittedDossier(), [
      gm('StartInstruction'),
      gm('RequestComplements', { message: 'Merci de joindre le bon de commande signé' }),
      onDossier('SubmitComplement', { comment: 'Bon de commande joint' }, employer),
      gm('RequestComplements', { message: 'Et le devis' }),
      onDossier('SubmitComplement', undefined, employer),
      gm('GrantFunding', { amountGrantedCents: 20000 }),
      gm('RecordReimbursement', { amountPaidCents: 20000 }),
      gm('CloseDossier'),
    ]);
    const labels: string[] = [];
    history.reduce<DossierEvent[]>((seen, event) => {
      const next = [...seen, event];
      labels.push(dossierStatusLabel(foldEvents(next)));
      return next;
    }, []);
    expect(labels.slice(-9)).toEqual([
      'Transmis',
      "En cours d'instruction",
      'Demande de compléments',
      'Complément déposé',
      'Demande de compléments',
      'Complément déposé',
      'Accordé',
      'Remboursé',
      'Clôturé',
    ]);
    const state = foldEvents(history);
    expect(state.amountGrantedCents).toBe(20000);
    expect(state.amountPaidCents).toBe(20000);
  });

  it('R-35 the amount granted may be lower than asked, never higher; the amount paid never exceeds the grant', () => {
    const instructing = run(transmittedDossier(), [gm('StartInstruction')]);
    givenDossier(instructing)
      .when(gm('GrantFunding', { amountGrantedCents: 21001 }))
      .thenError({ code: 'AMOUNT_NOT_ALLOWED', field: 'payload.amountGrantedCents' });
    const granted = run(instructing, [gm('GrantFunding', { amountGrantedCents: 15000 })]);
    givenDossier(granted)
      .when(gm('RecordReimbursement', { amountPaidCents: 15001 }))
      .thenError({ code: 'AMOUNT_NOT_ALLOWED' });
  });

  it('R-35 a refusal carries its reason and leads to Clôturé', () => {
    const history = run(transmittedDossier(), [
      gm('StartInstruction'),
      gm('RefuseFunding', { reason: 'Carte hors du champ du fonds' }),
      gm('CloseDossier'),
    ]);
    expect(foldEvents(history).refusalReason).toBe('Carte hors du champ du fonds');
    expect(foldEvents(history).status).toBe('closed');
  });

  it('R-35 cancellation (Annulé) by the employer or the case manager, only before Accordé', () => {
    expect(
      foldEvents(
        run(transmittedDossier(), [onDossier('CancelDossier', { reason: 'Commande annulée' }, employer)]),
      ).status,
    ).toBe('cancelled');
    expect(foldEvents(run(transmittedDossier(), [gm('StartInstruction'), gm('CancelDossier')])).status).toBe(
      'cancelled',
    );
    const granted = run(transmittedDossier(), [
      gm('StartInstruction'),
      gm('GrantFunding', { amountGrantedCents: 100 }),
    ]);
    givenDossier(granted).when(gm('CancelDossier')).thenError({ code: 'ILLEGAL_TRANSITION' });
  });

  it('R-35 illegal moves are refused with a clear error', () => {
    const transmitted = transmittedDossier();
    for (const cmd of [
      gm('GrantFunding', { amountGrantedCents: 100 }),
      gm('CloseDossier'),
      gm('RecordReimbursement', { amountPaidCents: 1 }),
    ]) {
      givenDossier(transmitted)
        .when(cmd)
        .thenError((error) => {
          expect(error.code).toBe('ILLEGAL_TRANSITION');
          expect(error.message).toContain('« Transmis »');
        });
    }
    const closed = run(transmitted, [
      gm('StartInstruction'),
      gm('RefuseFunding', { reason: 'Non éligible' }),
      gm('CloseDossier'),
    ]);
    givenDossier(closed).when(gm('StartInstruction')).thenError({ code: 'ILLEGAL_TRANSITION' });
  });

  it('R-35 a request for complements lets the employer answer; without one, SubmitComplement is illegal', () => {
    givenDossier(transmittedDossier())
      .when(onDossier('SubmitComplement', { comment: 'x' }, employer))
      .thenError({ code: 'ILLEGAL_TRANSITION' });
  });

  it('R-04 a case manager acts only on transmitted dossiers', () => {
    const draft = transmittedDossier().slice(0, -1);
    givenDossier(draft).when(gm('StartInstruction')).thenError({ code: 'NOT_AUTHORISED' });
  });
});
