import type { Command } from 'commander';
import { collectUnattachedFiles } from '@cartes-badges/domain';
import { usageError } from '../errors';
import { toJson } from '../output/json';
import { withBlobStore } from '../store/open-blob-store';
import type { GlobalOptions } from './context';
import { print, withStore } from './context';

interface GcOptions {
  readonly graceMinutes: string;
}

/** `blobs gc`: removes the stored files that no DocumentAttached event names. */
export function registerBlobs(program: Command): void {
  const blobs = program
    .command('blobs')
    .description('Les fichiers joints stockés (à côté du fichier SQLite, ou dans PostgreSQL)');
  blobs
    .command('gc')
    .description(
      "Supprime les fichiers qu'aucun événement DocumentAttached ne désigne (un dépôt dont l'événement a été refusé ou interrompu), jamais un fichier désigné",
    )
    .option(
      '--grace-minutes <n>',
      "garde les fichiers déposés depuis moins de n minutes (un dépôt dont l'événement est en cours d'écriture)",
      '60',
    )
    .option('--json', 'sortie JSON pour un programme')
    .addHelpText(
      'after',
      `
Le fichier d'un document retiré est gardé : son événement DocumentAttached reste une preuve.
Exemple :
  cartes-badges blobs gc --store sqlite:./data/events.db`,
    )
    .action(async (options: GcOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & GcOptions>();
      const minutes = Number(options.graceMinutes);
      if (!/^\d+$/.test(options.graceMinutes.trim()) || !Number.isSafeInteger(minutes))
        throw usageError(`--grace-minutes « ${options.graceMinutes} » : entier positif ou nul attendu`);
      await withStore(globals, 'read', (opened) =>
        withBlobStore(opened, 'write', async ({ blobs: files, label }) => {
          const result = await collectUnattachedFiles(opened.store, files, { graceMs: minutes * 60_000 });
          if (globals.json) {
            print(toJson({ files: label, ...result }));
            return;
          }
          for (const key of result.removed) print(`supprimé  ${key}`);
          print(
            `${result.removed.length} fichier(s) sans événement supprimé(s) de ${label} ; ${result.referenced} désigné(s) par un événement gardé(s), ${result.young} récent(s) gardé(s), ${result.incompleteRemoved} écriture(s) interrompue(s) effacée(s)`,
          );
        }),
      );
    });
}
