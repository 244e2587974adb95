import type { Command } from 'commander';
import { runProjectionOnce } from '@cartes-badges/eventsourcing';
import type {
  DossierStatus,
  ListFilters,
  ListName,
  ListPage,
  ListParams,
  ListReadModel,
} from '@cartes-badges/domain';
import {
  createListQueries,
  defaultCatalogue,
  dossierStatusLabel,
  LIST_PROJECTIONS,
  LISTED_STATUSES,
  normaliseSearchText,
  TRANSMITTED_STATUSES,
} from '@cartes-badges/domain';
import { listRunnable } from '@cartes-badges/lists';
import * as E from 'fp-ts/Either';
import { actorOf, CLI_LIST_IDENTITY, demoAttachments } from '../demo/world';
import { usageError } from '../errors';
import { toJson } from '../output/json';
import { startProgress } from '../output/progress';
import { renderTable } from '../output/table';
import type { OpenedStore } from '../store/open-store';
import type { GlobalOptions } from './context';
import { print, withStore } from './context';
import { listReadModelFor } from './list-models';

interface ListOptions {
  readonly as?: string;
  readonly search?: string;
  readonly type?: string;
  readonly etat?: string;
  readonly siret?: string;
  readonly page?: string;
}

/** --etat: a state code (transmitted) or its French label (Transmis, "En cours d'instruction"), comma-separated. */
export function parseStates(raw: string): DossierStatus[] {
  return raw.split(',').map((part) => {
    const wanted = normaliseSearchText(part);
    const found = LISTED_STATUSES.find(
      (s) =>
        normaliseSearchText(s) === wanted ||
        normaliseSearchText(dossierStatusLabel({ status: s, removal: null })) === wanted ||
        (s === 'removed' && normaliseSearchText('Pré-saisie refusée') === wanted),
    );
    if (!found) {
      const labels = LISTED_STATUSES.map((s) => dossierStatusLabel({ status: s, removal: null })).join(', ');
      throw usageError(`--etat « ${part.trim()} » : état inconnu ; attendu l'un de : ${labels}`);
    }
    return found;
  });
}

/** The states a list's rows can have (R-24: drafts before transmission, dossiers after). */
const statusesOf = (name: ListName): DossierStatus[] =>
  LISTED_STATUSES.filter((s) => TRANSMITTED_STATUSES.includes(s) === (name === 'dossiers'));

/** Every state --etat offers for a list, as the portal labels them. */
export function stateLabelsOf(name: ListName): string[] {
  return statusesOf(name).flatMap((status) =>
    status === 'removed'
      ? [
          dossierStatusLabel({ status, removal: 'deleted' }),
          dossierStatusLabel({ status, removal: 'presaisieRefused' }),
        ]
      : [dossierStatusLabel({ status, removal: null })],
  );
}

/** --type: a card type code (CHRONO) or label (Carte BTP), case and accents ignored. */
export function parseCardType(raw: string): string {
  const wanted = normaliseSearchText(raw);
  const found = defaultCatalogue.find(
    (c) => normaliseSearchText(c.code) === wanted || normaliseSearchText(c.label) === wanted,
  );
  if (!found) {
    throw usageError(
      `--type « ${raw} » : type inconnu ; attendu ${defaultCatalogue.map((c) => `${c.code} (${c.label})`).join(', ')}`,
    );
  }
  return found.code;
}

/**
 * A list's read model caught up with the store's events: durable on SQLite (resumed from its
 * checkpoint), else folded in memory from the first event.
 */
export async function caughtUpList(opened: OpenedStore, name: ListName): Promise<ListReadModel> {
  const { model } = listReadModelFor(opened, name);
  const progress = startProgress(`Liste ${name}`, undefined, 'événements');
  try {
    await runProjectionOnce(opened.store, listRunnable(LIST_PROJECTIONS[name], model), {
      batchSize: 1000,
      onProgress: (p) => progress.update(p.eventsProcessed),
    });
  } finally {
    progress.stop();
  }
  return model;
}

