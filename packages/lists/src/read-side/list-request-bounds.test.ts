import {
  expectHostileListRequestsRefused,
  expectListRequestsAtTheBoundsAnswered,
} from '../../../../test/read-models/hostile-list-requests';
import { createListsTestApplication, LIST_ACTORS as A } from '../testing/read-side-test-kit';

describe('R-25 list requests are bounded (search words and length, page, filters) with a clear French error', () => {
  it('R-25 the in-memory lists refuse hostile requests naming the field, and answer those at the bounds', async () => {
    const kit = createListsTestApplication();
    kit.app.start();
    await kit.createDraft();
    for (const queries of [kit.app.brouillons, kit.app.dossiers]) {
      await expectHostileListRequestsRefused(queries, A.claire);
      await expectListRequestsAtTheBoundsAnswered(queries, A.claire);
    }
    await kit.app.stop();
  });
});
