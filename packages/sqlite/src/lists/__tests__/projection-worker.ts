/**
 * A separate process for the crash test: runs one list's projection over the store file given
 * on the command line, in batches of 40. With a kill point N > 0, the process kills itself
 * (SIGKILL, no cleanup) during its Nth checkpoint write, inside the commit's transaction, after
 * that batch's rows are written.
 *
 *   tsx projection-worker.ts <file> <brouillons|dossiers> <N>
 */
import { runProjectionOnce } from '@cartes-badges/eventsourcing';
import { LIST_PROJECTIONS, type ListName } from '@cartes-badges/domain';
import { listRunnable } from '@cartes-badges/lists';
import { createSqliteEventStore } from '../../sqlite-store';
import { createSqliteListReadModel } from '../sqlite-list-read-model';

async function main(): Promise<void> {
  const [file, list, killText] = process.argv.slice(2);
  const killAt = Number(killText);
  const store = createSqliteEventStore({ path: file, synchronous: 'normal' });
  const model = createSqliteListReadModel(store, { list: list as ListName });
  let writes = 0;
  store.database.function('kill_point', () => {
    writes += 1;
    if (writes === killAt) process.kill(process.pid, 'SIGKILL');
    return 0;
  });
  // Every checkpoint write is an INSERT ... ON CONFLICT DO UPDATE, whose BEFORE INSERT trigger
  // fires once per write, whether it then inserts or updates.
  store.database.exec(`
    CREATE TEMP TRIGGER kill_on_checkpoint BEFORE INSERT ON main.list_checkpoints
    WHEN NEW.position IS NOT NULL BEGIN SELECT kill_point(); END`);
  const projection = LIST_PROJECTIONS[list as ListName];
  await runProjectionOnce(store, listRunnable(projection, model), { batchSize: 40 });
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
