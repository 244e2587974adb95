import * as t from 'io-ts';
import { Nda } from '../identifiers/nda';
import { Siren } from '../identifiers/siren';
import { Siret, sirenOfSiret } from '../identifiers/siret';
import { Uai } from '../identifiers/uai';
import { Address } from './address';
import { decodeOrThrow } from './decode-or-throw';
import { crossChecked, referenceText } from './text';

/**
 * A provider establishment as the SIRENE base gives it, stored as a snapshot in the event that
 * selects it, so a replay never calls the base again. Mirrors the public company-search
 * API: `nom_complet` → name, `est_siege` → headOffice, `liste_uai` → uai,
 * `liste_id_organisme_formation` → ndas, `est_qualiopi` → qualiopi.
 */
export const ProviderSnapshot = crossChecked(
  t.readonly(
    t.exact(
      t.type({
        siret: Siret,
        siren: Siren,
        name: referenceText('ProviderName', 'La dénomination du prestataire', 200),
        /** Whether this establishment is the company's head office (siège). */
        headOffice: t.boolean,
        /** UAI numbers of the training establishment ("N° UAI"); often empty. */
        uai: t.readonlyArray(Uai),
        /** Training declaration numbers ("N° d'activité"). */
        ndas: t.readonlyArray(Nda),
        /** Holds the Qualiopi quality certification. */
        qualiopi: t.boolean,
        address: Address,
      }),
    ),
  ),
  'ProviderSnapshot',
  (p) =>
    sirenOfSiret(p.siret) === p.siren
      ? undefined
      : `Le SIRET ${p.siret} n'appartient pas au SIREN ${p.siren} : attendu un SIRET commençant par ${p.siren}`,
);
/** A SIRENE provider snapshot. */
export type ProviderSnapshot = t.TypeOf<typeof ProviderSnapshot>;
/** A provider as plain data (identifiers as plain strings), decoded when it is used. */
export type ProviderRecord = t.OutputOf<typeof ProviderSnapshot>;

/** The SIRENE base, searched for providers by SIREN or SIRET. */
export interface ProviderDirectory {
  /** The establishments of the company `siren`, head office first; empty when unknown. */
  findBySiren(siren: Siren): Promise<readonly ProviderSnapshot[]>;
  /** The establishment `siret`, or undefined when unknown. */
  findBySiret(siret: Siret): Promise<ProviderSnapshot | undefined>;
}

/**
 * A provider directory over a fixed list of plain records (a literal SIRET type-checks); each
 * entry is decoded first (a bad one throws).
 */
export function createInMemoryProviderDirectory(providers: readonly ProviderRecord[]): ProviderDirectory {
  const decoded = providers.map((p) => decodeOrThrow(ProviderSnapshot, p, `Prestataire ${p.siret}`));
  const bySiret = new Map(decoded.map((p) => [p.siret as string, p]));
  return {
    findBySiren: (siren) =>
      Promise.resolve(
        decoded
          .filter((p) => p.siren === siren)
          .sort((a, b) => Number(b.headOffice) - Number(a.headOffice) || a.siret.localeCompare(b.siret)),
      ),
    findBySiret: (siret) => Promise.resolve(bySiret.get(siret)),
  };
}
