import { runPersonalDataKeysContract } from '../testing/personal-data-keys-contract';
import { createInMemoryPersonalDataKeys } from './in-memory-personal-data-keys';

runPersonalDataKeysContract('in memory', { create: () => Promise.resolve(createInMemoryPersonalDataKeys()) });
