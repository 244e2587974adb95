import * as fs from 'node:fs';
import { isIsoDateOrInstant, isIsoInstant } from '@cartes-badges/eventsourcing';
import type { Command } from 'commander';
import { Option } from 'commander';
import { findDossierId } from '../audit/find-dossier';
import { readKeyring } from '../audit/keyring-file';
import { renderTimelineHtml, renderTimelineText } from '../audit/render-timeline';
import { buildTimeline } from '../audit/timeline';
import { brokenReason } from '../audit/chain-problems';
import { badInput, EXIT, messageOf, usageError } from '../errors';
import { parseStoreSpec, storeArgument } from '../store/store-spec';
import { toJson } from '../output/json';
import type { GlobalOptions } from './context';
import { note, print, storeUrlOf, withStore } from './context';

interface HistoryOptions {
  readonly at?: string;
  readonly format: 'text' | 'json' | 'html';
  readonly out?: string;
  readonly keys?: string;
}

/**
 * Reads --at: an ISO-8601 day (the end of that day, UTC) or an instant with its offset. A time
 * without offset is refused: read in the auditor's own time zone, the same command would show
 * another state on another machine.
 */
export function parseAt(raw: string): string {
  const text = raw.trim();
  if (isIsoInstant(text)) return new Date(text).toISOString();
  if (isIsoDateOrInstant(text)) return `${text}T23:59:59.999Z`;
  throw usageError(
    `--at « ${raw} » : attendu une date ISO-8601 qui existe, par ex. 2025-12-01, ou une heure avec son fuseau, par ex. 2025-12-01T14:30:00Z ou 2025-12-01T15:30:00+01:00`,
  );
}

/** `history <numéro|id>`: the auditor's timeline. */
export function registerHistory(program: Command): void {
  program
    .command('history')
    .description(
      "Historique d'un dossier pour l'auditeur : quand, qui (rôle, utilisateur, SIRET), ce qui s'est passé, l'état après chaque événement",
    )
    .argument('<numéro|id>', 'numéro de brouillon (10001), numéro de dossier (2512AF000408) ou identifiant')
    .option('--at <date>', "l'état à ce moment (ISO-8601 : 2025-12-01 ou 2025-12-01T14:30:00Z)")
    .addOption(
      new Option('--format <format>', 'text pour lire, json pour un programme, html pour une page autonome')
        .choices(['text', 'json', 'html'])
        .default('text'),
    )
    .option('--json', 'comme --format json')
    .option('--out <fichier>', 'écrit dans ce fichier au lieu de la sortie standard')
    .option(
      '--keys <trousseau.json>',
      'vérifie aussi les signatures avec ce trousseau (code 1 dès un événement non signé ou d’une clé inconnue)',
    )
    .addHelpText(
      'after',
      `
Code de sortie 1 quand la chaîne de hachage du dossier est rompue (l'historique est tout de même écrit).
Exemples :
  cartes-badges history 2512AF000001
  cartes-badges history 10003 --at 2025-11-20
  cartes-badges history 2512AF000001 --format html --out historique.html`,
    )
    .action(async (reference: string, options: HistoryOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & HistoryOptions>();
      const format = globals.json ? 'json' : options.format;
      const at = options.at !== undefined ? parseAt(options.at) : undefined;
      const keyring = options.keys !== undefined ? readKeyring(options.keys, '--keys') : undefined;
      const source = {
        store: storeArgument(parseStoreSpec(storeUrlOf(globals))),
        ...(options.keys !== undefined ? { keys: options.keys } : {}),
      };
      const { output, integrity } = await withStore(globals, 'read', async ({ store }) => {
        const dossierId = await findDossierId(store, reference);
        const timeline = await buildTimeline(store, dossierId, at, keyring);
        const text =
          format === 'json'
            ? toJson({ ...timeline, source })
            : format === 'html'
              ? renderTimelineHtml(timeline, { source })
              : renderTimelineText(timeline, source);
        return { output: text, integrity: timeline.integrity };
      });
      if (options.out === undefined) print(output);
      else {
        try {
          fs.writeFileSync(options.out, output.endsWith('\n') ? output : `${output}\n`);
        } catch (error) {
          throw badInput(`Impossible d'écrire ${options.out} : ${messageOf(error)}`);
        }
        note(`Historique écrit dans ${options.out}`);
      }
      // The history is still shown (the auditor needs to see where it breaks), but a script
      // that archives it must not take a broken chain for a good one: exit 1, as `verify` does.
      if (!integrity.ok) {
        note(
          `Chaîne rompue : ${integrity.streamId} version ${integrity.version} — ${brokenReason(integrity.problem, integrity.version)}`,
        );
        process.exitCode = EXIT.verificationFailed;
      }
    });
}
