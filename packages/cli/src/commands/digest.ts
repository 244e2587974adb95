import * as fs from 'node:fs';
import type { Command } from 'commander';
import { digest } from '@cartes-badges/eventsourcing';
import { badInput, messageOf } from '../errors';
import { toJson } from '../output/json';
import { startProgress } from '../output/progress';
import type { GlobalOptions } from './context';
import { note, print, withStore } from './context';

/** `digest`: the head hash of every stream, for a later `verify --against`. */
export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description(
      "Empreinte de tête de chaque flux (JSON) : à conserver hors de la base, puis « verify --against » prouve que rien n'a changé avant",
    )
    .option('--out <fichier>', 'écrit le digest dans ce fichier au lieu de la sortie standard')
    .addHelpText(
      'after',
      '\nExemples :\n  cartes-badges digest > digest-2025-12.json\n  cartes-badges digest --out digest.json',
    )
    .action(async (options: { readonly out?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const saved = await withStore(
        globals,
        'read',
        async (opened) => {
          const progress = startProgress('Digest', await opened.countEvents(), 'événements');
          const result = await digest(opened.store, { onProgress: (p) => progress.update(p.eventsRead) });
          progress.stop();
          return result;
        },
        'stored',
      );
      const json = toJson(saved);
      if (options.out === undefined) return print(json);
      try {
        fs.writeFileSync(options.out, `${json}\n`);
      } catch (error) {
        throw badInput(`Impossible d'écrire ${options.out} : ${messageOf(error)}`);
      }
      note(`Digest de ${Object.keys(saved.streams).length} flux écrit dans ${options.out}`);
    });
}
