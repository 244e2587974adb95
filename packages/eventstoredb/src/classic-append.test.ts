import type { EventStoreDBClient } from '@eventstore/db-client';
import { loadClassicAppend } from './classic-append';
import { CLASSIC_APPEND_MODULE, EventStoreClientUnsupportedError } from './errors';

// What Node's loader throws for a path that is not there.
function moduleNotFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
}

const EXPECTED_MESSAGE =
  '@eventstore/db-client 6.3.0 has no classic Append module at ' +
  '@eventstore/db-client/dist/streams/appendToStream/append, where the adapter finds it in the ' +
  'supported range ^6.2.1 (6.2.1 is the last 6.x release); nothing was written. Install ' +
  '@eventstore/db-client@6.2.1, or use @kurrent/kurrentdb-client ^1.3.1 with createKurrentDBStore';

describe("the 6.x client's classic Append, required from inside its dist", () => {
  // The virtual module of the last test is undone after each, so that no other test meets it.
  afterEach(() => jest.dontMock(CLASSIC_APPEND_MODULE));

  it('is found in the installed @eventstore/db-client 6.2.1, the very function its appendToStream calls', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('@eventstore/db-client/dist/streams/appendToStream/append') as { append: unknown };
    expect(loadClassicAppend()).toBe(module.append);
  });

  it('moved in the installed client: a clear error naming the package, its version, the supported range and what to do', () => {
    const missing = moduleNotFound(CLASSIC_APPEND_MODULE);
    const load = (id: string): unknown => {
      if (id === '@eventstore/db-client/package.json') return { version: '6.3.0' };
      throw missing;
    };

    let thrown: unknown;
    try {
      loadClassicAppend(load);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EventStoreClientUnsupportedError);
    const error = thrown as EventStoreClientUnsupportedError;
    expect(error.code).toBe('EVENTSTORE_CLIENT_UNSUPPORTED');
    expect(error.name).toBe('EventStoreClientUnsupportedError');
    expect(error.message).toBe(EXPECTED_MESSAGE);
    expect(error.installedVersion).toBe('6.3.0');
    expect(error.cause).toBe(missing);
  });

  it('there but no longer exporting `append`, and no readable package.json: the same error, version unknown', () => {
    const load = (id: string): unknown => {
      if (id === CLASSIC_APPEND_MODULE) return { appendV2: () => undefined };
      throw moduleNotFound(id);
    };

    expect(() => loadClassicAppend(load)).toThrow(EXPECTED_MESSAGE.replace('6.3.0', '(version unknown)'));
  });

  it("reaches the adapter's append as that error, not retried as a transient failure", async () => {
    const missing = moduleNotFound(CLASSIC_APPEND_MODULE);
    await jest.isolateModulesAsync(async () => {
      // Required inside the isolated registry, with the mock below in force.
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { eventStoreDbCalls } = require('./client-calls') as typeof import('./client-calls');
      const errors = require('./errors') as typeof import('./errors');
      /* eslint-enable @typescript-eslint/no-require-imports */
      // Loads the client's module as installed; the client object is never reached.
      const calls = eventStoreDbCalls({} as EventStoreDBClient);
      // Then the classic Append's path, required on the first append, leads nowhere.
      jest.doMock(
        CLASSIC_APPEND_MODULE,
        () => {
          throw missing;
        },
        { virtual: true },
      );

      const append = calls.append(
        'dossier-1',
        [{ id: crypto.randomUUID(), type: 'Counted', data: { n: 1 }, metadataJson: '{}' }],
        'no_stream',
      );

      await expect(append).rejects.toBeInstanceOf(errors.EventStoreClientUnsupportedError);
      const error = (await append.catch((e: unknown) => e)) as EventStoreClientUnsupportedError;
      expect(error.message).toBe(EXPECTED_MESSAGE.replace('6.3.0', '6.2.1'));
      expect(error.cause).toBe(missing);
      expect(calls.isTransient(error)).toBe(false);
    });
  });
});
