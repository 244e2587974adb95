import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { LIST_PROJECTIONS, type ListName } from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import type { PostgresEventStore } from '../postgres-store';
import { createPostgresListReadModel } from '../lists/postgres-list-read-model';
import { quoteIdent } from '../schema-name';
import { describeWithPostgres, pause, waitUntil } from '../testing/helpers';
import { TestSchemas } from '../testing/test-schemas';
import { appendInterleaved, dossierHistories } from '../../../../test/read-models/list-events';
import { expectSameList, listAt } from '../../../../test/read-models/list-comparison';
import { createPostgresLeases } from './postgres-leases';

const repoRoot = path.resolve(__dirname, '../../../..');
const workerScript = path.join(__dirname, '..', '__tests__', 'lease-worker.ts');
const TTL_MS = 3000;
const LISTS_WORKER = 'brouillons+dossiers';

interface Instance {
  readonly id: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  stderr: string;
}

function startInstance(schema: string, id: string): Promise<Instance> {
  // tsx as a loader in this very process (not its CLI, which runs the script in a child that a
  // kill -9 of the parent would leave running).
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript, schema, id, String(TTL_MS)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance: Instance = {
    id,
    child,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    stderr: '',
  };
  child.stderr!.on('data', (chunk: Buffer) => (instance.stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve(instance);
    });
    void instance.exited.then((code) =>
      reject(new Error(`instance ${id} exited with ${code}: ${instance.stderr}`)),
    );
  });
}

/**
 * Test-only tables and triggers: each checkpoint write (lists and reactor) records, inside its
 * own transaction, which instance wrote it (application_name) and who held the lease then;
 * each batch of list rows sleeps 150 ms so that a kill lands inside one.
 */
async function instrument(store: PostgresEventStore): Promise<void> {
  const s = quoteIdent(store.schema);
  await store.pool.query(`
    CREATE TABLE ${s}.test_deliveries (id bigserial PRIMARY KEY, key text NOT NULL, sender text NOT NULL);
    CREATE TABLE ${s}.test_applied (
      id bigserial PRIMARY KEY, worker text NOT NULL, writer text NOT NULL, holder text, token bigint, position bigint);
    CREATE FUNCTION ${s}.test_record_list() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO ${s}.test_applied (worker, writer, holder, token, position)
      SELECT '${LISTS_WORKER}', current_setting('application_name'), l.holder, l.token, NEW.position
      FROM (SELECT 1) one LEFT JOIN ${s}.worker_leases l ON l.name = '${LISTS_WORKER}';
      RETURN NEW;
    END $fn$;
    CREATE TRIGGER test_record AFTER INSERT OR UPDATE ON ${s}.list_checkpoints
      FOR EACH ROW WHEN (NEW.list = 'dossiers' AND NEW.position IS NOT NULL) EXECUTE FUNCTION ${s}.test_record_list();
    CREATE FUNCTION ${s}.test_record_reactor() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO ${s}.test_applied (worker, writer, holder, token, position)
      SELECT NEW.reactor, current_setting('application_name'), l.holder, l.token, NEW.position
      FROM (SELECT 1) one LEFT JOIN ${s}.worker_leases l ON l.name = NEW.reactor;
      RETURN NEW;
    END $fn$;
    CREATE TRIGGER test_record AFTER INSERT OR UPDATE ON ${s}.reactor_checkpoints
      FOR EACH ROW EXECUTE FUNCTION ${s}.test_record_reactor();
    CREATE FUNCTION ${s}.test_slow() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN PERFORM pg_sleep(0.15); RETURN NULL; END $fn$;
    CREATE TRIGGER test_slow AFTER INSERT ON ${s}.list_rows_dossiers
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.test_slow();`);
}

