// The words both renderings of the timeline (text and HTML page) share.
import type { StreamVerification } from '@cartes-badges/eventsourcing';
import { brokenReason } from './chain-problems';
import type { Timeline } from './timeline';

/** An ISO instant as the timeline shows it: "2025-11-05 09:00:12 UTC". */
export function showInstant(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC';
}

/** The integrity of the chain in one French line (the head hash in full: it is what a digest records). */
export function integrityLine(integrity: StreamVerification): string {
  return integrity.ok
    ? `Chaîne de hachage intacte : ${integrity.length} événement(s), empreinte de tête ${integrity.headHash}`
    : `CHAÎNE ROMPUE à la version ${integrity.version} : ${brokenReason(integrity.problem, integrity.version)}`;
}

/** The dossier's name at the top of the timeline: numbers, card type, employer. */
export function heading(timeline: Timeline): string {
  const s = timeline.state;
  const number = s.dossierNumber
    ? `Dossier ${s.dossierNumber} (brouillon n° ${s.draftNumber})`
    : `Brouillon n° ${s.draftNumber ?? '?'}`;
  const employer = s.establishment ? `${s.establishment.name} (SIRET ${s.establishment.siret})` : '';
  return [number, s.cardType?.label, employer].filter(Boolean).join(' — ');
}

/** Why an event without a signature proves nothing about its writer, for the unsigned rows. */
export const UNSIGNED_REASON =
  'Non signé : aucune signature ne prouve qui a écrit cet événement (écrit par un service sans clé de signature, ou ajouté directement dans la base).';

/** What the signatures of the timeline prove, in one French line. */
export function signaturesLine(timeline: Timeline): string {
  const unsigned = timeline.entries.filter((e) => e.keyId === null).length;
  const signed = timeline.entries.length - unsigned;
  if (timeline.signaturesVerified)
    return timeline.integrity.ok
      ? `Signatures vérifiées avec le trousseau : les ${signed} événement(s) sont signés par des clés en service à leur date.`
      : `Signatures vérifiées avec le trousseau : voir la rupture ci-dessus.`;
  return `Signatures non vérifiées (sans trousseau, --keys) : ${signed} événement(s) signé(s), ${unsigned} non signé(s)${unsigned > 0 ? ' — NON SIGNÉ : rien ne prouve qui a écrit ces événements' : ''}.`;
}
