/**
 * Where the library reports what it recovers from by itself (a runner restarted, a lease
 * renewal failed): pino's signature, so a pino (or bunyan-like) logger is passed as is.
 */
export interface Logger {
  warn(obj: object, msg: string): void;
}
