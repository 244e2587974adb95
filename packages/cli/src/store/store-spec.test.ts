import { parseStoreSpec } from './store-spec';

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
