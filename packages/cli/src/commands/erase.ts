import type { Command } from 'commander';
import type { EventStore } from '@cartes-badges/eventsourcing';
import { personalDataKeysOf } from '@cartes-badges/eventsourcing';
import type { DossierActor, RetentionPolicy } from '@cartes-badges/domain';
import {
  createDossierService,
  createInMemoryAttachments,
  createInMemoryBlobStore,
  createInMemoryEstablishmentDirectory,
  createInMemoryProviderDirectory,
} from '@cartes-badges/domain';
import { findDossierId } from '../audit/find-dossier';
import { CliError, EXIT, usageError } from '../errors';
import { toJson } from '../output/json';
import type { GlobalOptions } from './context';
import { print, withStore } from './context';

interface EraseOptions {
  readonly dossier: string;
  readonly reason: string;
  readonly by: string;
  readonly force?: boolean;
}

/** Five years, when the embedding does not say (CARTES_BADGES_RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 1825;

/**
 * The retention policy of this installation, from its environment (set by whoever runs the
 * fund's jobs, not typed per erasure): CARTES_BADGES_RETENTION_DAYS (days kept after a dossier
 * ended) and CARTES_BADGES_ALLOW_FORCED_ERASURE=1 (lets --force erase before).
 */
export function retentionPolicyOf(env: NodeJS.ProcessEnv): RetentionPolicy {
  const raw = env.CARTES_BADGES_RETENTION_DAYS;
  const days = raw === undefined || raw === '' ? DEFAULT_RETENTION_DAYS : Number(raw);
  if (!Number.isInteger(days) || days < 0) {
    throw usageError(
      `CARTES_BADGES_RETENTION_DAYS « ${raw} » : nombre entier de jours ≥ 0 attendu (par ex. 1825 pour cinq ans)`,
    );
  }
  return { retentionDays: days, allowForcedErasure: env.CARTES_BADGES_ALLOW_FORCED_ERASURE === '1' };
}

// Erasure reads no reference data: the service gets empty directories.
function erasureService(store: EventStore, retention: RetentionPolicy) {
  return createDossierService({
    store,
    establishments: createInMemoryEstablishmentDirectory([]),
    providers: createInMemoryProviderDirectory([]),
    attachments: createInMemoryAttachments({}),
    blobStore: createInMemoryBlobStore(),
    retention,
  });
}

/** `erase --dossier N`: erases a dossier's personal data, keeping its history verifiable. */
export function registerErase(program: Command): void {
  program
    .command('erase')
    .description(
      "Efface les données personnelles d'un dossier (email, commentaires, motifs, noms de fichiers) après la durée de conservation : la clé du dossier est détruite, l'effacement est un événement, verify et verify --against restent intacts",
    )
    .requiredOption('--dossier <numéro|id>', 'numéro de brouillon, numéro de dossier ou identifiant')
    .requiredOption('--reason <motif>', "pourquoi (gardé dans l'événement d'effacement)")
    .requiredOption(
      '--by <identifiant>',
      "qui efface : l'identifiant du gestionnaire (gardé dans l'événement)",
    )
    .option(
      '--force',
      'avant la fin de la durée de conservation (demande de la personne concernée) : seulement si CARTES_BADGES_ALLOW_FORCED_ERASURE=1',
    )
    .option('--json', 'sortie JSON pour un programme')
    .addHelpText(
      'after',
      `
Durée de conservation : CARTES_BADGES_RETENTION_DAYS jours après la clôture, l'annulation ou la
suppression du dossier (${DEFAULT_RETENTION_DAYS} par défaut) ; avant, l'effacement est refusé (code 6), sauf
--force quand CARTES_BADGES_ALLOW_FORCED_ERASURE=1. Effacer deux fois n'écrit rien de plus.
Codes de sortie : 0 effacé (ou déjà effacé), 2 usage incorrect, 3 dossier introuvable, 6 refusé.
Exemple :
  cartes-badges erase --dossier 2512AF000001 --reason "Durée de conservation échue" --by g-martin`,
    )
    .action(async (options: EraseOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & EraseOptions>();
      const retention = retentionPolicyOf(process.env);
      const actor: DossierActor = { role: 'gestionnaire', userId: options.by };
      const outcome = await withStore(globals, 'events', async ({ store, label }) => {
        if (!personalDataKeysOf(store)) {
          throw new CliError(
            `Effacement impossible sur ${label} : ce store garde les données personnelles en clair (pas de table de clés) ; rien n'a été effacé`,
            EXIT.refused,
          );
        }
        const dossierId = await findDossierId(store, options.dossier);
        const result = await erasureService(store, retention).erasePersonalData(dossierId, actor, {
          reason: options.reason,
          ...(options.force ? { force: true } : {}),
        });
        if (result._tag === 'Left') {
          const hint =
            result.left.code === 'FORCED_ERASURE_NOT_ALLOWED'
              ? ' (la politique le permet avec CARTES_BADGES_ALLOW_FORCED_ERASURE=1)'
              : result.left.code === 'RETENTION_NOT_REACHED'
                ? ' (durée fixée par CARTES_BADGES_RETENTION_DAYS)'
                : '';
          throw new CliError(`Effacement refusé : ${result.left.message}${hint}`, EXIT.refused);
        }
        return result.right;
      });
      if (globals.json) return print(toJson(outcome));
      print(
        outcome.recorded
          ? `Effacé  dossier ${outcome.dossierId} : ses données personnelles se lisent « [effacé] » ; l'effacement est enregistré (par ${options.by}) et la clé détruite`
          : outcome.keyDestroyed
            ? `Terminé  dossier ${outcome.dossierId} : l'effacement était enregistré mais sa clé restait (interrompu) ; elle est détruite`
            : `Déjà effacé  dossier ${outcome.dossierId} : rien de plus n'a été écrit`,
      );
    });
}
