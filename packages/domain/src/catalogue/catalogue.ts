import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describeValue } from '../identifiers/describe-value';
import { fieldError, type FieldError } from '../identifiers/field-error';
import { CardTypeDefinition } from './card-type';

/** The card types a portal offers, each with its documents. Data, not code. */
export type Catalogue = readonly CardTypeDefinition[];

/** The first inconsistency of a catalogue whose entries each decode, or undefined. */
function inconsistency(catalogue: Catalogue): string | undefined {
  if (catalogue.length === 0) return 'Le catalogue est vide : attendu au moins un type de carte';
  const codes = new Set<string>();
  for (const cardType of catalogue) {
    const where = `Type de carte ${cardType.code}`;
    if (codes.has(cardType.code)) return `${where} : code présent deux fois dans le catalogue`;
    codes.add(cardType.code);
    const documentTypes = [...cardType.requiredDocumentTypes, ...cardType.optionalDocumentTypes];
    const duplicate = documentTypes.find((d, i) => documentTypes.indexOf(d) !== i);
    if (duplicate !== undefined) return `${where} : type de document « ${duplicate} » présent deux fois`;
    if (cardType.allowedFormats.length === 0) return `${where} : aucun format de fichier accepté`;
    if (new Set(cardType.allowedFormats).size !== cardType.allowedFormats.length) {
      return `${where} : format de fichier présent deux fois`;
    }
  }
  return undefined;
}

const CardTypes = t.readonlyArray(CardTypeDefinition);

/**
 * Decodes a catalogue given by an embedding application: every card type well formed, codes
 * unique, no document type listed twice, at least one format; limits within the guide's
 * (20 Mo, 5 files per type).
 */
export const Catalogue = new t.Type<Catalogue, Catalogue, unknown>(
  'Catalogue',
  (u): u is Catalogue => CardTypes.is(u) && inconsistency(u) === undefined,
  (u, c) => {
    const decoded = CardTypes.validate(u, c);
    if (E.isLeft(decoded)) return decoded;
    const problem = inconsistency(decoded.right);
    return problem === undefined ? decoded : t.failure(u, c, problem);
  },
  (a) => a,
);

/** The card type of `code` in `catalogue`, or a format error on field `cardType` listing the known ones. */
export function findCardType(
  catalogue: Catalogue,
  code: unknown,
  field = 'cardType',
): E.Either<FieldError, CardTypeDefinition> {
  const found = catalogue.find((cardType) => cardType.code === code);
  if (found !== undefined) return E.right(found);
  const known = catalogue.map((cardType) => `${cardType.code} (${cardType.label})`).join(', ');
  return E.left(
    fieldError(
      'CARD_TYPE_UNKNOWN',
      field,
      `Le type de carte ${describeValue(code)} est inconnu : attendu l'un de ${known}`,
    ),
  );
}
