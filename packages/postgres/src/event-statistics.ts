import type { Pool } from 'pg';
import { quoteIdent } from './schema-name';

// A filtered read pages through the global order with `type = ANY(...)` and a stream prefix.
// On a table the planner has no statistics for (filled in bulk, read before autovacuum's first
// analyze), it guesses a handful of matching rows and answers each page with a bitmap scan of
// every row after the page's start and a sort: a full read turns quadratic (a rebuild of the
// lists from 69,000 events took 5 s, against 1 s once analyzed). So before its filtered reads,
// a store makes sure the events table has been analyzed once; after that, autovacuum keeps the
// statistics up to date.

/** Below this size any plan is cheap: no analyze yet (about a thousand events). */
const MIN_BYTES = 1024 * 1024;
/** How often a store looks again while the table is still small and unanalyzed. */
const RECHECK_MS = 5_000;

/** Per store: whether its events table has planner statistics, analyzing it once if not. */
export class EventStatistics {
  private known = false;
  private checkedAt = -Infinity;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  /** Before a filtered read: resolves at once when the statistics are known. */
  async ensure(): Promise<void> {
    if (this.known || Date.now() - this.checkedAt < RECHECK_MS) return;
    this.pending ??= this.check().finally(() => {
      this.pending = undefined;
    });
    await this.pending;
  }

  private async check(): Promise<void> {
    this.checkedAt = Date.now();
    const table = `${quoteIdent(this.schema)}.events`;
    // reltuples is -1 (0 before PostgreSQL 14) until the first VACUUM or ANALYZE.
    const { rows } = await this.pool.query<{ reltuples: number; bytes: string }>(
      `SELECT c.reltuples, pg_relation_size(c.oid)::text AS bytes FROM pg_class c WHERE c.oid = $1::regclass`,
      [table],
    );
    const found = rows[0];
    if (found === undefined) return;
    if (found.reltuples > 0) {
      this.known = true;
      return;
    }
    if (Number(found.bytes) < MIN_BYTES) return;
    try {
      await this.pool.query(`ANALYZE ${table}`);
    } catch {
      // Not the table's owner: autovacuum will analyze it in its own time.
    }
    this.known = true;
  }
}
