import * as fs from 'node:fs';
import type { Command } from 'commander';
import { digest, signDigest } from '@cartes-badges/eventsourcing';
import { readSigner } from '../audit/signing-key-file';
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
    .option(
      '--sign <clé>',
      'signe le digest avec cette clé (écrite par « keys generate ») : « verify --against … --keys » vérifie la signature avant tout',
    )
    .addHelpText(
      'after',
      '\nExemples :\n  cartes-badges digest > digest-2025-12.json\n  cartes-badges digest --out digest.json\n  cartes-badges digest --sign auditeur.key --out digest-$(date -u +%F).json',
    )
    .action(async (options: { readonly out?: string; readonly sign?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      // The key is read before the store: a wrong key file costs no pass over the events.
      const signer = options.sign !== undefined ? readSigner(options.sign, '--sign') : undefined;
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
      const json = toJson(signer ? signDigest(saved, signer) : saved);
      if (options.out === undefined) return print(json);
      try {
        fs.writeFileSync(options.out, `${json}\n`);
      } catch (error) {
        throw badInput(`Impossible d'écrire ${options.out} : ${messageOf(error)}`);
      }
      note(
        `Digest de ${Object.keys(saved.streams).length} flux écrit dans ${options.out}${signer ? `, signé par la clé ${signer.keyId}` : ''}`,
      );
    });
}
