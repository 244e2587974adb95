import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { CliError, EXIT } from '../errors';
import { findDossierId } from './find-dossier';

describe('findDossierId: what the auditor typed', () => {
  const store = createInMemoryEventStore();
  const refusal = async (reference: string): Promise<CliError> => {
    try {
      await findDossierId(store, reference);
    } catch (error) {
      return error as CliError;
    }
    throw new Error(`${reference} was accepted`);
  };

  it.each(['2513AF000001', '2500AF000001', '2512AF00040', 'dossier-123', 'n° 12'])(
    'R-01 refuses %p as no number at all (exit 2), not as a dossier it did not find',
    async (reference) => {
      const error = await refusal(reference);
      expect([error.exitCode, error.message]).toEqual([
        EXIT.usage,
        `« ${reference} » n'est ni un numéro de brouillon (10001), ni un numéro de dossier (2512AF000408), ni un identifiant de dossier (uuid)`,
      ]);
    },
  );

  it('says a well-formed number it does not hold is not found (exit 3)', async () => {
    const error = await refusal('2512af000408');
    expect([error.exitCode, error.message]).toEqual([
      EXIT.notFound,
      'Dossier introuvable : aucun dossier n° 2512af000408 dans ce store (vérifiez le numéro ou --store)',
    ]);
  });
});
