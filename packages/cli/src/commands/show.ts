import type { Command } from 'commander';
import type { DossierState, DossierValidation } from '@cartes-badges/domain';
import {
  ATTESTATION_LABELS,
  ATTESTATION_TABS,
  ATTESTATIONS,
  documentsProgress,
  fieldLabel,
  dossierStatusLabel,
  foldDossier,
  formatEuros,
  synthesisOf,
  validateDossier,
} from '@cartes-badges/domain';
import { findDossierId } from '../audit/find-dossier';
import { toJson } from '../output/json';
import type { GlobalOptions } from './context';
import { print, withStore } from './context';

/** The dossier as text: its data, as the tabs show them, then each tab's status and messages. */
export function renderDossier(state: DossierState, validation: DossierValidation): string {
  const synthesis = synthesisOf(state);
  const e = state.establishment;
  const p = state.provider;
  const lines: string[] = [];
  const title = state.dossierNumber ? `Dossier ${state.dossierNumber}` : `Brouillon n° ${state.draftNumber}`;
  lines.push(`${title} — ${dossierStatusLabel(state)}`);
  lines.push(
    `${state.cardType?.label ?? '?'} · brouillon n° ${state.draftNumber}${state.origin === 'presaisie' ? ` · pré-saisie de ${state.presaisieProvider?.name}` : ''}${state.origin === 'duplicate' ? ' · copie d’un autre brouillon' : ''} · id ${state.dossierId}`,
  );
  lines.push('');
  lines.push('Employeur');
  if (e) {
    lines.push(`  ${e.name} · SIRET ${e.siret} · NAF ${e.naf} · IDCC ${e.idcc} · ${e.publicType}`);
    lines.push(`  ${synthesis.employer?.address ?? ''}`);
  }
  lines.push(`  Email : ${state.contactEmail ?? '—'}`);
  lines.push('Prestation');
  lines.push(
    `  Prestataire : ${p ? `${p.name} · SIRET ${p.siret}${p.uai.length ? ` · UAI ${p.uai.join(', ')}` : ''}${p.ndas.length ? ` · NDA ${p.ndas.join(', ')}` : ''} · ${p.qualiopi ? 'certifié Qualiopi' : 'non certifié Qualiopi'}` : '—'}`,
  );
  if (state.internalReference) lines.push(`  Référence interne : ${state.internalReference}`);
  for (const line of state.costLines) {
    lines.push(
      `  Coût · ${line.nature ?? '?'} · ${line.quantity ?? '?'} × ${line.unitAmountCents === null ? '?' : formatEuros(line.unitAmountCents)}`,
    );
  }
  lines.push(`  Coût total HT : ${synthesis.totalAmount}`);
  lines.push('Synthèse');
  const attestationsOf = (tab: 'Synthèse' | 'Documents') =>
    ATTESTATIONS.filter((attestation) => ATTESTATION_TABS[attestation] === tab).map(
      (attestation) =>
        `  [${state.attestations[attestation] ? 'x' : ' '}] ${ATTESTATION_LABELS[attestation]}`,
    );
  lines.push(...attestationsOf('Synthèse'));
  if (state.comment) lines.push(`  Commentaire : ${state.comment}`);
  lines.push(`Documents (${documentsProgress(state).label})`);
  lines.push(...attestationsOf('Documents'));
  for (const doc of state.documents) {
    lines.push(
      `  ${doc.documentType} : ${doc.file.name}${doc.attachedAfterTransmission ? ' (ajouté après transmission)' : ''}`,
    );
  }
  if (state.amountGrantedCents !== null)
    lines.push(`Montant accordé : ${formatEuros(state.amountGrantedCents)}`);
  if (state.amountPaidCents !== null) lines.push(`Montant remboursé : ${formatEuros(state.amountPaidCents)}`);
  if (state.complementsRequest && state.status === 'complementsRequested')
    lines.push(`Compléments demandés : ${state.complementsRequest}`);
  if (state.refusalReason) lines.push(`Motif de refus : ${state.refusalReason}`);
  if (state.cancellationReason) lines.push(`Motif d'annulation : ${state.cancellationReason}`);
  lines.push('');
  lines.push(`Onglets${validation.valid ? ' (tous valides)' : ''}`);
  for (const tab of validation.tabs) {
    lines.push(
      `  ${tab.status === 'valid' ? '✓' : '✗'} ${tab.tab}${tab.status === 'valid' ? ' : onglet validé' : ''}`,
    );
    for (const message of tab.messages) lines.push(`      ${fieldLabel(message.field)} : ${message.message}`);
  }
  return lines.join('\n');
}

/** `show <numéro|id>`: the dossier, each tab's status and messages. */
export function registerShow(program: Command): void {
  program
    .command('show')
    .description(
      "Affiche un dossier : ses données onglet par onglet, l'état de chaque onglet et ses messages",
    )
    .argument('<numéro|id>', 'numéro de brouillon (10001), numéro de dossier (2512AF000408) ou identifiant')
    .option('--json', 'sortie JSON (état, synthèse, onglets) pour un programme')
    .addHelpText(
      'after',
      '\nExemples :\n  cartes-badges show 10001\n  cartes-badges show 2512AF000001 --json',
    )
    .action(async (reference: string, _options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withStore(globals, 'read', async ({ store }) => {
        const dossierId = await findDossierId(store, reference);
        const state = await foldDossier(store, dossierId);
        const validation = validateDossier(state);
        print(
          globals.json
            ? toJson({
                dossierId,
                label: dossierStatusLabel(state),
                state,
                synthesis: synthesisOf(state),
                tabs: validation,
              })
            : renderDossier(state, validation),
        );
      });
    });
}
