import type { ListRow, ListScope, RowChange, RowQuery } from '@cartes-badges/domain';
import type { SeededRandom } from '@cartes-badges/domain/fixtures';
import { LISTED_STATUSES, normaliseSearchText, numberKeyOf, searchTerms } from '@cartes-badges/domain';

// Test-only: random list rows and queries that hit every branch of the list semantics (accents,
// ties on every sort key, unlisted and removed rows, pré-saisies, never-transmitted dossiers).

const COMPANIES = [
  { siren: '401234567', name: 'Société Générale d’Intérim', sirets: ['40123456700011', '40123456700029'] },
  { siren: '512345678', name: 'HUM Intérim Clichy', sirets: ['51234567800015'] },
  {
    siren: '623456789',
    name: 'ÉBÈNE Travail Temporaire',
    sirets: ['62345678900012', '62345678900020', '62345678900038'],
  },
  { siren: '734567890', name: 'Garçon & Fils (intérim)', sirets: ['73456789000016'] },
];
const PROVIDERS = [
  { siren: '821234567', siret: '82123456700014', name: 'Chrono Formation Lyon' },
  { siren: '932345678', siret: '93234567800017', name: 'BTP Compétences Nanterre' },
];
const CARD_TYPES = [
  { code: 'CHRONO', label: 'Carte chronotachygraphe (chrono)' },
  { code: 'BTP', label: 'Carte BTP' },
  { code: 'CACES', label: 'Habilitation CACES®' },
];
// Few distinct instants, so that sorts have many ties (broken by dossier id).
const DAYS = ['2025-01-06', '2025-01-07', '2025-02-14', '2025-03-31', '2025-04-01'];
const TIMES = ['T08:00:00.000Z', 'T23:59:59.999Z', 'T12:30:00.000Z'];

const instant = (random: SeededRandom): string => random.pick(DAYS) + random.pick(TIMES);

/** A random row for a dossier id. */
export function randomRow(random: SeededRandom, dossierId: string): ListRow {
  const company = random.pick(COMPANIES);
  const cardType = random.pick(CARD_TYPES);
  const provider = random.next() < 0.3 ? random.pick(PROVIDERS) : null;
  const draftNumber = random.int(10_000, 10_060);
  const transmitted = random.next() < 0.5;
  const dossierNumber = transmitted
    ? `25${random.int(1, 4).toString().padStart(2, '0')}AF${random.digits(3)}`
    : null;
  const number = dossierNumber ?? String(draftNumber);
  const status = transmitted
    ? random.pick(LISTED_STATUSES.slice(3))
    : random.pick(LISTED_STATUSES.slice(0, 3));
  return {
    dossierId,
    number,
    numberKey: numberKeyOf(number),
    draftNumber,
    dossierNumber,
    cardTypeCode: cardType.code,
    cardTypeLabel: cardType.label,
    companyName: company.name,
    siret: random.pick(company.sirets),
    siren: company.siren,
    status,
    removal: status === 'removed' ? random.pick(['deleted', 'presaisieRefused'] as const) : null,
    providerSiren: provider?.siren ?? null,
    providerSiret: provider?.siret ?? null,
    providerName: provider?.name ?? null,
    presaisieAccepted: provider !== null && random.next() < 0.5,
    createdAt: instant(random),
    updatedAt: instant(random),
    transmittedAt: transmitted ? instant(random) : null,
    totalCents: random.int(0, 2_000_000),
    listed: random.next() < 0.85,
    searchKey: `${normaliseSearchText(number)} ${normaliseSearchText(`${cardType.label} ${company.name}`)}`,
  };
}

/** A random batch of changes over a pool of `ids` dossiers: new rows, new versions, deletions. */
export function randomChanges(random: SeededRandom, ids: readonly string[], size: number): RowChange[] {
  return Array.from({ length: size }, () => {
    const dossierId = random.pick(ids);
    return random.next() < 0.15
      ? { op: 'delete', dossierId }
      : { op: 'upsert', row: randomRow(random, dossierId) };
  });
}

function randomScope(random: SeededRandom): ListScope {
  const allSirets = COMPANIES.flatMap((c) => c.sirets);
  switch (random.int(0, 4)) {
    case 0:
    case 1:
      // Without repeats, as `scopeOfActor` gives them (the in-memory model counts a repeated
      // SIRET's rows twice).
      return {
        kind: 'employer',
        sirets: [
          ...new Set(
            Array.from({ length: random.int(0, 4) }, () => random.pick([...allSirets, '99999999999999'])),
          ),
        ],
      };
    case 2:
      return { kind: 'provider', siren: random.pick([...PROVIDERS.map((p) => p.siren), '000000000']) };
    case 3:
      return { kind: 'caseManager' };
    default:
      return { kind: 'system' };
  }
}

const maybe = <T>(random: SeededRandom, p: number, value: () => T): T | undefined =>
  random.next() < p ? value() : undefined;

/** A random query: scope, some filters, maybe a search, a sort, a page (sometimes past the end). */
export function randomQuery(random: SeededRandom): RowQuery {
  const day = (): string => random.pick([...DAYS, '2024-12-31', '2025-02-01']);
  const search =
    random.next() < 0.4
      ? undefined
      : random.pick([
          'société',
          'SOCIETE interim',
          'chrono',
          'Carte',
          'ébène',
          'garcon fils',
          '1004',
          '25',
          'af0',
          'zz',
          'caces®',
          `  ${random.digits(2)}  `,
        ]);
  const filters = {
    cardType: maybe(random, 0.2, () => random.pick([...CARD_TYPES.map((c) => c.code), 'NONE'])),
    siret: maybe(random, 0.1, () => random.pick(COMPANIES.flatMap((c) => c.sirets))),
    siren: maybe(random, 0.15, () => random.pick(COMPANIES.map((c) => c.siren))),
    state: maybe(random, 0.25, () =>
      random.next() < 0.5
        ? random.pick(LISTED_STATUSES)
        : Array.from({ length: random.int(0, 3) }, () => random.pick(LISTED_STATUSES)),
    ),
    number: maybe(random, 0.15, () => random.pick(['10', '1003', '25', ' 2502af', 'af', '250'])),
    createdFrom: maybe(random, 0.15, day),
    createdTo: maybe(random, 0.15, day),
    transmittedFrom: maybe(random, 0.1, day),
    transmittedTo: maybe(random, 0.1, day),
  };
  const defined = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  return {
    scope: randomScope(random),
    terms: searchTerms(search),
    filters: defined,
    sort: {
      by: random.pick(['number', 'created', 'updated', 'transmitted'] as const),
      direction: random.pick(['asc', 'desc'] as const),
    },
    offset: random.next() < 0.8 ? 20 * random.pick([0, 0, 0, 1, 2]) : random.int(0, 90),
    limit: random.next() < 0.9 ? 20 : random.int(0, 5),
  };
}
