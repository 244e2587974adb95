import fc from 'fast-check';
import type { DossierStatus, ListRow, ListScope, RowQuery } from '@cartes-badges/domain';
import { createInMemoryListReadModel } from './in-memory-list-read-model';
import {
  normaliseSearchText,
  numberKeyOf,
  rowComparator,
  rowMatches,
  scopeAllows,
  searchKeyOf,
  searchTerms,
} from '@cartes-badges/domain';
import { sortKeyOf } from './sort-key';

// The in-memory read model answers whole-list queries from packed arrays (interned tails, sort
// keys, a dense table with swap-remove): these checks hold it to the reference semantics of
// row-query.ts, which the SQL read models follow too.

const compareKeys = (a: readonly [number, number], b: readonly [number, number]): number =>
  a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];

describe('the sort key of a number', () => {
  it('keeps text order: a < b as text never gives a greater key', () => {
    const text = fc.string({
      unit: fc.constantFrom('0', '9', 'A', 'F', 'z', ' ', 'é', '\u007f', '~'),
      maxLength: 18,
    });
    fc.assert(
      fc.property(text, text, (a, b) => {
        if (a < b) expect(compareKeys(sortKeyOf(a), sortKeyOf(b))).toBeLessThanOrEqual(0);
        if (a === b) expect(compareKeys(sortKeyOf(a), sortKeyOf(b))).toBe(0);
      }),
    );
  });

  it('tells apart every 12-character number', () => {
    expect(compareKeys(sortKeyOf('2503AF000001'), sortKeyOf('2503AF000002'))).toBeLessThan(0);
    expect(compareKeys(sortKeyOf(numberKeyOf('10042')), sortKeyOf('2503AF000001'))).toBeLessThan(0);
  });
});

describe('the search key', () => {
  it('folds the card type and the company as one text would be folded', () => {
    const piece = fc.string({ unit: fc.constantFrom('a', 'É', 'é', ' ', '-', '(', '1', 'Z', 'ç', '\u0301') });
    fc.assert(
      fc.property(piece, piece, piece, (number, label, company) => {
        expect(searchKeyOf(number, label, company)).toBe(
          `${normaliseSearchText(number)} ${normaliseSearchText(`${label} ${company}`)}`,
        );
      }),
    );
  });
});

const STATUSES: DossierStatus[] = ['draft', 'presaisie', 'removed', 'transmitted', 'instruction', 'granted'];
const COMPANIES = [
  'Société Générale de Transport',
  'Intérim BTP Provence',
  'Chrono SAS',
  'Normandie Logistique',
];
const LABELS = ['Carte chronotachygraphe (chrono)', 'Carte BTP'];

