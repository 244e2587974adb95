import * as t from 'io-ts';
import { Siren } from '../identifiers/siren';
import { Siret, sirenOfSiret } from '../identifiers/siret';
import { decodeOrThrow } from './decode-or-throw';
import { crossChecked, referenceText } from './text';

/** One company a user is attached to (rattaché, R-03/R-04), with the establishments they may act for. */
export const Attachment = crossChecked(
  t.readonly(
    t.exact(
      t.type({
        siren: Siren,
        /** The establishments of that company the user acts for: all of them for a SIREN-level attachment. */
        sirets: t.readonlyArray(Siret),
        name: referenceText('CompanyName', "La dénomination de l'entreprise", 200),
      }),
    ),
  ),
  'Attachment',
  (a) => {
    const stray = a.sirets.find((s) => sirenOfSiret(s) !== a.siren);
    if (stray !== undefined) return `Le SIRET ${stray} n'appartient pas au SIREN ${a.siren}`;
    if (a.sirets.length === 0) return `Le rattachement au SIREN ${a.siren} ne compte aucun établissement`;
    return new Set(a.sirets).size === a.sirets.length
      ? undefined
      : `Le rattachement au SIREN ${a.siren} cite deux fois un SIRET`;
  },
);
/** One company a user is attached to. */
export type Attachment = t.TypeOf<typeof Attachment>;
/** An attachment as plain data (identifiers as plain strings), decoded when it is used. */
export type AttachmentRecord = t.OutputOf<typeof Attachment>;

/** Which SIREN/SIRET each user is attached to (the portal's rattachements). */
export interface Attachments {
  /** The companies and establishments of `userId`; empty when the user is attached to none. */
  ofUser(userId: string): Promise<readonly Attachment[]>;
}

/**
 * Attachments from a fixed map user id → companies, plain records accepted (a literal SIRET
 * type-checks); each entry is decoded first (a bad one throws).
 */
export function createInMemoryAttachments(
  byUser: Readonly<Record<string, readonly AttachmentRecord[]>>,
): Attachments {
  const table = new Map<string, readonly Attachment[]>();
  for (const [userId, attachments] of Object.entries(byUser)) {
    const decoded = attachments.map((a) => decodeOrThrow(Attachment, a, `Rattachement de ${userId}`));
    const sirens = decoded.map((a) => a.siren);
    if (new Set(sirens).size !== sirens.length) {
      throw new TypeError(`Rattachement de ${userId} invalide : un SIREN apparaît deux fois`);
    }
    table.set(userId, decoded);
  }
  return { ofUser: (userId) => Promise.resolve(table.get(userId) ?? []) };
}
