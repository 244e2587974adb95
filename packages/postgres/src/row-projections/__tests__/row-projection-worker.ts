/**
 * A separate process for the row projection crash tests: runs the sample projection over the
 * store given on the command line, in batches of 25, into its PostgreSQL table. With
 * a kill point N > 0 it kills itself (SIGKILL, no cleanup) during its Nth checkpoint write,
 * inside the batch's transaction, after that batch's rows are written.
 *
 *   tsx row-projection-worker.ts <url> <schema> <N>
 */
import { Client } from 'pg';
import { rowProjectionRunnable, runProjectionOnce } from '@cartes-badges/eventsourcing';
import { ROW_PROJECTION_CHECKPOINTS } from '@cartes-badges/eventsourcing/adapter';
import { createPostgresEventStore, createPostgresRowProjection } from '../../index';
import { accountsProjection } from '../../../../../test/row-projections/sample-row-projection';

async function main(): Promise<void> {
  const [url, schema, killText] = process.argv.slice(2);
  const definition = accountsProjection();
  let writes = 0;
  const killPoint = (killAt: number): void => {
    writes += 1;
    if (writes === killAt) process.kill(process.pid, 'SIGKILL');
  };

  // The checkpoint write is the batch transaction's last statement before COMMIT: dying as it
  // is sent leaves the batch's rows written but never committed.
  const query = Client.prototype.query;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : '';
    const values = args[1] as unknown[] | undefined;
    if (text.startsWith(`INSERT INTO "${schema}"."${ROW_PROJECTION_CHECKPOINTS}"`) && values?.[2] !== null)
      killPoint(Number(killText));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  const store = await createPostgresEventStore({ connectionString: url, schema, max: 2 });
  const table = await createPostgresRowProjection(store, definition);
  await runProjectionOnce(store, rowProjectionRunnable(definition, table), { batchSize: 25 });
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
