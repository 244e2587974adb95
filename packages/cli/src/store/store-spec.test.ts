import * as path from 'node:path';
import { parseStoreSpec, storeArgument } from './store-spec';

describe('--store for EventStoreDB and KurrentDB', () => {
  it.each([
    ['kurrentdb://127.0.0.1:2113?tls=false', 'kurrentdb'],
    ['kurrentdb+discover://cluster.example:2113', 'kurrentdb'],
    ['esdb://127.0.0.1:2113?tls=false', 'eventstoredb'],
    ['esdb+discover://cluster.example:2113', 'eventstoredb'],
  ] as const)('%s opens through the %s client, the URL passed as given', (url, client) => {
    expect(parseStoreSpec(url)).toEqual({ kind: 'esdb', url, client });
  });

  it.each(['kurrentdb://', 'esdb:///'])(
    '%s without a host is a usage error naming what is expected',
    (url) => {
      expect(() => parseStoreSpec(url)).toThrow(
        /hôte EventStoreDB\/KurrentDB manquant.*kurrentdb:\/\/host:2113/,
      );
    },
  );
});

describe("storeArgument: the store named again on an auditor's page", () => {
  it('keeps a PostgreSQL schema, masks the password, makes a SQLite path absolute', () => {
    const postgres = storeArgument(
      parseStoreSpec('postgres://audit:s3cr3t@db.example:5432/prod?schema=tenant_a'),
    );
    expect(postgres).toBe('postgres://audit:***@db.example:5432/prod?schema=tenant_a');
    expect(postgres).not.toContain('s3cr3t');
    expect(storeArgument(parseStoreSpec('esdb://admin:changeit@127.0.0.1:2113?tls=false'))).toBe(
      'esdb://admin:***@127.0.0.1:2113?tls=false',
    );
    expect(storeArgument(parseStoreSpec('sqlite:./data/events.db'))).toBe(
      `sqlite:${path.resolve('data/events.db')}`,
    );
  });
});
