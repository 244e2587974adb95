import type { AppendOptions, ExpectedVersion } from './store';

// The options of `appendToStream`, checked the same way by every store before anything is
// written. Unchecked, a caller's mistake was read as a conflict or as no check at all: the
// version "0" as text (from a header or a form) failed with "expected version 0, actual version
// 0", and so did 1.5 or 'sideways', so a retrying caller retried a request that could never pass;
// `expectedVersion: null` (JSON's "nothing") and the options given as the bare string
// 'no_stream' appended with no check, to a stream that already held events.

/**
 * The expected version of `options` ('any' when none is given), or a TypeError naming what is
 * wrong: a version is an integer of at least -1 (-1: no stream yet), or 'no_stream',
 * 'stream_exists', 'any'.
 */
export function checkAppendOptions(options: AppendOptions | undefined): ExpectedVersion {
  if (options === undefined) return 'any';
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(
      `appendToStream: options must be an object such as { expectedVersion: 'no_stream' }, got ${JSON.stringify(options) ?? String(options)}`,
    );
  const expected: unknown = options.expectedVersion;
  if (
    expected === undefined ||
    expected === 'any' ||
    expected === 'no_stream' ||
    expected === 'stream_exists'
  )
    return expected ?? 'any';
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= -1) return expected;
  const shown = typeof expected === 'string' ? JSON.stringify(expected) : String(expected);
  throw new TypeError(
    `appendToStream: expectedVersion must be a version (an integer of at least -1), 'no_stream', 'stream_exists' or 'any', got ${typeof expected} ${shown}`,
  );
}
