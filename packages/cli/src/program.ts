import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { registerBlobs } from './commands/blobs';
import { registerDemo } from './commands/demo';
import { registerDigest } from './commands/digest';
import { registerErase } from './commands/erase';
import { registerExport } from './commands/export';
import { registerHistory } from './commands/history';
import { registerKeys } from './commands/keys';
import { registerLists } from './commands/lists';
import { registerProject } from './commands/project';
import { registerRebuild } from './commands/rebuild';
import { registerShow } from './commands/show';
import { registerVerify } from './commands/verify';
import { frenchCommanderMessage } from './commander-messages';
import { CliError, EXIT, messageOf } from './errors';
import { DEFAULT_STORE } from './store/store-spec';

/** The version of the installed package: package.json sits one level above both src/ and dist/. */
const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

/** The `cartes-badges` program with every command registered. */
export function createProgram(): Command {
  const program = new Command('cartes-badges')
    .description(
      'Demandes « Cartes et badges » en event sourcing : démo, listes, historique pour l’auditeur, vérification des chaînes de hachage, projections',
    )
    .version(VERSION, '-V, --version')
    .addOption(
      new Option(
        '--store <url>',
        `store d'événements : sqlite:<fichier>, postgres://…, kurrentdb://…, esdb://… ou memory:`,
      )
        .env('CARTES_BADGES_STORE')
        .default(undefined, DEFAULT_STORE),
    )
    .addOption(
      new Option(
        '--signing-key <fichier>',
        'clé de signature (écrite par « keys generate ») : les commandes qui écrivent (demo, erase) signent chaque ajout',
      ).env('CARTES_BADGES_SIGNING_KEY'),
    )
    // Errors are printed by `run`, in French on one line (frenchCommanderMessage).
    .configureOutput({ outputError: () => undefined })
    .addHelpText(
      'after',
      `
Codes de sortie : 0 succès · 1 vérification échouée · 2 usage incorrect · 3 introuvable ·
4 store injoignable · 5 fichier donné inutilisable · 6 refusé par une règle · 10 erreur inattendue.
Commencez par : cartes-badges demo`,
    );
  program.exitOverride();
  registerDemo(program);
  registerLists(program);
  registerShow(program);
  registerHistory(program);
  registerVerify(program);
  registerDigest(program);
  registerProject(program);
  registerExport(program);
  registerRebuild(program);
  registerBlobs(program);
  registerErase(program);
  registerKeys(program);
  // Subcommands share the program's behaviour on errors (exit codes chosen by `run`).
  for (const command of program.commands)
    command.exitOverride().configureOutput({ outputError: () => undefined });
  return program;
}

// Errors of the stores' drivers that mean "cannot reach the database".
const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|Connection terminated|timeout expired|UNAVAILABLE|failed to connect|EventStoreUnavailable/i;

/** Runs the CLI on `argv` (as process.argv) and gives the exit code; never throws. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors: commander has printed them already.
      if (error.exitCode === 0) return EXIT.ok;
      const name = [...argv.slice(2)].find((arg) => !arg.startsWith('-'));
      const known = program.commands.some((command) => command.name() === name);
      const help = known ? `cartes-badges ${name} --help` : 'cartes-badges --help';
      process.stderr.write(`cartes-badges: ${frenchCommanderMessage(error, help)}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`cartes-badges: ${error.message}\n`);
      return error.exitCode;
    }
    const message = messageOf(error);
    const code = (error as { code?: unknown }).code;
    if (UNREACHABLE.test(`${message} ${String(code)} ${(error as Error)?.name}`)) {
      process.stderr.write(
        `cartes-badges: store injoignable : ${message} — vérifiez que le serveur tourne et l'URL de --store\n`,
      );
      return EXIT.storeUnavailable;
    }
    process.stderr.write(`cartes-badges: erreur inattendue : ${message}\n`);
    if (process.env.CARTES_BADGES_DEBUG === '1' && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}
