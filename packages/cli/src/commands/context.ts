import { readSigner } from '../audit/signing-key-file';
import type { OpenedStore, ReadForm, StoreMode } from '../store/open-store';
import { openStore } from '../store/open-store';
import { DEFAULT_STORE, parseStoreSpec } from '../store/store-spec';

/** The options every command shares (declared on the program). */
export interface GlobalOptions {
  readonly store?: string;
  readonly json?: boolean;
  /** The signing key file (--signing-key, else CARTES_BADGES_SIGNING_KEY). */
  readonly signingKey?: string;
}

/** The store URL in force: --store, else CARTES_BADGES_STORE, else the SQLite default. */
export function storeUrlOf(options: GlobalOptions): string {
  return options.store ?? process.env.CARTES_BADGES_STORE ?? DEFAULT_STORE;
}

/** Opens the store, runs `work`, and always closes the store (so the process can exit). */
export async function withStore<T>(
  options: GlobalOptions,
  mode: StoreMode,
  work: (opened: OpenedStore) => Promise<T>,
  form: ReadForm = 'domain',
): Promise<T> {
  // Only the commands that append sign: a read never needs (nor opens) the private key.
  const writes = mode === 'write' || mode === 'events';
  const signer =
    writes && options.signingKey !== undefined ? readSigner(options.signingKey, '--signing-key') : undefined;
  const opened = await openStore(parseStoreSpec(storeUrlOf(options)), mode, form, signer);
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/** Writes a block of output to stdout, with a final newline. */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Writes a note for people to stderr (kept off stdout so that pipes get only the data). */
export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}
