import { brokenReason } from './chain-problems';
import type { TimelineSource } from './recheck-command';
import { recheckCommand } from './recheck-command';
import type { Timeline } from './timeline';
import { heading, integrityLine, showInstant, signaturesLine, UNSIGNED_REASON } from './timeline-words';

export { renderTimelineHtml } from './timeline-html';
export type { TimelinePageOptions } from './timeline-html';

/** The timeline as text for people: one block per event, then the state at the end. */
export function renderTimelineText(timeline: Timeline, source?: TimelineSource): string {
  const lines: string[] = [];
  lines.push(heading(timeline));
  lines.push(`Identifiant ${timeline.dossierId} · flux ${timeline.streamId}`);
  lines.push(
    timeline.at ? `Historique au ${showInstant(new Date(timeline.at).toISOString())}` : 'Historique complet',
  );
  lines.push('');
  for (const entry of timeline.entries) {
    const who = [
      entry.actor.roleLabel,
      entry.actor.userId,
      entry.actor.siret ? `SIRET ${entry.actor.siret}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
    lines.push(`#${entry.version}  ${showInstant(entry.occurredAt)}  ${who}`);
    lines.push(`    ${entry.description}`);
    lines.push(
      `    → ${entry.stateAfter.label} · total HT ${entry.stateAfter.totalHt} · documents obligatoires ${entry.stateAfter.documents}`,
    );
    lines.push(`    enregistré ${showInstant(entry.recordedAt)} · empreinte ${entry.hash}`);
    if (entry.keyId === null) lines.push(`    ${UNSIGNED_REASON}`);
    else
      lines.push(
        `    clé ${entry.keyId} · ${entry.signature !== null ? `signature ${entry.signature}` : entry.signedAtVersion !== null ? `couvert par la signature de la version ${entry.signedAtVersion}` : 'aucune signature ne suit'}`,
      );
    if (entry.chain === 'broken' && !timeline.integrity.ok)
      lines.push(`    ✗ CHAÎNE ROMPUE ICI : ${brokenReason(timeline.integrity.problem, entry.version)}`);
    if (entry.chain === 'unproven') lines.push('    (non prouvé : suit la rupture de la chaîne)');
  }
  if (timeline.entries.length === 0) lines.push("Le dossier n'existait pas encore à cette date.");
  lines.push('');
  lines.push(
    `État ${timeline.at ? 'à cette date' : 'actuel'} : ${timeline.summary.label} · total HT ${timeline.summary.totalHt}`,
  );
  lines.push(integrityLine(timeline.integrity));
  lines.push(signaturesLine(timeline));
  if (source) lines.push(`Pour revérifier : ${recheckCommand(timeline.streamId, source)}`);
  return lines.join('\n');
}
