import { FIXTURE_PROVIDERS } from '@cartes-badges/domain/fixtures';
import { runPresaisie } from './main';

describe('the pré-saisie walk-through', () => {
  it('R-29..R-34: pré-saisie read-only until accepted, completed and transmitted; a refusal notifies its provider once, restart included', async () => {
    const lines: string[] = [];
    const outcome = await runPresaisie((line) => lines.push(line));
    const text = lines.join('\n');
    expect(outcome.readOnlyCode).toBe('PRESAISIE_READ_ONLY');
    expect(outcome.dossierNumber).toBe('2512AF000001');
    expect(text).toContain('brouillons de Claire : 1 résultat(s)');
    expect(text).toMatch(
      /10001 {2}Carte chronotachygraphe \(chrono\) {2}Intérim Services Société {2}Pré-saisie à valider {2}\[consult, accept, refuse\]/,
    );
    expect(text).toContain('Introduction : Pré-saisie à valider');
    expect(text).toContain('brouillons de Marc : 0 résultat(s)');
    expect(text).toMatch(/brouillons de Amina : 1 résultat\(s\)\n {4}10002 .* Pré-saisie refusée/);
    expect(outcome.notifications).toHaveLength(1);
    expect(outcome.notifications[0]).toEqual(
      expect.objectContaining({
        kind: 'PresaisieRefused',
        draftNumber: outcome.refusedDraftNumber,
        reason: 'Cartes déjà commandées',
        recipient: expect.objectContaining({ siren: FIXTURE_PROVIDERS.btpNanterre.siren }),
      }),
    );
    expect(text).toContain('notifications remises : 1 ; appels au notifier après le redémarrage : 0');
  });
});
