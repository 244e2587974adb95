import type { Attestation } from '@cartes-badges/domain';
import { parseEuros } from '@cartes-badges/domain';
import * as E from 'fp-ts/Either';

/** A urlencoded form body as Fastify's formbody parses it (a repeated name is a list). */
export type FormBody = Readonly<Record<string, string | readonly string[] | undefined>>;

/** One value of a form field; a field sent twice (a forged form) keeps the first. */
export const field = (body: FormBody, name: string): string | undefined => {
  const value = body[name];
  return Array.isArray(value) ? value[0] : (value as string | undefined);
};

/** What was typed, to show again when the save is refused. */
export function typedValues(body: FormBody): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const name of Object.keys(body)) {
    const value = field(body, name);
    if (value !== undefined) typed[name] = value;
  }
  return typed;
}

const blankToNull = (text: string | undefined): string | null =>
  text === undefined || text.trim() === '' ? null : text;

const ATTESTATIONS_OF_TAB: Readonly<Record<string, readonly Attestation[]>> = {
  Synthèse: ['honour', 'generalConditions'],
  Documents: ['supportingDocuments'],
};

/** Cost lines as typed (see below). */
// Cost lines as typed: a line left blank is not sent; the amount goes as the user wrote it
// ("52,50", the library parses it, R-13), the quantity as a number when it is one, else as
// typed so that the library names the line and the field it refuses.
export function costLinesOf(body: FormBody): unknown[] {
  const lines: unknown[] = [];
  for (
    let n = 1;
    field(body, `montant-${n}`) !== undefined || field(body, `quantite-${n}`) !== undefined;
    n += 1
  ) {
    const nature = blankToNull(field(body, `nature-${n}`));
    const amount = blankToNull(field(body, `montant-${n}`));
    const quantity = blankToNull(field(body, `quantite-${n}`));
    if (nature === null && amount === null && quantity === null) continue;
    lines.push({
      nature,
      unitAmount: amount,
      quantity: quantity !== null && /^\d+$/.test(quantity.trim()) ? Number(quantity) : quantity,
    });
  }
  return lines;
}

/**
 * « Enregistrer » on one tab: the payload of SaveDraft with that tab's fields only, so
 * that saving the Employeur tab never touches what another tab holds. Unchecked boxes are
 * absent from a form: the tab's attestations are sent as checked or not.
 */
export function saveDraftPayload(tab: string, body: FormBody): Record<string, unknown> {
  switch (tab) {
    case 'Employeur':
      return { contactEmail: blankToNull(field(body, 'contactEmail')) };
    case 'Prestation': {
      const search = blankToNull(field(body, 'providerSearch'));
      return {
        ...(search !== null ? { providerSearch: search } : {}),
        internalReference: blankToNull(field(body, 'internalReference')),
        costLines: costLinesOf(body),
      };
    }
    case 'Synthèse':
    case 'Documents': {
      const attestations = Object.fromEntries(
        ATTESTATIONS_OF_TAB[tab].map((a) => [a, field(body, `att-${a}`) === 'oui']),
      );
      return tab === 'Synthèse'
        ? { attestations, comment: blankToNull(field(body, 'comment')) }
        : { attestations };
    }
    default:
      return {};
  }
}

/** The payload of an instruction move from its small form; an amount in euros becomes cents. */
export function instructionPayload(
  type: string,
  body: FormBody,
): E.Either<{ readonly field: string; readonly message: string }, Record<string, unknown> | undefined> {
  const amount = (key: string) => {
    const cents = parseEuros(field(body, 'montant') ?? '', key);
    return E.isLeft(cents)
      ? E.left({ field: key, message: cents.left.message })
      : E.right({ [key]: cents.right });
  };
  switch (type) {
    case 'GrantFunding':
      return amount('amountGrantedCents');
    case 'RecordReimbursement':
      return amount('amountPaidCents');
    case 'RequestComplements':
      return E.right({ message: field(body, 'message') ?? '' });
    case 'RefuseFunding':
      return E.right({ reason: field(body, 'reason') ?? '' });
    case 'CancelDossier':
      return E.right({ reason: blankToNull(field(body, 'reason')) });
    case 'SubmitComplement':
      return E.right({ comment: blankToNull(field(body, 'comment')) });
    default:
      return E.right(undefined);
  }
}
