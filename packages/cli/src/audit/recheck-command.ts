// The command printed on the auditor's page, so that whoever holds the page can check the chain
// again on the store it came from instead of trusting the page (which anyone can edit).

/** Where a timeline was read: the store as shown to people (password masked). */
export interface TimelineSource {
  /** The store's URL with any password masked, e.g. `sqlite:./data/events.db`. */
  readonly store: string;
  /** The keyring file the signatures were checked with (`--keys`), if any. */
  readonly keys?: string;
}

// Quoted for a POSIX shell only when needed, so the usual `sqlite:./data/events.db` reads plainly.
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that re-verifies the stream's hash chain (and signatures) on that store (exit 0 intact, 1 broken). */
export function recheckCommand(streamId: string, source: TimelineSource): string {
  const keys = source.keys !== undefined ? ` --keys ${shellWord(source.keys)}` : '';
  return `cartes-badges verify --stream ${shellWord(streamId)}${keys} --store ${shellWord(source.store)}`;
}
