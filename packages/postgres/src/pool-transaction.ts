import { assertCurrentLeaseIn } from '@cartes-badges/eventsourcing/adapter';
import type { Pool, PoolClient } from 'pg';

/**
 * Runs `fn` in one transaction on one pooled connection. A connection that dies while checked
 * out (server restart, killed backend, network) emits 'error' besides failing the query: it is
 * listened to here, else Node would crash the process; such a connection cannot roll back and
 * is closed rather than given back to the pool. Under a worker lease (a projection or reactor
 * batch of the lease's holder) the transaction first checks the lease's fencing token, locking
 * its row until the commit: a holder that lost the lease writes nothing. `fenced: false` leaves
 * that check out, for an append: append_events must be its transaction's first write, and the
 * lease row's lock would be one (appends are not fenced on their optimistic path either).
 */
export async function inPoolTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
  { fenced = true }: { readonly fenced?: boolean } = {},
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  const markBroken = (): void => {
    broken = true;
  };
  client.on('error', markBroken);
  try {
    await client.query('BEGIN');
    if (fenced) await assertCurrentLeaseIn(client);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(markBroken);
    throw error;
  } finally {
    client.off('error', markBroken);
    client.release(broken);
  }
}