function randomRow(n: number, random: () => number): ListRow {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const status = pick(STATUSES);
  const transmitted = !['draft', 'presaisie', 'removed'].includes(status);
  const number = transmitted
    ? `25${pick(['03', '04'])}AF${String(n % 997).padStart(6, '0')}`
    : String(10_000 + n);
  const cardTypeLabel = pick(LABELS);
  const companyName = pick(COMPANIES);
  const day = `2025-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}T08:00:00.000Z`;
  const providerSiren = random() < 0.3 ? pick(['111111111', '222222222']) : null;
  return {
    dossierId: `d-${String(n).padStart(5, '0')}`,
    number,
    numberKey: numberKeyOf(number),
    draftNumber: 10_000 + n,
    dossierNumber: transmitted ? number : null,
    cardTypeCode: cardTypeLabel === 'Carte BTP' ? 'BTP' : 'CHRONO',
    cardTypeLabel,
    companyName,
    siret: pick(['11111111100011', '11111111100029', '22222222200018']),
    siren: pick(['111111111', '222222222']),
    status,
    removal: status === 'removed' ? 'deleted' : null,
    providerSiren,
    providerSiret: providerSiren === null ? null : `${providerSiren}00017`,
    providerName: providerSiren === null ? null : 'Prestataire',
    presaisieAccepted: false,
    createdAt: day,
    updatedAt: day,
    transmittedAt: transmitted ? day : null,
    totalCents: n,
    listed: random() < 0.85,
    searchKey: searchKeyOf(number, cardTypeLabel, companyName),
  };
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the in-memory list read model', () => {
  it('answers like the reference semantics (scope, filters, terms, order, page) after upserts, moves and deletes', async () => {
    const random = seeded(7);
    const model = createInMemoryListReadModel();
    const reference = new Map<string, ListRow>();
    for (let round = 0; round < 6; round++) {
      const changes = [];
      for (let k = 0; k < 300; k++) {
        const n = Math.floor(random() * 600);
        if (random() < 0.15) {
          changes.push({ op: 'delete' as const, dossierId: `d-${String(n).padStart(5, '0')}` });
          reference.delete(`d-${String(n).padStart(5, '0')}`);
        } else {
          const row = randomRow(n, random);
          changes.push({ op: 'upsert' as const, row });
          reference.set(row.dossierId, row);
        }
      }
      await model.commit(changes, { position: BigInt(round + 1), version: 1 });
    }
    expect(new Map(model.rows())).toEqual(reference);

    const scopes: ListScope[] = [
      { kind: 'caseManager' },
      { kind: 'system' },
      { kind: 'employer', sirets: ['11111111100011', '22222222200018'] },
      { kind: 'provider', siren: '111111111' },
    ];
    const requests: Omit<RowQuery, 'scope'>[] = [
      { terms: [], filters: {}, sort: { by: 'number', direction: 'desc' }, offset: 0, limit: 20 },
      {
        terms: searchTerms('chrono'),
        filters: {},
        sort: { by: 'number', direction: 'desc' },
        offset: 20,
        limit: 20,
      },
      {
        terms: searchTerms('societe 2503'),
        filters: {},
        sort: { by: 'number', direction: 'asc' },
        offset: 0,
        limit: 20,
      },
      {
        terms: searchTerms('af00001'),
        filters: { state: ['instruction', 'granted'] },
        sort: { by: 'number', direction: 'desc' },
        offset: 0,
        limit: 20,
      },
      {
        terms: ['carte btp'],
        filters: { cardType: 'BTP' },
        sort: { by: 'created', direction: 'desc' },
        offset: 0,
        limit: 20,
      },
      {
        terms: searchTerms('provence'),
        filters: { createdFrom: '2025-03-01', number: '25' },
        sort: { by: 'transmitted', direction: 'asc' },
        offset: 0,
        limit: 20,
      },
      {
        terms: [],
        filters: { siren: '222222222', state: 'transmitted' },
        sort: { by: 'updated', direction: 'desc' },
        offset: 0,
        limit: 20,
      },
      {
        terms: [],
        filters: { cardType: 'NONE' },
        sort: { by: 'number', direction: 'desc' },
        offset: 0,
        limit: 20,
      },
    ];
    for (const scope of scopes) {
      for (const request of requests) {
        const query: RowQuery = { scope, ...request };
        const matching = [...reference.values()]
          .filter(
            (row) => row.listed && scopeAllows(scope, row) && rowMatches(row, query.filters, query.terms),
          )
          .sort(rowComparator(query.sort));
        const result = model.querySync(query);
        expect(result.total).toBe(matching.length);
        expect(result.rows).toEqual(matching.slice(query.offset, query.offset + query.limit));
      }
    }
    // A company interned after a term was searched is still found by it.
    const chrono: RowQuery = { scope: { kind: 'system' }, ...requests[1], offset: 0, limit: 1000 };
    const before = model.querySync(chrono).total;
    const late = { ...randomRow(700, random), companyName: 'Chronos Nouvelle', listed: true };
    const lateRow = { ...late, searchKey: searchKeyOf(late.number, late.cardTypeLabel, late.companyName) };
    const other = {
      ...randomRow(701, random),
      cardTypeLabel: 'Carte BTP',
      companyName: 'Zeta',
      listed: true,
    };
    const otherRow = {
      ...other,
      searchKey: searchKeyOf(other.number, other.cardTypeLabel, other.companyName),
    };
    await model.commit(
      [
        { op: 'upsert', row: lateRow },
        { op: 'upsert', row: otherRow },
      ],
      { position: 7n, version: 1 },
    );
    expect(model.querySync(chrono).rows).toContainEqual(lateRow);
    expect(model.querySync(chrono).total).toBe(before + 1);

    const everything = model.querySync({ scope: { kind: 'system' }, ...requests[0], limit: 10_000 });
    expect(everything.total).toBeGreaterThan(200);

    await model.reset(2);
    expect(model.rows().size).toBe(0);
    expect(model.querySync({ scope: { kind: 'system' }, ...requests[0] }).total).toBe(0);
  });
});
