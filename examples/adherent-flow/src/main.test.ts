import { runAdherentFlow } from './main';

describe('the adherent walk-through', () => {
  it('runs the guide end to end: two dossiers transmitted with their numbers, one pré-saisie refused, one dossier closed', async () => {
    const lines: string[] = [];
    const outcome = await runAdherentFlow((line) => lines.push(line));
    expect(outcome.transmittedNumbers).toEqual(['2512AF000001', '2512AF000002']);
    expect(outcome.finalStatuses).toEqual({
      '10001': 'Clôturé',
      '10002': 'Transmis',
      '10003': 'Pré-saisie refusée',
    });
    expect(outcome.eventCount).toBeGreaterThan(30);
    const text = lines.join('\n');
    expect(text).toContain('Saisie invalide');
    expect(text).toContain('Le montant doit être inférieur à 100000');
    expect(text).toContain('2/2 types de documents obligatoires à transmettre');
    expect(text).toContain('coût total 210,00 €');
    expect(text).toContain('PRESAISIE_READ_ONLY');
    expect(text).toContain('FORMAT');
    expect(text).toContain('Liste dossiers de la gestionnaire : 2 résultat(s)');
    expect(text).toContain('a refusé votre pré-saisie n° 10003');
  });
});
