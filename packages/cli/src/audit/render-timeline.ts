import type { StreamVerification } from '@cartes-badges/eventsourcing';
import type { Timeline } from './timeline';

/** An ISO instant as the timeline shows it: "2025-11-05 09:00:12 UTC". */
export function showInstant(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC';
}

/** The integrity of the chain in one French line. */
export function integrityLine(integrity: StreamVerification): string {
  return integrity.ok
    ? `Chaîne de hachage intacte : ${integrity.length} événement(s), empreinte de tête ${integrity.headHash.slice(0, 16)}…`
    : `CHAÎNE ROMPUE à la version ${integrity.version} (${integrity.problem}) : ${integrity.detail}`;
}

function heading(timeline: Timeline): string {
  const s = timeline.state;
  const number = s.dossierNumber
    ? `Dossier ${s.dossierNumber} (brouillon n° ${s.draftNumber})`
    : `Brouillon n° ${s.draftNumber ?? '?'}`;
  const employer = s.establishment ? `${s.establishment.name} (SIRET ${s.establishment.siret})` : '';
  return [number, s.cardType?.label, employer].filter(Boolean).join(' — ');
}

/** The timeline as text for people: one block per event, then the state at the end. */
export function renderTimelineText(timeline: Timeline): string {
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
  }
  if (timeline.entries.length === 0) lines.push("Le dossier n'existait pas encore à cette date.");
  lines.push('');
  lines.push(
    `État ${timeline.at ? 'à cette date' : 'actuel'} : ${timeline.summary.label} · total HT ${timeline.summary.totalHt}`,
  );
  lines.push(integrityLine(timeline.integrity));
  return lines.join('\n');
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The timeline as one self-contained HTML page (inline style, no script, no external resource). */
export function renderTimelineHtml(timeline: Timeline, generatedAt: Date = new Date()): string {
  const rows = timeline.entries
    .map(
      (e) => `<tr>
  <td class="v">${e.version}</td>
  <td><time datetime="${escapeHtml(e.occurredAt)}">${escapeHtml(showInstant(e.occurredAt))}</time></td>
  <td>${escapeHtml(e.actor.roleLabel)}<br><span class="muted">${escapeHtml(e.actor.userId)}${e.actor.siret ? `<br>SIRET ${escapeHtml(e.actor.siret)}` : ''}</span></td>
  <td>${escapeHtml(e.description)}<br><span class="muted">${escapeHtml(e.type)} · commande ${escapeHtml(e.commandId ?? '—')}</span></td>
  <td><strong>${escapeHtml(e.stateAfter.label)}</strong><br><span class="muted">total HT ${escapeHtml(e.stateAfter.totalHt)} · documents ${escapeHtml(e.stateAfter.documents)}</span></td>
  <td class="hash" title="${escapeHtml(e.hash)}">${escapeHtml(e.hash.slice(0, 12))}…</td>
</tr>`,
    )
    .join('\n');
  const ok = timeline.integrity.ok;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Historique — ${escapeHtml(heading(timeline))}</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
  h1 { font-size: 1.3rem; margin-bottom: .2rem; }
  .muted { color: #667085; font-size: 12px; }
  .badge { display: inline-block; padding: .25rem .6rem; border-radius: 4px; font-weight: 600; }
  .ok { background: #e3f6e8; color: #17663a; } .ko { background: #fde7e7; color: #a11a1a; }
  table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
  th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #e4e7ec; }
  th { background: #f3f5f8; font-weight: 600; }
  td.v { text-align: right; color: #667085; } td.hash { font-family: ui-monospace, monospace; font-size: 12px; }
</style>
</head>
<body>
<h1>${escapeHtml(heading(timeline))}</h1>
<p class="muted">Identifiant ${escapeHtml(timeline.dossierId)} · ${timeline.at ? `historique au ${escapeHtml(showInstant(new Date(timeline.at).toISOString()))}` : 'historique complet'} · page générée le ${escapeHtml(showInstant(generatedAt.toISOString()))}</p>
<p><span class="badge ${ok ? 'ok' : 'ko'}">${escapeHtml(integrityLine(timeline.integrity))}</span></p>
<p>État ${timeline.at ? 'à cette date' : 'actuel'} : <strong>${escapeHtml(timeline.summary.label)}</strong> · total HT ${escapeHtml(timeline.summary.totalHt)}</p>
<table>
<thead><tr><th>#</th><th>Quand</th><th>Qui</th><th>Ce qui s'est passé</th><th>État après</th><th>Empreinte</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6">Le dossier n\'existait pas encore à cette date.</td></tr>'}
</tbody>
</table>
</body>
</html>
`;
}
