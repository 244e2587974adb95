/**
 * What signing costs an append (issue 15: under 15 % on SQLite, batches of 100): appends per
 * second on a SQLite store with a signer (Ed25519, and HMAC-SHA-256) and without, in the same
 * run. Each round appends the same events to a fresh file per side, the sides taking turns in
 * an order that rotates round by round, so that a busy machine slows them alike; the median of
 * the rounds counts.
 *
 *   npx tsx bench/signing/signing-overhead.ts [--batches 100] [--batch 100] [--rounds 7]
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EventToAppend, Signer } from '../../packages/eventsourcing/src';
import { ed25519Signer, hmacSigner } from '../../packages/eventsourcing/src';
import { createSqliteEventStore } from '../../packages/sqlite/src';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const BATCHES = option('batches', 100);
const BATCH = option('batch', 100);
const ROUNDS = option('rounds', 7);

const actor = { role: 'adherent', userId: 'user-1', siret: '12345678900011' };
const batchOf = (b: number): EventToAppend[] =>
  Array.from({ length: BATCH }, (_, i) => ({
    type: 'CostLineAdded',
    data: { line: b * BATCH + i, label: 'Carte de formation', amountCents: 12_000, quantity: 3 },
    metadata: { actor },
  }));
const batches = Array.from({ length: BATCHES }, (_, b) => batchOf(b));

const SIDES: readonly (readonly [string, Signer | undefined])[] = [
  ['unsigned', undefined],
  ['Ed25519', ed25519Signer('bench-ed25519', crypto.generateKeyPairSync('ed25519').privateKey)],
  ['HMAC-SHA-256', hmacSigner('bench-hmac', crypto.randomBytes(32))],
];

// Events per second of one side's round: a fresh file, BATCHES appends of BATCH events to one stream.
async function round(dir: string, signer: Signer | undefined): Promise<number> {
  const file = path.join(dir, `events-${crypto.randomUUID()}.db`);
  const store = createSqliteEventStore({ path: file, synchronous: 'normal', ...(signer ? { signer } : {}) });
  try {
    const started = process.hrtime.bigint();
    for (let b = 0; b < BATCHES; b++)
      await store.appendToStream('bench-1', batches[b], { expectedVersion: b * BATCH - 1 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return (BATCHES * BATCH) / seconds;
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-signing-bench-'));
  const rates = new Map<string, number[]>(SIDES.map(([name]) => [name, []]));
  try {
    await round(dir, undefined); // warm-up: JIT, SQLite's first file
    for (let r = 0; r < ROUNDS; r++) {
      for (let s = 0; s < SIDES.length; s++) {
        const [name, signer] = SIDES[(r + s) % SIDES.length];
        rates.get(name)!.push(await round(dir, signer));
      }
      process.stderr.write(`round ${r + 1}/${ROUNDS} done\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = median(rates.get('unsigned')!);
  console.log(
    `SQLite, ${BATCHES} appends of ${BATCH} events per round, ${ROUNDS} rounds, load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.log('| store | events/s (median) | range | cost of signing |');
  console.log('| --- | --- | --- | --- |');
  for (const [name] of SIDES) {
    const values = rates.get(name)!;
    const rate = median(values);
    const cost = name === 'unsigned' ? '' : `${(((base - rate) / base) * 100).toFixed(1)} %`;
    console.log(
      `| ${name} | ${Math.round(rate).toLocaleString('en')} | ${Math.round(Math.min(...values)).toLocaleString('en')}–${Math.round(Math.max(...values)).toLocaleString('en')} | ${cost} |`,
    );
  }
}

void main();
