import * as t from 'io-ts';

/**
 * The card type as the catalogue defined it when the dossier was created: kept in the event so
 * that a later change of the catalogue never changes what an old dossier required.
 */
export const CardTypeSnapshot = t.type(
  {
    code: t.string,
    label: t.string,
    requiredDocumentTypes: t.array(t.string),
    optionalDocumentTypes: t.array(t.string),
    maxFilesPerType: t.number,
  },
  'CardTypeSnapshot',
);
/** The card type as defined at creation. */
export type CardTypeSnapshot = t.TypeOf<typeof CardTypeSnapshot>;
