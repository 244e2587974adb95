import { AssertionError } from 'node:assert';
import type { Either } from 'fp-ts/Either';
import { isLeft } from 'fp-ts/Either';

// A test that wants one side of an Either used to check it by hand
// (`expect(isLeft(r)).toBe(true); const e = isLeft(r) ? r.left : undefined`): on the wrong side
// such a check failed with "expected true, received false" or compared `false` with the
// expected value, without saying what came instead. These two fail with the other side's value
// and, like the given/when/then checks, use no test runner's globals.

/** The Right value of `result`; an `AssertionError` showing the Left when it is one. */
export function assertRight<L, R>(result: Either<L, R>): R {
  if (isLeft(result)) {
    throw new AssertionError({
      message: `Expected a Right, got the Left ${describe(result.left)}`,
      actual: result.left,
      operator: 'assertRight',
      stackStartFn: assertRight,
    });
  }
  return result.right;
}

/** The Left value of `result`; an `AssertionError` showing the Right when it is one. */
export function assertLeft<L, R>(result: Either<L, R>): L {
  if (!isLeft(result)) {
    throw new AssertionError({
      message: `Expected a Left, got the Right ${describe(result.right)}`,
      actual: result.right,
      operator: 'assertLeft',
      stackStartFn: assertLeft,
    });
  }
  return result.left;
}

// JSON.stringify fails on bigint and cycles; the message must still be written.
function describe(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
