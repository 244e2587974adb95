import { createReferenceListModel } from '../../../../test/read-models/reference-list-model';
import { listReadModelContract } from '../../../../test/read-models/list-read-model-contract';
import { createInMemoryListReadModel } from './in-memory-list-read-model';

// The in-memory engine is the reference of the SQL models' parity runs, so its own runs compare
// it with the list semantics written plainly (scopeAllows, rowMatches, rowComparator).
describe('in-memory list read model: the list read-model contract', () => {
  listReadModelContract({
    list: async () => createInMemoryListReadModel(),
    bothLists: async () => ({
      brouillons: createInMemoryListReadModel(),
      dossiers: createInMemoryListReadModel(),
    }),
    namesItsList: false,
    reference: createReferenceListModel,
    parity: { seeds: [31, 32], commits: 60, queriesPerCommit: 40 },
  });
});
