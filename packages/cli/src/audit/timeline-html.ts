import { brokenReason } from './chain-problems';
import type { TimelineSource } from './recheck-command';
import { recheckCommand } from './recheck-command';
import type { Timeline, TimelineDocument, TimelineEntry } from './timeline';
import { heading, integrityLine, showInstant, signaturesLine, UNSIGNED_REASON } from './timeline-words';

/** What the page says beside the timeline itself. */
export interface TimelinePageOptions {
  /** When the page was made (now by default). */
  readonly generatedAt?: Date;
  /** The store it was read from: named on the page with the command that re-checks it. */
  readonly source?: TimelineSource;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

// Hashes are printed whole (an auditor compares them with `verify` and a digest, and a tooltip
// does not print); they wrap anywhere so that a 64-character hash fits a printed column.
const hash = (value: string): string => `<code class="hash">${escapeHtml(value)}</code>`;

function entryRow(e: TimelineEntry, timeline: Timeline): string {
  const reason =
    e.chain === 'broken' && !timeline.integrity.ok
      ? `<p class="reason"><strong>✗ Chaîne rompue ici.</strong> ${escapeHtml(brokenReason(timeline.integrity.problem, e.version))}</p>`
      : e.chain === 'unproven'
        ? '<p class="reason">Non prouvé : cet événement suit la rupture de la chaîne.</p>'
        : '';
  const unsigned =
    e.keyId === null ? `<p class="reason unsigned-reason">${escapeHtml(UNSIGNED_REASON)}</p>` : '';
  return `<tr class="event ${e.chain}${e.keyId === null ? ' unsigned' : ' signed'}" data-version="${e.version}">
  <td class="v">${e.chain === 'broken' ? '✗ ' : ''}${e.version}</td>
  <td class="when"><span class="label">survenu</span> <time datetime="${escapeHtml(e.occurredAt)}">${escapeHtml(showInstant(e.occurredAt))}</time><br><span class="label">enregistré</span> <time datetime="${escapeHtml(e.recordedAt)}">${escapeHtml(showInstant(e.recordedAt))}</time></td>
  <td>${escapeHtml(e.actor.roleLabel)}<br><span class="muted">${escapeHtml(e.actor.userId)}${e.actor.siret ? `<br>SIRET ${escapeHtml(e.actor.siret)}` : ''}</span></td>
  <td class="what">${escapeHtml(e.description)}<br><span class="muted">${escapeHtml(e.type)} · commande ${escapeHtml(e.commandId ?? '—')}</span>${reason}${unsigned}</td>
  <td><strong>${escapeHtml(e.stateAfter.label)}</strong><br><span class="muted">total HT ${escapeHtml(e.stateAfter.totalHt)} · documents ${escapeHtml(e.stateAfter.documents)}</span></td>
  <td class="proof"><span class="label">empreinte</span> ${hash(e.hash)}<span class="label">précédente</span> ${hash(e.prevHash)}${signatureCell(e)}</td>
</tr>`;
}

// The signature printed whole beside the hashes, or which version's signature covers the event.
function signatureCell(e: TimelineEntry): string {
  if (e.keyId === null)
    return '<span class="label">signature</span> <strong class="unsigned-mark">non signé</strong>';
  const key = `<span class="label">clé</span> <code class="key-id">${escapeHtml(e.keyId)}</code>`;
  if (e.signature !== null)
    return `${key}<span class="label">signature</span> <code class="signature">${escapeHtml(e.signature)}</code>`;
  const covered =
    e.signedAtVersion === null
      ? 'aucune signature ne suit dans cet historique'
      : `couvert par la signature de la version ${e.signedAtVersion}`;
  return `${key}<span class="label">signature</span> <span class="muted">${covered}</span>`;
}

// The broken version has no row of its own when it cannot be shown: a removed event, a row that
// no longer reads, or a no-change marker (left out of the timeline). The break is shown anyway.
function missingBrokenRow(timeline: Timeline): { version: number; html: string } | undefined {
  const integrity = timeline.integrity;
  if (integrity.ok || timeline.entries.some((e) => e.version === integrity.version)) return undefined;
  if (timeline.at !== null && timeline.entries.every((e) => e.version < integrity.version)) return undefined;
  return {
    version: integrity.version,
    html: `<tr class="event broken" data-version="${integrity.version}">
  <td class="v">✗ ${integrity.version}</td>
  <td colspan="5"><p class="reason"><strong>✗ Chaîne rompue ici.</strong> ${escapeHtml(brokenReason(integrity.problem, integrity.version))}</p><span class="muted">L'événement de cette version ne peut pas être affiché. Détail technique : ${escapeHtml(integrity.detail)}</span></td>
</tr>`,
  };
}

function rows(timeline: Timeline): string {
  const lines = timeline.entries.map((e) => ({ version: e.version, html: entryRow(e, timeline) }));
  const broken = missingBrokenRow(timeline);
  if (broken) lines.push(broken);
  lines.sort((a, b) => a.version - b.version);
  return lines.map((l) => l.html).join('\n');
}

function documentRow(d: TimelineDocument): string {
  const standing = d.removedAtVersion === null ? 'joint' : `retiré à la version ${d.removedAtVersion}`;
  return `<tr>
  <td class="v">${d.version}</td>
  <td>${escapeHtml(d.documentType)}</td>
  <td>${escapeHtml(d.name)}<br><span class="muted">${escapeHtml(d.mediaType)} · ${d.size} octets</span></td>
  <td>${hash(d.sha256)}</td>
  <td>${escapeHtml(standing)}</td>
</tr>`;
}

function documentsSection(timeline: Timeline): string {
  if (timeline.documents.length === 0) return '<h2>Documents joints</h2>\n<p>Aucun document joint.</p>';
  return `<h2>Documents joints</h2>
<p class="muted">Le SHA-256 de chaque fichier est celui que son événement (chaîné) enregistre : une copie se vérifie avec <code>sha256sum fichier</code>, les fichiers stockés avec <code>cartes-badges verify --documents</code>.</p>
<table class="documents">
<thead><tr><th>#</th><th>Type</th><th>Fichier</th><th>SHA-256</th><th>Statut</th></tr></thead>
<tbody>
${timeline.documents.map(documentRow).join('\n')}
</tbody>
</table>`;
}

function recheckSection(timeline: Timeline, source: TimelineSource | undefined): string {
  const head = timeline.integrity.ok
    ? `<p>Empreinte de tête (version ${timeline.integrity.length - 1}) : ${hash(timeline.integrity.headHash)}</p>`
    : '';
  if (!source)
    return `<section class="recheck">${head}<p>Pour revérifier : <code>cartes-badges verify --stream ${escapeHtml(timeline.streamId)}</code></p></section>`;
  return `<section class="recheck">
<p>Lu dans le magasin d'événements <code>${escapeHtml(source.store)}</code>, flux <code>${escapeHtml(timeline.streamId)}</code>.</p>
${head}
<p>Pour revérifier sans se fier à cette page (code de sortie 0 : chaîne intacte, 1 : rompue ; un mot de passe masqué *** est à saisir) :</p>
<pre class="command"><code>${escapeHtml(recheckCommand(timeline.streamId, source))}</code></pre>
</section>`;
}

const STYLE = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
  h1 { font-size: 1.3rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
  .muted { color: #667085; font-size: 12px; }
  .label { display: block; color: #667085; font-size: 11px; }
  .badge { display: inline-block; padding: .3rem .7rem; border-radius: 4px; font-weight: 600; }
  .ok { background: #e3f6e8; color: #17663a; } .ko { background: #fde7e7; color: #a11a1a; border: 2px solid #a11a1a; }
  .recheck { border-left: 3px solid #c9d1dc; padding-left: .8rem; }
  pre.command { background: #f3f5f8; padding: .5rem .7rem; white-space: pre-wrap; word-break: break-all; }
  table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
  th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #e4e7ec; }
  th { background: #f3f5f8; font-weight: 600; }
  td.v { text-align: right; color: #667085; white-space: nowrap; } td.when { white-space: nowrap; }
  td.proof { min-width: 15rem; }
  td.what { overflow-wrap: anywhere; } /* a document's SHA-256 in the sentence must not widen the table */
  code.hash, code.signature { font: 11px/1.3 ui-monospace, monospace; word-break: break-all; display: block; }
  code.key-id { font: 11px/1.3 ui-monospace, monospace; }
  /* unsigned first: a broken or unproven row keeps its own colour, with the unsigned mark at its left */
  tr.unsigned { background: #fff1e6; box-shadow: inset 4px 0 0 #c2410c; } .unsigned-mark { color: #c2410c; }
  p.reason.unsigned-reason { color: #9a3412; }
  tr.broken { background: #fde7e7; outline: 2px solid #a11a1a; } tr.broken td.v { color: #a11a1a; font-weight: 700; }
  tr.unproven { background: #fff6e0; }
  p.reason { margin: .4rem 0 0; color: #a11a1a; } tr.unproven p.reason { color: #8a5a00; }
  @page { size: A4 landscape; margin: 12mm; }
  @media print {
    body { margin: 0; font-size: 11px; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    tr { break-inside: avoid; } thead { display: table-header-group; }
  }`;

/**
 * The timeline as one self-contained HTML page (inline style, no script, no external resource),
 * made to be printed: full hashes, both instants, the broken row and its reason in French, the
 * documents with their SHA-256, and the store with the command that checks it again.
 */
export function renderTimelineHtml(timeline: Timeline, options: TimelinePageOptions = {}): string {
  const generatedAt = options.generatedAt ?? new Date();
  const ok = timeline.integrity.ok;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Historique — ${escapeHtml(heading(timeline))}</title>
<style>${STYLE}
</style>
</head>
<body>
<h1>${escapeHtml(heading(timeline))}</h1>
<p class="muted">Identifiant ${escapeHtml(timeline.dossierId)} · ${timeline.at ? `historique au ${escapeHtml(showInstant(new Date(timeline.at).toISOString()))}` : 'historique complet'} · page générée le ${escapeHtml(showInstant(generatedAt.toISOString()))}</p>
<p><span class="badge ${ok ? 'ok' : 'ko'}" id="verdict">${escapeHtml(integrityLine(timeline.integrity))}</span></p>
<p id="signatures">${escapeHtml(signaturesLine(timeline))}</p>
${recheckSection(timeline, options.source)}
<p>État ${timeline.at ? 'à cette date' : 'actuel'} : <strong>${escapeHtml(timeline.summary.label)}</strong> · total HT ${escapeHtml(timeline.summary.totalHt)}</p>
<h2>Événements</h2>
<table class="events">
<thead><tr><th>#</th><th>Quand (UTC)</th><th>Qui</th><th>Ce qui s'est passé</th><th>État après</th><th>Empreintes SHA-256</th></tr></thead>
<tbody>
${rows(timeline) || '<tr><td colspan="6">Le dossier n\'existait pas encore à cette date.</td></tr>'}
</tbody>
</table>
${documentsSection(timeline)}
</body>
</html>
`;
}
