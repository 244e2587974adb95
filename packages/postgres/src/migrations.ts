import { channelOf, quoteIdent, quoteLiteral } from './schema-name';

/** One step of the store's schema: applied once, in order, recorded in `schema_migrations`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The statements of the step, for the given schema (run in one transaction). */
  readonly up: (schema: string) => string;
}

/**
 * The store's schema history. A step is never edited once released: a change is a new step,
 * so that a database created by an older version is upgraded in place, never dropped.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events table',
    up: (schema) => {
      const s = quoteIdent(schema);
      return `
        CREATE TABLE ${s}.events (
          global_position bigserial PRIMARY KEY,
          stream_id text NOT NULL,
          version integer NOT NULL CHECK (version >= 0),
          event_id uuid NOT NULL,
          type text NOT NULL,
          data json NOT NULL,
          metadata json NOT NULL,
          recorded_at timestamptz NOT NULL,
          CONSTRAINT events_stream_version_key UNIQUE (stream_id, version)
        );`;
    },
  },
  {
    version: 2,
    name: 'transaction ids for a gap-free global order, filter indexes, append functions',
    up: (schema) => {
      const s = quoteIdent(schema);
      const name = quoteLiteral(schema);
      // Rows already there get the id of this migration's transaction: they all committed
      // before it, so they stay ahead of every later append in the global order.
      return `
        ALTER TABLE ${s}.events
          ADD COLUMN transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id();
        CREATE INDEX events_stream_prefix_idx ON ${s}.events (stream_id text_pattern_ops);
        CREATE INDEX events_type_position_idx ON ${s}.events (type, global_position);

        -- The last event of a stream (no row when the stream does not exist).
        CREATE FUNCTION ${s}.stream_head(p_stream_id text)
        RETURNS TABLE (head_version integer, head_hash text, head_position bigint)
        LANGUAGE sql STABLE AS $fn$
          SELECT e.version, e.metadata ->> 'hash', e.global_position
          FROM ${s}.events e
          WHERE e.stream_id = p_stream_id
          ORDER BY e.version DESC
          LIMIT 1
        $fn$;

        -- Appends a batch the caller has hash-chained onto the head it believes current
        -- (p_expected_head, -1 for no stream, with that head's hash), in one transaction: lock
        -- the stream, check the head, insert, notify. When the head is another, nothing is
        -- written and the actual head comes back with last_position NULL.
        --
        -- The transaction id and the global positions are taken together under one short lock
        -- ("append order"), so that global positions follow transaction ids: a reader that only
        -- passes rows below the oldest running transaction id then never passes a row still to
        -- commit (docs/stores.md). That lock is released before the commit: commits overlap.
        CREATE FUNCTION ${s}.append_events(
          p_stream_id text,
          p_expected_head integer,
          p_expected_hash text,
          p_event_ids uuid[],
          p_types text[],
          p_data json[],
          p_metadata json[],
          p_recorded_at timestamptz,
          p_notify boolean DEFAULT true
        )
        RETURNS TABLE (head_version integer, head_hash text, head_position bigint, last_position bigint)
        LANGUAGE plpgsql VOLATILE AS $fn$
        DECLARE
          v_stream_lock bigint := hashtextextended(${name} || '/' || p_stream_id, 0);
          v_head record;
          v_version integer;
          v_last bigint;
        BEGIN
          IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
            RAISE EXCEPTION 'append_events must be the first write of its transaction'
              USING HINT = 'Global positions follow transaction ids only when the id is taken inside the append-order lock.';
          END IF;
          -- First wait, sharing the stream lock, for a writer of the stream that is committing,
          -- and look at the head: writers that are already behind all leave at once, instead of
          -- queueing for the exclusive lock one after the other.
          PERFORM pg_advisory_lock_shared(v_stream_lock);
          BEGIN
            SELECT * INTO v_head FROM ${s}.stream_head(p_stream_id);
          EXCEPTION WHEN query_canceled OR others THEN
            PERFORM pg_advisory_unlock_shared(v_stream_lock);
            RAISE;
          END;
          PERFORM pg_advisory_unlock_shared(v_stream_lock);
          IF coalesce(v_head.head_version, -1) = p_expected_head
             AND v_head.head_hash IS NOT DISTINCT FROM p_expected_hash THEN
            -- The stream's writers queue here until the holder's transaction ends. Advisory, so
            -- that it takes no transaction id.
            PERFORM pg_advisory_xact_lock(v_stream_lock);
            -- A statement after the wait: in READ COMMITTED it sees the previous holder's commit.
            SELECT * INTO v_head FROM ${s}.stream_head(p_stream_id);
          END IF;
          v_version := coalesce(v_head.head_version, -1);
          IF v_version <> p_expected_head OR v_head.head_hash IS DISTINCT FROM p_expected_hash THEN
            RETURN QUERY SELECT v_version, v_head.head_hash, v_head.head_position, NULL::bigint;
            RETURN;
          END IF;
          PERFORM pg_advisory_lock(hashtext('cartes-badges append order'), hashtext(${name}));
          BEGIN
            WITH inserted AS (
              INSERT INTO ${s}.events (stream_id, version, event_id, type, data, metadata, recorded_at)
              SELECT p_stream_id, p_expected_head + e.ord::integer, e.event_id, e.type, e.data,
                     e.metadata, p_recorded_at
              FROM unnest(p_event_ids, p_types, p_data, p_metadata)
                   WITH ORDINALITY AS e(event_id, type, data, metadata, ord)
              ORDER BY e.ord
              RETURNING global_position
            )
            SELECT max(inserted.global_position) INTO v_last FROM inserted;
          EXCEPTION WHEN query_canceled OR others THEN
            PERFORM pg_advisory_unlock(hashtext('cartes-badges append order'), hashtext(${name}));
            RAISE;
          END;
          PERFORM pg_advisory_unlock(hashtext('cartes-badges append order'), hashtext(${name}));
          -- Delivered to listeners when (and only if) this transaction commits. Optional: a
          -- notifying commit takes a cluster-wide lock, so stores may notify after commit instead.
          IF p_notify THEN
            PERFORM pg_notify(${quoteLiteral(channelOf(schema))}, v_last::text);
          END IF;
          RETURN QUERY SELECT p_expected_head + cardinality(p_event_ids),
                              p_metadata[cardinality(p_metadata)] ->> 'hash', v_last, v_last;
        END
        $fn$;`;
    },
  },
];

/** The newest schema version this library knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
