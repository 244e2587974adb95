// Put and get throughput of 1 MB files on each blob store, beside the disk's raw sequential
// write measured in the same run (the ceiling a durable store on that disk can reach).
// Run from the repository root:  npx tsx bench/blobs/blob-throughput.ts [files] [repetitions]
// (PostgreSQL: DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a scratch schema.)
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createDirectoryBlobStore,
  createInMemoryBlobStore,
  type BlobStore,
} from '@cartes-badges/eventsourcing';
import { createPostgresBlobStore } from '@cartes-badges/postgres';
import { createSqliteBlobStore } from '@cartes-badges/sqlite';

const FILES = Number(process.argv[2] ?? 40);
const REPETITIONS = Number(process.argv[3] ?? 3);
const MB = 1024 * 1024;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (bytes: number, ms: number): number => bytes / MB / (ms / 1000);

/** Writes `files` MB to one file in 1 MB writes: fsync once at the end, and fsync after each MB. */
function rawDisk(dir: string, files: Uint8Array[]): { once: number; each: number } {
  const run = (syncEach: boolean): number => {
    const file = path.join(dir, `raw-${syncEach ? 'each' : 'once'}-${Date.now()}`);
    const fd = fs.openSync(file, 'w');
    const start = performance.now();
    for (const bytes of files) {
      fs.writeSync(fd, bytes);
      if (syncEach) fs.fsyncSync(fd);
    }
    fs.fsyncSync(fd);
    const ms = performance.now() - start;
    fs.closeSync(fd);
    fs.rmSync(file);
    return rate(files.length * MB, ms);
  };
  return { once: run(false), each: run(true) };
}

interface Candidate {
  readonly name: string;
  open(): Promise<{ blobs: BlobStore; dispose(): Promise<void> }>;
}

function candidates(dir: string): Candidate[] {
  let n = 0;
  return [
    {
      name: 'in memory',
      open: async () => ({ blobs: createInMemoryBlobStore(), dispose: async () => undefined }),
    },
    {
      name: 'directory (fsync file + folder)',
      async open() {
        const folder = path.join(dir, `blobs-${n++}`);
        return {
          blobs: createDirectoryBlobStore(folder),
          dispose: async () => fs.rmSync(folder, { recursive: true }),
        };
      },
    },
    {
      name: 'SQLite (WAL, FULL at commit)',
      async open() {
        const file = path.join(dir, `blobs-${n++}.db`);
        const blobs = createSqliteBlobStore({ path: file });
        return {
          blobs,
          async dispose() {
            await blobs.close();
            for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
          },
        };
      },
    },
    {
      name: 'PostgreSQL (local, bytea chunks)',
      async open() {
        const schema = `blob_bench_${process.pid}_${n++}`;
        const blobs = await createPostgresBlobStore({ connectionString: DATABASE_URL, schema });
        return {
          blobs,
          async dispose() {
            await blobs.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
            await blobs.close();
          },
        };
      },
    },
  ];
}

async function measure(candidate: Candidate, files: Uint8Array[]): Promise<{ put: number; get: number }> {
  const { blobs, dispose } = await candidate.open();
  try {
    let start = performance.now();
    const keys: string[] = [];
    for (const bytes of files) keys.push((await blobs.put(bytes)).key);
    const put = rate(files.length * MB, performance.now() - start);
    start = performance.now();
    for (const key of keys) if ((await blobs.get(key))?.byteLength !== MB) throw new Error(`lost ${key}`);
    const get = rate(files.length * MB, performance.now() - start);
    return { put, get };
  } finally {
    await dispose();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-blob-bench-'));
  const files = Array.from({ length: FILES }, () => randomBytes(MB));
  const raw = { once: [] as number[], each: [] as number[] };
  const results = new Map<string, { put: number[]; get: number[] }>();
  try {
    for (let r = 0; r < REPETITIONS; r++) {
      const disk = rawDisk(dir, files);
      raw.once.push(disk.once);
      raw.each.push(disk.each);
      for (const candidate of candidates(dir)) {
        const { put, get } = await measure(candidate, files);
        const entry = results.get(candidate.name) ?? { put: [], get: [] };
        entry.put.push(put);
        entry.get.push(get);
        results.set(candidate.name, entry);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const f = (x: number): string => x.toFixed(0).padStart(6);
  console.log(
    `${FILES} files of 1 MB, median of ${REPETITIONS} runs, MB/s; tmp dir on ${os.tmpdir()}; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`raw disk, sequential write, one fsync at the end: ${f(median(raw.once))}`);
  console.log(`raw disk, sequential write, fsync after each MB:  ${f(median(raw.each))}`);
  for (const [name, { put, get }] of results)
    console.log(`${name.padEnd(34)} put ${f(median(put))}  get ${f(median(get))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
