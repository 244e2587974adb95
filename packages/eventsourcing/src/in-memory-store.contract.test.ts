import { createInMemoryEventStore } from './in-memory-store';
import { tamperWithInMemoryStore } from './in-memory-tamper';
import { runEventStoreContract } from './testing';

runEventStoreContract('in-memory', {
  create: async (options) => createInMemoryEventStore(options),
  tamper: (store) => tamperWithInMemoryStore(store),
  returnsAppendedEvents: true,
});
