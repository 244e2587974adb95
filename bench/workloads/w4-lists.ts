import type { DossierActor, ListParams, ListQueries } from '@cartes-badges/domain';
import {
  brouillonsProjection,
  createInMemoryAttachments,
  createListQueries,
  dossiersProjection,
} from '@cartes-badges/domain';
import { generateCompanies, generateProviders, seededRandom } from '@cartes-badges/domain/fixtures';
import { createInMemoryListReadModel, listsProjectionTarget } from '@cartes-badges/lists';
import { storeOrderedBatches } from '../lists/list-events';
import type { LatencySpec } from '../harness/latency';

/** Events per `applyBatch`, as a subscription hands them to the lists. */
const W4_BATCH = 1000;
const DOSSIERS_PER_COMPANY = 100;

/** The Dossiers list built by `buildLists`, and what it took to build. */
export interface BuiltLists {
  readonly events: number;
  /** Wall time spent in the target's `applyBatch`, in seconds (making the events is left out). */
  readonly applySeconds: number;
  readonly companies: number;
  /** One page of the Dossiers list; a refused query throws, so that no error is timed as a page. */
  query(params: ListParams): Promise<void>;
}

/**
 * W4: both lists (Brouillons and Dossiers) built from the events of `dossiers` dossiers over
 * `dossiers / 100` companies, through the one target the read side runs them on
 * (`listsProjectionTarget`: each batch folded once for both lists), in batches of 1000 in the
 * store's order, as bench/lists/lists-bench.ts does.
 */
export async function buildLists(dossiers: number): Promise<BuiltLists> {
  const companies = generateCompanies(Math.max(1, Math.floor(dossiers / DOSSIERS_PER_COMPANY)), 42);
  const workload = { companies, providers: generateProviders(50, 42), random: seededRandom(7) };
  const brouillons = createInMemoryListReadModel();
  const dossiersModel = createInMemoryListReadModel();
  const target = listsProjectionTarget([
    { projection: brouillonsProjection, readModel: brouillons },
    { projection: dossiersProjection, readModel: dossiersModel },
  ]);

  let events = 0;
  let applyMs = 0;
  for (const batch of storeOrderedBatches(workload, dossiers, W4_BATCH)) {
    const startedAt = performance.now();
    await target.applyBatch(batch, batch[batch.length - 1].globalPosition);
    applyMs += performance.now() - startedAt;
    events += batch.length;
  }

  // User i is attached to company i, as an employer of it.
  const attachments = createInMemoryAttachments(
    Object.fromEntries(
      companies.map((company, i) => [
        `user-${i}`,
        [{ siren: company.siren, sirets: company.establishments.map((e) => e.siret), name: company.name }],
      ]),
    ) as never,
  );
  const list: ListQueries = createListQueries('dossiers', dossiersModel, attachments);
  return {
    events,
    applySeconds: applyMs / 1000,
    companies: companies.length,
    async query(params) {
      const page = await list.list(params);
      if (page._tag === 'Left') throw new Error(`W4 query refused: ${JSON.stringify(page.left)}`);
    },
  };
}

/** A W4 query: its i-th call asks for `params(i, companies)`. */
export interface ListQuery extends LatencySpec {
  params(sample: number, companies: number): ListParams;
}

const WORDS = ['chrono', 'societe', 'provence', 'interim btp', 'carte btp', '2503af0001', 'normandie sas'];
const word = (sample: number): string => WORDS[sample % WORDS.length];
// Samples go round the companies in a scattered order (7919 is prime), not one company over and over.
const employer = (sample: number, companies: number): DossierActor => ({
  role: 'adherent',
  userId: `user-${(sample * 7919) % companies}`,
});
const CASE_MANAGER: DossierActor = { role: 'gestionnaire', userId: 'gestionnaire' };

/** What W4 times, in this order, once the lists are built. */
export const W4_QUERIES: readonly ListQuery[] = [
  {
    key: 'page',
    label: "a company's Dossiers page (employer, page 1)",
    samples: 500,
    params: (sample, companies) => ({ actor: employer(sample, companies) }),
  },
  {
    key: 'search',
    label: 'free-text search in a company (employer)',
    samples: 500,
    params: (sample, companies) => ({ actor: employer(sample, companies), search: word(sample) }),
  },
  // Each call looks through the whole list (every company's dossiers): fewer samples, and its
  // p99 is then the slowest call of the run.
  {
    key: 'managerSearch',
    label: 'free-text search over every transmitted dossier (case manager)',
    samples: 35,
    params: (sample) => ({ actor: CASE_MANAGER, search: word(sample) }),
  },
];
