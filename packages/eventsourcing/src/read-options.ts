import type { GlobalPosition } from './events';
import { shownValue } from './shown-value';
import type { EventFilter, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from './store';

// The read options of the store port, checked the same way by every store before it reads.
// Unchecked, each store read a bad option its own way: `maxCount: 1.5` gave one event in memory
// and two on PostgreSQL, `direction: 'sideways'` read forwards, `eventTypes: 'Transmitted'`
// matched by substring, a position past 2^63 was a raw driver error on SQLite and PostgreSQL,
// `batchSize: 1.5` went to EventStoreDB's wire. A caller's mistake now fails the same on all,
// naming the option, and nothing is read.

/**
 * The largest global position a store can give: the EventStoreDB adapter keeps a `$all`
 * position's two unsigned 64-bit log positions (commit, prepare) in one 128-bit bigint; SQLite
 * and PostgreSQL give signed 64-bit ones, far below it.
 */
export const MAX_GLOBAL_POSITION: GlobalPosition = 2n ** 128n - 1n;

/** The largest value of a signed 64-bit SQL integer, the most a SQL store's position reaches. */
const SQL_BIGINT_MAX = 2n ** 63n - 1n;

/**
 * `after` as a SQL store can bind it: a checkpoint past the largest position a signed 64-bit
 * column holds reads what reading after that largest position reads, nothing (instead of a
 * driver's "out of range" error).
 */
export const atMostSqlBigint = (after: GlobalPosition): GlobalPosition =>
  after > SQL_BIGINT_MAX ? SQL_BIGINT_MAX : after;

function integerAtLeast(value: unknown, least: number, where: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < least)
    throw new RangeError(`${where} must be an integer of at least ${least}, got ${shownValue(value)}`);
}

function globalPosition(value: unknown, where: string): void {
  if (value === undefined) return;
  if (typeof value !== 'bigint')
    throw new TypeError(
      `${where} must be a global position as a bigint (e.g. 42n), got ${typeof value} ${shownValue(value)}`,
    );
  if (value < 0n || value > MAX_GLOBAL_POSITION)
    throw new RangeError(`${where} must be a global position from 0n to 2^128 - 1, got ${shownValue(value)}`);
}

const isStringList = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function filter(value: EventFilter | undefined, where: string): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`${where}: filter must be an object, got ${shownValue(value)}`);
  const { streamPrefix, eventTypes } = value as { streamPrefix?: unknown; eventTypes?: unknown };
  if (streamPrefix !== undefined && typeof streamPrefix !== 'string' && !isStringList(streamPrefix))
    throw new TypeError(
      `${where}: filter.streamPrefix must be a string or a list of strings, got ${shownValue(streamPrefix)}`,
    );
  // A single string would be read as a list of its characters, or matched by substring.
  if (eventTypes !== undefined && !isStringList(eventTypes))
    throw new TypeError(
      `${where}: filter.eventTypes must be a list of strings, got ${shownValue(eventTypes)}`,
    );
}

function optionsObject(options: unknown, where: string): void {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
    throw new TypeError(`${where}: options must be an object, got ${shownValue(options)}`);
}

/** `options` of `readStream`, or a RangeError / TypeError naming the option that is wrong. */
export function checkReadStreamOptions(options: ReadStreamOptions | undefined): ReadStreamOptions {
  optionsObject(options, 'readStream');
  const { fromVersion, maxCount, direction, batchSize } = options ?? {};
  integerAtLeast(fromVersion, 0, 'readStream: fromVersion');
  integerAtLeast(maxCount, 0, 'readStream: maxCount');
  integerAtLeast(batchSize, 1, 'readStream: batchSize');
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards')
    throw new RangeError(
      `readStream: direction must be 'forwards' or 'backwards', got ${shownValue(direction)}`,
    );
  return options ?? {};
}

/** `options` of `readAll`, or a RangeError / TypeError naming the option that is wrong. */
export function checkReadAllOptions(options: ReadAllOptions | undefined): ReadAllOptions {
  optionsObject(options, 'readAll');
  const { after, maxCount, batchSize } = options ?? {};
  globalPosition(after, 'readAll: after');
  filter(options?.filter, 'readAll');
  integerAtLeast(maxCount, 0, 'readAll: maxCount');
  integerAtLeast(batchSize, 1, 'readAll: batchSize');
  return options ?? {};
}

/** `options` of `subscribe`, or a RangeError / TypeError naming the option that is wrong. */
export function checkSubscribeOptions(options: SubscribeOptions | undefined): SubscribeOptions {
  optionsObject(options, 'subscribe');
  globalPosition(options?.after, 'subscribe: after');
  filter(options?.filter, 'subscribe');
  const onCaughtUp: unknown = options?.onCaughtUp;
  if (onCaughtUp !== undefined && typeof onCaughtUp !== 'function')
    throw new TypeError(`subscribe: onCaughtUp must be a function, got ${shownValue(onCaughtUp)}`);
  return options ?? {};
}
