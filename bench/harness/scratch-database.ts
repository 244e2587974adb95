import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DurableLocation } from '../targets/durable';

/** The PostgreSQL server the store workloads use (a scratch database is made in it per run). */
export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database made for one run, and how to remove it. */
export interface ScratchDatabase {
  readonly location: DurableLocation;
  drop(): Promise<void>;
}

let made = 0;

/** A new empty SQLite file or PostgreSQL database, so that no run sees another's rows. */
export async function createScratchDatabase(backend: DurableLocation['backend']): Promise<ScratchDatabase> {
  const name = `cb_bench_${process.pid}_${++made}`;
  if (backend === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'cb-bench-'));
    return {
      location: { backend, path: join(folder, `${name}.db`) },
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    location: { backend, connectionString: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
