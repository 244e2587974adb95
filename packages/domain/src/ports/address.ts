import * as t from 'io-ts';
import { PostalCode } from '../identifiers/postal-code';
import { referenceText } from './text';

/** A postal address as the reference bases give it ("N° et voie", "Complément", "Code postal", "Commune"). */
export const Address = t.readonly(
  t.exact(
    t.intersection([
      t.type({
        street: referenceText('Street', 'Le numéro et la voie', 200),
        postalCode: PostalCode,
        city: referenceText('City', 'La commune', 100),
      }),
      t.partial({ complement: referenceText('AddressComplement', "Le complément d'adresse", 200) }),
    ]),
  ),
  'Address',
);
/** A postal address. */
export type Address = t.TypeOf<typeof Address>;