describeWithPostgres('three instances on one PostgreSQL, under leases', () => {
  const schemas = new TestSchemas();
  const instances: Instance[] = [];
  let store: PostgresEventStore;

  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    await store?.close();
    await schemas.dropAll();
  });

  // What the instances said, to explain a failure.
  const diagnose = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      const { rows } = await store.pool.query(`SELECT * FROM ${quoteIdent(store.schema)}.worker_leases`);
      const said = instances.map((i) => `${i.id}: ${i.stderr.slice(-2000)}`).join('\n');
      throw new Error(`${(error as Error).message}\nleases: ${JSON.stringify(rows)}\n${said}`);
    }
  };

  it(
    'one instance applies at a time; kill -9 of the active one mid-batch: another takes over within the lease time, the lists equal a full fold, each refusal is notified (by its key), none lost',
    async () => {
      store = await schemas.store({ pollIntervalMs: 50 });
      const s = quoteIdent(store.schema);
      // Migrate the list, lease and ledger tables before the instances race for them.
      const models = {
        brouillons: await createPostgresListReadModel(store, { list: 'brouillons' }),
        dossiers: await createPostgresListReadModel(store, { list: 'dossiers' }),
      };
      await (await createPostgresLeases(store)).close();
      await instrument(store);

      const random = seededRandom(1919);
      const first = dossierHistories(random, 0, 80);
      const later = dossierHistories(random, 80, 60);
      await appendInterleaved(store, random, first);
      instances.push(...(await Promise.all(['a', 'b', 'c'].map((id) => startInstance(store.schema, id)))));

      // The list batches' writer, once it has committed a few, while it sleeps inside the next
      // one (its transaction open).
      await waitUntil(
        async () =>
          (await store.pool.query(`SELECT 1 FROM ${s}.test_applied WHERE worker = $1`, [LISTS_WORKER])).rows
            .length >= 3,
        'a few list batches',
        60_000,
      );
      let victim: string | undefined;
      await waitUntil(
        async () => {
          const { rows } = await store.pool.query<{ application_name: string }>(
            `SELECT application_name FROM pg_stat_activity
           WHERE wait_event = 'PgSleep' AND application_name IN ('a', 'b', 'c') AND state = 'active'`,
          );
          victim = rows[0]?.application_name;
          return victim !== undefined;
        },
        'an instance inside a list batch',
        60_000,
      );
      const killed = instances.find((i) => i.id === victim)!;
      killed.child.kill('SIGKILL');
      const killedAt = Date.now();
      await killed.exited;
      const { rows: before } = await store.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${s}.test_applied WHERE worker = $1`,
        [LISTS_WORKER],
      );
      await appendInterleaved(store, random, later);

      // Another instance takes the lists over, within the lease time (plus a loaded machine's slack).
      let takeoverMs = 0;
      await diagnose(
        waitUntil(
          async () => {
            const { rows } = await store.pool.query(
              `SELECT 1 FROM ${s}.test_applied WHERE worker = $1 AND writer <> $2 AND id > (
             SELECT coalesce(max(id), 0) FROM ${s}.test_applied WHERE writer = $2)`,
              [LISTS_WORKER, victim],
            );
            takeoverMs = Date.now() - killedAt;
            return rows.length > 0;
          },
          'another instance to take the lists over',
          TTL_MS + 30_000,
        ),
      );
      expect(takeoverMs).toBeLessThan(TTL_MS + 30_000);

      // Everything applied: both checkpoints at the last event, every refusal notified.
      const { rows: heads } = await store.pool.query<{ head: string; refusals: string[] }>(
        `SELECT max(global_position)::text AS head,
              coalesce(array_agg(event_id::text) FILTER (WHERE type = 'PresaisieRefused'), '{}') AS refusals
       FROM ${s}.events`,
      );
      const head = BigInt(heads[0].head);
      const refusals = heads[0].refusals;
      expect(refusals.length).toBeGreaterThan(3);
      await diagnose(
        waitUntil(
          async () => {
            const { rows } = await store.pool.query<{ position: string | null }>(
              `SELECT position::text AS position FROM ${s}.list_checkpoints`,
            );
            const { rows: sent } = await store.pool.query(`SELECT DISTINCT key FROM ${s}.test_deliveries`);
            return (
              rows.length === 2 &&
              rows.every((r) => r.position !== null && BigInt(r.position) === head) &&
              sent.length === refusals.length
            );
          },
          'the lists and notifications to catch up',
          90_000,
        ),
      );

      // Exactly one writer at a time: every batch was written by the lease's holder of that
      // moment (read in the same transaction), and the writers follow one another, never interleave.
      const { rows: applied } = await store.pool.query<{
        worker: string;
        writer: string;
        holder: string | null;
      }>(`SELECT worker, writer, holder FROM ${s}.test_applied ORDER BY id`);
      expect(applied.filter((r) => r.writer !== r.holder)).toEqual([]);
      for (const worker of [LISTS_WORKER, 'presaisie-refusal-notifications']) {
        const writers = applied.filter((r) => r.worker === worker).map((r) => r.writer);
        const runs = writers.filter((w, i) => i === 0 || w !== writers[i - 1]);
        expect(new Set(runs).size).toBe(runs.length);
      }
      const listWriters = applied.filter((r) => r.worker === LISTS_WORKER).map((r) => r.writer);
      expect(listWriters.slice(0, Number(before[0].n))).toContain(victim);
      expect(listWriters.slice(Number(before[0].n))).not.toContain(victim);

      // The lists equal a fold of the whole history.
      const ids = [...first, ...later].map((h) => h.dossierId);
      for (const list of ['brouillons', 'dossiers'] as ListName[]) {
        await expectSameList(models[list], await listAt(store, LIST_PROJECTIONS[list], undefined), ids, {
          checkpoint: false,
          queries: 10,
        });
      }

      // Each refusal notified, by its key; a resend (the kill between send and record) is the same key.
      const { rows: deliveries } = await store.pool.query<{ key: string; n: string }>(
        `SELECT key, count(*) AS n FROM ${s}.test_deliveries GROUP BY key`,
      );
      expect(deliveries.map((d) => d.key).sort()).toEqual([...refusals].sort());
      expect(deliveries.filter((d) => Number(d.n) > 1).length).toBeLessThanOrEqual(1);

      // The survivors stop cleanly on SIGTERM, releasing their leases.
      const survivors = instances.filter((i) => i !== killed);
      for (const instance of survivors) instance.child.kill('SIGTERM');
      expect(await Promise.all(survivors.map((i) => i.exited))).toEqual([0, 0]);
      const { rows: leases } = await store.pool.query<{ expired: boolean }>(
        `SELECT expires_at <= clock_timestamp() AS expired FROM ${s}.worker_leases`,
      );
      expect(leases.map((l) => l.expired)).toEqual([true, true]);
      await pause(0);
      process.stdout.write(`takeover after kill -9: ${takeoverMs} ms (lease ${TTL_MS} ms)\n`);
    },
    scaledTimeout(240_000),
  );
});
