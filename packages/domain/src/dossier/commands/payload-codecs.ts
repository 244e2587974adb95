import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { Siren, Siret } from '../../identifiers';
import {
  describeValue,
  Email,
  FieldCodec,
  problem,
  Siren as SirenCodec,
  Siret as SiretCodec,
  withoutDigitSeparators,
} from '../../identifiers';
import { MAX_COST_LINES } from '../fields';
import type { CostLine } from '../events/cost-line';
import { CostLineInput } from './cost-line-input';

/** the contact email, or null when the field is emptied. */
export const OptionalEmail = new FieldCodec<Email | null, string | null>(
  'OptionalEmail',
  (u) =>
    u === null || u === undefined || (typeof u === 'string' && u.trim() === '')
      ? E.right(null)
      : Email.check(u),
  (a) => a,
);

/** the provider search: a SIREN (9 digits) or a SIRET (14 digits), as typed (spaces, dots, hyphens). */
export const ProviderSearch = new FieldCodec<Siren | Siret, string>(
  'ProviderSearch',
  (u) => {
    if (typeof u !== 'string') {
      return problem(
        'PROVIDER_SEARCH_FORMAT',
        `Saisir le SIREN ou SIRET du prestataire (reçu : ${describeValue(u)})`,
      );
    }
    const digits = withoutDigitSeparators(u);
    if (digits.length === 9) return SirenCodec.check(digits);
    if (digits.length === 14) return SiretCodec.check(digits);
    if (digits === '') return problem('REQUIRED', 'Saisie obligatoire');
    return problem(
      'PROVIDER_SEARCH_FORMAT',
      `${describeValue(u)} n'est ni un SIREN (9 chiffres) ni un SIRET (14 chiffres) de prestataire`,
    );
  },
  (a) => a,
);

/**
 * the cost lines of the Prestation tab, at most MAX_COST_LINES, each field checked and
 * named; a unit amount in cents or as typed ("52,50", see `CostLineInput`).
 */
export const CostLineList = new t.Type<CostLine[], CostLine[], unknown>(
  'CostLineList',
  (u): u is CostLine[] =>
    Array.isArray(u) && u.length <= MAX_COST_LINES && u.every((line) => CostLineInput.is(line)),
  (u, c) =>
    Array.isArray(u) && u.length > MAX_COST_LINES
      ? t.failure(u, c, `${MAX_COST_LINES} lignes de coût maximum (${u.length} reçues)`)
      : t.array(CostLineInput).validate(u, c),
  t.identity,
);

/** The bytes of an uploaded file: a Uint8Array (Buffer included) or base64 text. */
export const FileContent = new FieldCodec<Uint8Array, Uint8Array>(
  'FileContent',
  (u) => {
    if (u instanceof Uint8Array) return E.right(u);
    if (typeof u === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(u))
      return E.right(new Uint8Array(Buffer.from(u, 'base64')));
    return problem('FILE_CONTENT', `Contenu du fichier attendu (octets ou base64), reçu ${describeValue(u)}`);
  },
  (a) => a,
);
