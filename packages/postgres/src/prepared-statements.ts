import { createHash } from 'node:crypto';

/** A statement as `pg` takes it: named, it is parsed and planned once per connection. */
export interface StoreStatement {
  readonly text: string;
  readonly name?: string;
}

/**
 * The statement for `text`, named when `prepared` is true. `pg` then parses it once on each
 * connection and afterwards only binds and executes it: on a single-event append the server's
 * parse and plan of the call were a fifth of its CPU (docs/benchmarks.md). The name is derived
 * from the text, so that two schemas (two texts) never share a name on one connection.
 */
export function storeStatement(text: string, prepared: boolean): StoreStatement {
  if (!prepared) return { text };
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 24);
  return { text, name: `cartes_badges_${digest}` };
}
