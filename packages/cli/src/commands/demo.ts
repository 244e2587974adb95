import { isIsoDateOrInstant } from '@cartes-badges/eventsourcing';
import type { Command } from 'commander';
import { runDemo } from '../demo/run-demo';
import { withBlobStore } from '../store/open-blob-store';
import { usageError } from '../errors';
import { toJson } from '../output/json';
import type { GlobalOptions } from './context';
import { note, print, storeUrlOf, withStore } from './context';
import { listPage, renderListPage } from './lists';

interface DemoOptions {
  readonly dossiers: string;
  readonly seed: string;
  readonly now: string;
}

/**
 * The demo's clock unless --now says otherwise: fixed, so that the demo gives the same dossiers,
 * numbers and dates every time and the examples of the README and docs/cli.md show what they say.
 */
export const DEMO_NOW = '2026-01-15T12:00:00Z';

/**
 * --now as the instant it says: a day that exists (read as midnight UTC) or a time with its
 * offset. `new Date` alone would read 2026-02-30 as 2 March, and a time without offset in the
 * machine's time zone, so that the "reproducible" demo would give other dates elsewhere.
 */
export function demoNow(raw: string): Date {
  const text = raw.trim();
  if (!isIsoDateOrInstant(text)) {
    throw usageError(
      `--now « ${raw} » : date ISO-8601 qui existe attendue, par ex. 2026-01-15 (minuit UTC) ou 2026-01-15T12:00:00Z ou 2026-01-15T13:00:00+01:00`,
    );
  }
  return new Date(text);
}

function positiveInt(raw: string, option: string, min: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw usageError(`${option} « ${raw} » : entier ${min === 0 ? 'positif ou nul' : `≥ ${min}`} attendu`);
  }
  return n;
}

/** `demo`: seeds the guide's scenarios and random dossiers, then prints both lists. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Alimente le store avec les scénarios du guide (brouillon transmis, pré-saisie acceptée, pré-saisie refusée, duplication, suppression, instruction) et N dossiers réalistes, puis affiche les deux listes',
    )
    .option('--dossiers <N>', 'nombre de dossiers aléatoires en plus des scénarios du guide', '40')
    .option('--seed <n>', 'graine des dossiers aléatoires (même graine, mêmes dossiers)', '1')
    .option(
      '--now <date>',
      'horloge de la démo : les dossiers s’étalent sur les 180 jours avant (fixe par défaut, pour des numéros et des dates reproductibles ; --now "$(date -u +%FT%TZ)" pour aujourd’hui)',
      DEMO_NOW,
    )
    .option('--json', 'compte rendu JSON pour un programme')
    .addHelpText(
      'after',
      `
Relancer la démo sur le même store n'écrit rien deux fois : chaque commande a un identifiant
dérivé de la graine, et une commande déjà traitée est reconnue (R-36). Un --dossiers plus grand
ajoute seulement les dossiers manquants. L'horloge est fixe (${DEMO_NOW}) : mêmes dossiers,
mêmes numéros et mêmes dates à chaque fois ; --now la déplace.
Exemples :
  cartes-badges demo
  cartes-badges demo --dossiers 500 --store sqlite:/tmp/demo.db`,
    )
    .action(async (options: DemoOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & DemoOptions>();
      const count = positiveInt(options.dossiers, '--dossiers', 0);
      const seed = positiveInt(options.seed, '--seed', 0);
      const now = demoNow(options.now);
      await withStore(globals, 'write', async (opened) => {
        const { report, filesLabel } = await withBlobStore(opened, 'write', async ({ blobs, label }) => ({
          report: await runDemo(opened.store, { count, seed, blobs, now }),
          filesLabel: label,
        }));
        const brouillons = await listPage(opened, 'brouillons', {});
        const dossiers = await listPage(opened, 'dossiers', {});
        if (globals.json) {
          print(toJson({ store: opened.label, files: filesLabel, report, brouillons, dossiers }));
          return;
        }
        note(
          `Démo sur ${opened.label} (fichiers joints : ${filesLabel}) : ${report.dossiers} dossiers, ${report.applied} commandes appliquées` +
            (report.alreadyHandled > 0
              ? `, ${report.alreadyHandled} déjà traitées (démo déjà lancée sur ce store)`
              : ''),
        );
        print(`Brouillons\n${renderListPage(brouillons)}\n\nDossiers\n${renderListPage(dossiers)}`);
        const store = storeUrlOf(globals);
        note(
          `\nEnsuite : cartes-badges dossiers --store ${store} --search chrono · cartes-badges history <numéro> · cartes-badges verify`,
        );
      });
    });
}
