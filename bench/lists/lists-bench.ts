// Lists at scale, in more detail than `pnpm bench`'s W4: 1,000,000 dossiers over 10,000
// companies applied to both lists through their shared target (CPU time and garbage collection
// during the applies as well), then more kinds of pages and searches timed (p50/p95/max).
// Run from /work/main:  npx tsx bench/lists/lists-bench.ts [dossiers] [companies]
import { loadavg } from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import type { DossierActor, ListQueries } from '@cartes-badges/domain';
import {
  brouillonsProjection,
  createInMemoryAttachments,
  createListQueries,
  dossiersProjection,
} from '@cartes-badges/domain';
import { generateCompanies, generateProviders, seededRandom } from '@cartes-badges/domain/fixtures';
import { createInMemoryListReadModel, listsProjectionTarget } from '@cartes-badges/lists';
import { storeOrderedBatches, type ListWorkload } from './list-events';

const DOSSIERS = Number(process.argv[2] ?? 1_000_000);
const COMPANIES = Number(process.argv[3] ?? 10_000);
const BATCH = Number(process.argv[4] ?? 1000);

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (n: number): string => `${n.toFixed(2)} ms`;

// Wall time is what a user waits; CPU time (this process) tells the code's cost apart from a
// machine shared with other work.
async function timeQueries(
  label: string,
  runs: number,
  query: (i: number) => Promise<unknown>,
): Promise<void> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    await query(i);
    const used = process.cpuUsage(cpu);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpuTimes.push((used.user + used.system) / 1e3);
  }
  console.log(
    `${label}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))} ` +
      `(CPU p50 ${ms(percentile(cpuTimes, 50))}, p95 ${ms(percentile(cpuTimes, 95))}; ${runs} runs)`,
  );
}

async function main(): Promise<void> {
  console.log(
    `Generating ${COMPANIES} companies; ${DOSSIERS} dossiers... (load average ${loadavg()[0].toFixed(2)})`,
  );
  const companies = generateCompanies(COMPANIES, 42);
  const workload: ListWorkload = { companies, providers: generateProviders(50, 42), random: seededRandom(7) };
  const brouillons = createInMemoryListReadModel();
  const dossiers = createInMemoryListReadModel();
  // Both lists through one target, as createReadSide runs them: each batch is folded once.
  const target = listsProjectionTarget([
    { projection: brouillonsProjection, readModel: brouillons },
    { projection: dossiersProjection, readModel: dossiers },
  ]);

  // Garbage collection inside the timed applies (entries arrive later: matched to the windows).
  const applyWindows: [number, number][] = [];
  const collections: [number, number][] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push([entry.startTime, entry.duration]);
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  let events = 0;
  let applyNs = 0n;
  let applyCpuUs = 0;
  for (const batch of storeOrderedBatches(workload, DOSSIERS, BATCH)) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const from = performance.now();
    await target.applyBatch(batch, batch[batch.length - 1].globalPosition);
    applyWindows.push([from, performance.now()]);
    const used = process.cpuUsage(cpu);
    applyCpuUs += used.user + used.system;
    applyNs += process.hrtime.bigint() - start;
    events += batch.length;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  gcObserver.disconnect();
  let gcInApplyMs = 0;
  let window = 0;
  for (const [start, duration] of collections) {
    while (window < applyWindows.length && applyWindows[window][1] < start) window += 1;
    if (window < applyWindows.length && applyWindows[window][0] <= start) gcInApplyMs += duration;
  }
  const seconds = Number(applyNs) / 1e9;
  console.log(
    `Applied ${events} events to both projections in ${seconds.toFixed(2)} s: ${Math.round(events / seconds).toLocaleString('en')} events/s ` +
      `(each event folded by both lists; ${Math.round(events / (applyCpuUs / 1e6)).toLocaleString('en')} events per CPU second, GC included); ` +
      `rows: brouillons ${brouillons.rows().size}, dossiers ${dossiers.rows().size}; ` +
      `garbage collection during the applies ${(gcInApplyMs / 1000).toFixed(2)} s`,
  );

  const attachments = createInMemoryAttachments(
    Object.fromEntries(
      companies.map((c, i) => [
        `user-${i}`,
        [{ siren: c.siren, sirets: c.establishments.map((e) => e.siret), name: c.name }],
      ]),
    ) as never,
  );
  const lists: Record<'brouillons' | 'dossiers', ListQueries> = {
    brouillons: createListQueries('brouillons', brouillons, attachments),
    dossiers: createListQueries('dossiers', dossiers, attachments),
  };
  const employer = (i: number): DossierActor => ({
    role: 'adherent',
    userId: `user-${(i * 7919) % COMPANIES}`,
  });
  const caseManager: DossierActor = { role: 'gestionnaire', userId: 'gestionnaire' };
  const words = ['chrono', 'societe', 'provence', 'interim btp', 'carte btp', '2503af0001', 'normandie sas'];

  await timeQueries("A company's Dossiers page (employer, page 1)", 500, (i) =>
    lists.dossiers.list({ actor: employer(i) }),
  );
  await timeQueries("A company's Brouillons page (employer, page 1)", 500, (i) =>
    lists.brouillons.list({ actor: employer(i) }),
  );
  await timeQueries('Free-text search in a company (employer)', 500, (i) =>
    lists.dossiers.list({ actor: employer(i), search: words[i % words.length] }),
  );
  await timeQueries('Free-text search over every transmitted dossier (case manager)', 35, (i) =>
    lists.dossiers.list({ actor: caseManager, search: words[i % words.length] }),
  );
  await timeQueries('Case manager, state filter + search, page 3', 20, (i) =>
    lists.dossiers.list({
      actor: caseManager,
      search: words[i % words.length],
      filters: { state: 'instruction' },
      page: 3,
    }),
  );
  const sample = await lists.dossiers.list({ actor: caseManager, search: 'chrono' });
  if (sample._tag === 'Right')
    console.log(`("chrono" for a case manager: ${sample.right.total} results, ${sample.right.pages} pages)`);
  // maxRSS is the peak (KiB); memoryUsage().rss would be the size at the end only.
  console.log(
    `Peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; node ${process.version}; ` +
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(', ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
