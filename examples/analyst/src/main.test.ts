import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent, DossierState } from '@cartes-badges/domain';
import { dossierStoreOptions, evolveDossier, initialDossierState } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { runAnalyses } from './main';
import { median } from './projections/days-to-transmission';

// The reference: every dossier's state and creation/transmission instants, folded here.
async function facts(file: string) {
  const store = createSqliteEventStore({ path: file, ...dossierStoreOptions });
  const states = new Map<string, DossierState>();
  const created = new Map<string, string>();
  const transmitted = new Map<string, string>();
  try {
    for await (const e of store.readAll({ filter: { streamPrefix: 'dossier-' } })) {
      const event = e as RecordedEvent<DossierEvent>;
      states.set(e.streamId, evolveDossier(states.get(e.streamId) ?? initialDossierState(), event));
      if (['DraftCreated', 'PresaisieSubmitted', 'DraftDuplicated'].includes(e.type))
        created.set(e.streamId, e.metadata.occurredAt);
      if (e.type === 'Transmitted') transmitted.set(e.streamId, e.metadata.occurredAt);
    }
  } finally {
    await store.close();
  }
  return { states: [...states.values()], created, transmitted };
}

describe('the analyst walk-through', () => {
  it('amounts by card type and month, pré-saisie refusal rate by provider, median days to transmission; CSV files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-test-'));
    try {
      const results = await runAnalyses(dir, () => undefined);
      const { states, created, transmitted } = await facts(path.join(dir, 'events.db'));

      const amounts = results['montants-par-dispositif-et-mois'];
      const asked = amounts.reduce((n, r) => n + Math.round(Number(r.demande_eur) * 100), 0);
      expect(asked).toBe(states.reduce((n, s) => n + (s.transmittedAmountCents ?? 0), 0));
      const paid = amounts.reduce((n, r) => n + Math.round(Number(r.rembourse_eur) * 100), 0);
      expect(paid).toBe(states.reduce((n, s) => n + (s.amountPaidCents ?? 0), 0));
      expect(amounts.reduce((n, r) => n + Number(r.dossiers), 0)).toBe(transmitted.size);

      const refusals = results['refus-de-presaisie-par-prestataire'];
      const presaisies = states.filter((s) => s.origin === 'presaisie');
      expect(refusals.reduce((n, r) => n + Number(r.presaisies), 0)).toBe(presaisies.length);
      expect(refusals.reduce((n, r) => n + Number(r.refusees), 0)).toBe(
        presaisies.filter((s) => s.removal === 'presaisieRefused').length,
      );

      const days = [...transmitted].map(
        ([id, at]) => (Date.parse(at) - Date.parse(created.get(id)!)) / 86_400_000,
      );
      const overall = results['delai-creation-transmission'].find(
        (r) => r.dispositif === 'Tous dispositifs',
      )!;
      expect(overall.dossiers_transmis).toBe(days.length);
      expect(overall.mediane_jours).toBeCloseTo(median(days), 1);

      const csv = fs
        .readFileSync(path.join(dir, 'refus-de-presaisie-par-prestataire.csv'), 'utf8')
        .split('\r\n');
      // A byte order mark first, for Excel in French (docs/cli.md, CSV and spreadsheets).
      expect(csv[0]).toBe('\uFEFFsiren,prestataire,presaisies,acceptees,refusees,en_attente,taux_refus_pct');
      expect(csv).toHaveLength(refusals.length + 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