/** One page of a list, from the store, queried as the portal queries it (R-25, R-26). */
export async function listPage(
  opened: OpenedStore,
  name: ListName,
  params: Omit<ListParams, 'actor'> & { readonly as?: string },
): Promise<ListPage> {
  const { as, ...rest } = params;
  const actor = actorOf(as);
  const readModel = await caughtUpList(opened, name);
  const result = await createListQueries(name, readModel, demoAttachments(), CLI_LIST_IDENTITY).list({
    actor,
    ...rest,
  });
  if (E.isLeft(result)) throw usageError(`${name} : ${result.left.message}`);
  return result.right;
}

/** The page as the portal shows it: "41 résultats", then Numéro, Dispositif, Entreprise, Etat. */
export function renderListPage(page: ListPage): string {
  const count = `${page.total} résultat${page.total > 1 ? 's' : ''}`;
  if (page.rows.length === 0)
    return page.total === 0 ? `${count}` : `${count} · page ${page.page} vide (${page.pages} page(s))`;
  return [
    `${count} · page ${page.page}/${page.pages} · ${page.pageSize} résultats par page`,
    renderTable(
      [
        { heading: 'Numéro', cell: (r) => r.number },
        { heading: 'Dispositif', cell: (r) => r.cardType.label },
        { heading: 'Entreprise', cell: (r) => r.company.name, max: 40 },
        { heading: 'Etat', cell: (r) => r.state },
        { heading: 'Total HT', cell: (r) => r.totalHt.formatted, right: true },
      ],
      page.rows,
    ),
  ].join('\n');
}

function register(program: Command, name: ListName, description: string): void {
  program
    .command(name)
    .description(description)
    .option(
      '--as <utilisateur>',
      'voir la liste comme cet utilisateur (claire, marc, sophie, julien, amina, nathalie, u-<SIREN>, gestionnaire ; défaut : system, tout)',
    )
    .option('--search <texte>', 'recherche simple sur le numéro, le dispositif et l’entreprise')
    .option('--type <dispositif>', 'recherche avancée : type de badge ou carte (CHRONO, BTP ou le libellé)')
    .option(
      '--etat <état>',
      `recherche avancée : état, l'un de : ${stateLabelsOf(name).join(', ')} (ou son code : ${statusesOf(name).join(', ')}) ; plusieurs séparés par des virgules`,
    )
    .option('--siret <siret>', "recherche avancée : SIRET de l'établissement")
    .option('--page <N>', 'page (20 résultats par page)', '1')
    .option('--json', 'sortie JSON (total, page, lignes) pour un programme')
    .addHelpText(
      'after',
      `
Exemples :
  cartes-badges ${name}
  cartes-badges ${name} --as claire
  cartes-badges ${name} --search chrono --page 2
  cartes-badges ${name} --type BTP --etat ${name === 'dossiers' ? '"Transmis,Accordé"' : '"En cours de saisie"'} --json`,
    )
    .action(async (options: ListOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & ListOptions>();
      const page = Number(options.page ?? '1');
      if (!/^\d+$/.test(options.page ?? '1') || page < 1)
        throw usageError(`--page « ${options.page} » : entier ≥ 1 attendu`);
      const filters: ListFilters = {
        ...(options.type !== undefined ? { cardType: parseCardType(options.type) } : {}),
        ...(options.etat !== undefined ? { state: parseStates(options.etat) } : {}),
        ...(options.siret !== undefined ? { siret: options.siret.replace(/\s/g, '') } : {}),
      };
      actorOf(options.as); // an unknown user is a usage error before the store is opened
      await withStore(globals, 'read-models', async (opened) => {
        const result = await listPage(opened, name, {
          as: options.as,
          ...(options.search !== undefined ? { search: options.search } : {}),
          filters,
          page,
        });
        print(globals.json ? toJson(result) : renderListPage(result));
      });
    });
}

/** `brouillons` and `dossiers`: the two lists of the portal. */
export function registerLists(program: Command): void {
  register(
    program,
    'brouillons',
    'Liste des brouillons (en cours de saisie, pré-saisies à valider), 20 par page',
  );
  register(program, 'dossiers', 'Liste des dossiers transmis et de leur état d’instruction, 20 par page');
}
