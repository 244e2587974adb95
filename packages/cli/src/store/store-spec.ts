import * as path from 'node:path';
import { usageError } from '../errors';

/** The store named on the command line (`--store` or CARTES_BADGES_STORE). */
export type StoreSpec =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string }
  /** EventStoreDB or KurrentDB: `esdb://` through `@eventstore/db-client`, `kurrentdb://` through `@kurrent/kurrentdb-client`. */
  | { readonly kind: 'esdb'; readonly url: string; readonly client: 'eventstoredb' | 'kurrentdb' }
  | { readonly kind: 'memory' };

/** The store used when neither `--store` nor CARTES_BADGES_STORE is given. */
export const DEFAULT_STORE = 'sqlite:./data/events.db';

const EXPECTED =
  'attendu sqlite:./data/events.db, postgres://user@host:5432/base, kurrentdb://host:2113, esdb://host:2113 ou memory:';

/** Reads a store URL; a malformed one is a usage error that says what is expected. */
export function parseStoreSpec(raw: string): StoreSpec {
  const text = raw.trim();
  if (text === 'memory:' || text === 'memory') return { kind: 'memory' };
  const sqlite = /^sqlite:(.*)$/i.exec(text);
  if (sqlite) {
    const rest = sqlite[1].startsWith('//') ? sqlite[1].slice(2) : sqlite[1];
    if (rest.trim() === '')
      throw usageError(`Store « ${raw} » : chemin du fichier SQLite manquant ; ${EXPECTED}`);
    if (rest === ':memory:') return { kind: 'memory' };
    return { kind: 'sqlite', path: rest };
  }
  if (/^postgres(ql)?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw usageError(`Store « ${raw} » : URL PostgreSQL illisible ; ${EXPECTED}`);
    }
    if (url.hostname === '') throw usageError(`Store « ${raw} » : hôte PostgreSQL manquant ; ${EXPECTED}`);
    // `?schema=` picks the store's schema (one per tenant or per test run); pg must not see it.
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    return { kind: 'postgres', url: url.toString(), ...(schema ? { schema } : {}) };
  }
  const eventStore = /^(esdb|kurrentdb|kurrent)(\+discover)?:\/\//i.exec(text);
  if (eventStore) {
    if (/^[a-z+]+:\/\/\/?$/i.test(text))
      throw usageError(`Store « ${raw} » : hôte EventStoreDB/KurrentDB manquant ; ${EXPECTED}`);
    return {
      kind: 'esdb',
      url: text,
      client: eventStore[1].toLowerCase() === 'esdb' ? 'eventstoredb' : 'kurrentdb',
    };
  }
  throw usageError(`Store inconnu « ${raw} » : ${EXPECTED}`);
}

/** The URL shown to people: the password of a PostgreSQL URL is masked. */
export function describeStore(spec: StoreSpec): string {
  switch (spec.kind) {
    case 'memory':
      return 'memory:';
    case 'sqlite':
      return `sqlite:${spec.path}`;
    case 'esdb':
      return spec.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    case 'postgres': {
      const url = new URL(spec.url);
      if (url.password) url.password = '***';
      return url.toString() + (spec.schema ? ` (schéma ${spec.schema})` : '');
    }
  }
}

/**
 * The store as a `--store` argument that names it again from anywhere (a SQLite path made
 * absolute, a PostgreSQL schema kept), with any password masked: what a page printed for an
 * auditor may show, the secret being theirs to type.
 */
export function storeArgument(spec: StoreSpec): string {
  switch (spec.kind) {
    case 'sqlite':
      return `sqlite:${path.resolve(spec.path)}`;
    case 'postgres': {
      const url = new URL(spec.url);
      if (url.password) url.password = '***';
      if (spec.schema) url.searchParams.set('schema', spec.schema);
      return url.toString();
    }
    default:
      return describeStore(spec);
  }
}
