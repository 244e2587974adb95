/**
 * A separate process for the row projection crash tests: runs the sample projection over the
 * store given on the command line, in batches of 25, into its SQLite table. With
 * a kill point N > 0 it kills itself (SIGKILL, no cleanup) during its Nth checkpoint write,
 * inside the batch's transaction, after that batch's rows are written.
 *
 *   tsx row-projection-worker.ts <file> <N>
 */
import { rowProjectionRunnable, runProjectionOnce } from '@cartes-badges/eventsourcing';
import { ROW_PROJECTION_CHECKPOINTS } from '@cartes-badges/eventsourcing/adapter';
import { createSqliteEventStore, createSqliteRowProjection } from '../../index';
import { accountsProjection } from '../../../../../test/row-projections/sample-row-projection';

async function main(): Promise<void> {
  const [file, killText] = process.argv.slice(2);
  const definition = accountsProjection();
  let writes = 0;
  const killPoint = (killAt: number): void => {
    writes += 1;
    if (writes === killAt) process.kill(process.pid, 'SIGKILL');
  };
  const store = createSqliteEventStore({ path: file, synchronous: 'normal' });
  const table = createSqliteRowProjection(store, definition);
  store.database.function('kill_point', () => (killPoint(Number(killText)), 0));
  store.database.exec(`
      CREATE TEMP TRIGGER kill_on_checkpoint BEFORE INSERT ON main.${ROW_PROJECTION_CHECKPOINTS}
      WHEN NEW.position IS NOT NULL BEGIN SELECT kill_point(); END`);
  await runProjectionOnce(store, rowProjectionRunnable(definition, table), { batchSize: 25 });
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
