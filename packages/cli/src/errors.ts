/** Exit codes a script can rely on (documented in docs/cli.md). */
export const EXIT = {
  /** Everything went as asked. */
  ok: 0,
  /** A verification failed: a hash chain is broken or the history no longer matches a digest. */
  verificationFailed: 1,
  /** The command line is wrong: unknown command or option, bad value, bad store URL. */
  usage: 2,
  /** What was asked for does not exist: unknown dossier, no database at that path. */
  notFound: 3,
  /** The store cannot be reached or opened (database down, file unreadable). */
  storeUnavailable: 4,
  /** A file given to the command is unusable: projection module, digest file, output path. */
  badInput: 5,
  /** Refused by a rule of the service: an erasure before the end of the retention period, say. */
  refused: 6,
  /** A bug: an unexpected error (reported with its stack when CARTES_BADGES_DEBUG=1). */
  internal: 10,
} as const;

/** One of the exit codes above. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as one line (no stack) with a chosen exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A wrong command line (exit 2). */
export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);
/** Something asked for does not exist (exit 3). */
export const notFound = (message: string): CliError => new CliError(message, EXIT.notFound);
/** The store cannot be reached (exit 4). */
export const storeUnavailable = (message: string): CliError => new CliError(message, EXIT.storeUnavailable);
/** A file given to the command is unusable (exit 5). */
export const badInput = (message: string): CliError => new CliError(message, EXIT.badInput);

/** The message of anything thrown, on one line. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
