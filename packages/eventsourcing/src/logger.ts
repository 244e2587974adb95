/**
 * Where the library reports what it recovers from by itself (a runner restarted, a lease
 * renewal failed): pino's signature, so a pino (or bunyan-like) logger is passed as is.
 */
export interface Logger {
  warn(obj: object, msg: string): void;
}

/**
 * The logger used when the caller gives neither `onError` nor `logger`: one line on stderr,
 * so that a failure the library recovers from is never thrown away unseen.
 */
export const consoleLogger: Logger = {
  warn: (obj, msg) => console.warn(`[cartes-badges] ${msg}`, obj),
};

/** How a caller asks to be told of the failures the library recovers from. */
export interface FailureReporting {
  /** Told each failure, with the name of what failed; replaces the logger. */
  readonly onError?: (name: string, error: unknown) => void;
  /** Told each failure as `logger.warn({ err, [subject]: name }, msg)` when no `onError` is given (default: stderr). */
  readonly logger?: Logger;
}

/**
 * The function that tells a failure: to `onError` when given, else to the logger as
 * `warn({ err, [subject]: name }, message)`, else to stderr through `consoleLogger`.
 */
export function failureReporter(
  options: FailureReporting,
  subject: string,
  message: string,
): (name: string, error: unknown) => void {
  const { onError } = options;
  if (onError) return onError;
  const logger = options.logger ?? consoleLogger;
  return (name, error) => logger.warn({ err: error, [subject]: name }, message);
}
