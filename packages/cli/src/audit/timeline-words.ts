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
