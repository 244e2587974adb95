import * as t from 'io-ts';
import { Idcc } from '../identifiers/idcc';
import { Naf } from '../identifiers/naf';
import { Siren } from '../identifiers/siren';
import { Siret, sirenOfSiret } from '../identifiers/siret';
import { Address } from './address';
import { decodeOrThrow } from './decode-or-throw';
import { crossChecked, referenceText } from './text';

/**
 * An employer establishment as the INSEE reference base gives it, stored as a snapshot in the
 * dossier's events: read-only for the user.
 */
export const EstablishmentSnapshot = crossChecked(
  t.readonly(
    t.exact(
      t.type({
        siret: Siret,
        siren: Siren,
        /** "Nom et Prénom ou dénomination": the company's name (raison sociale). */
        name: referenceText('EstablishmentName', "La dénomination de l'établissement", 200),
        naf: Naf,
        idcc: Idcc,
        /** "Type de public", e.g. "Intérimaire" (IDCC 2378) or "Permanent" (IDCC 1413). */
        publicType: referenceText('PublicType', 'Le type de public', 100),
        address: Address,
      }),
    ),
  ),
  'EstablishmentSnapshot',
  (e) =>
    sirenOfSiret(e.siret) === e.siren
      ? undefined
      : `Le SIRET ${e.siret} n'appartient pas au SIREN ${e.siren} : attendu un SIRET commençant par ${e.siren}`,
);
/** An INSEE establishment snapshot. */
export type EstablishmentSnapshot = t.TypeOf<typeof EstablishmentSnapshot>;
/** An establishment as plain data (identifiers as plain strings), decoded when it is used. */
export type EstablishmentRecord = t.OutputOf<typeof EstablishmentSnapshot>;

/** The INSEE reference base of employer establishments. */
export interface EstablishmentDirectory {
  /** The establishment of `siret`, or undefined when the base does not know it. */
  findBySiret(siret: Siret): Promise<EstablishmentSnapshot | undefined>;
}

/**
 * An establishment directory over a fixed list of plain records (a literal SIRET type-checks);
 * each entry is decoded first (a bad one throws).
 */
export function createInMemoryEstablishmentDirectory(
  establishments: readonly EstablishmentRecord[],
): EstablishmentDirectory {
  const bySiret = new Map(
    establishments.map((e) => [
      e.siret as string,
      decodeOrThrow(EstablishmentSnapshot, e, `Établissement ${e.siret}`),
    ]),
  );
  return {
    findBySiret: (siret) => Promise.resolve(bySiret.get(siret)),
  };
}
