import { AssertionError } from 'node:assert';
import * as E from 'fp-ts/Either';
import { assertLeft, assertRight } from './testing/either-checks';

describe('assertRight and assertLeft', () => {
  it('hand back the side asked for', () => {
    expect(assertRight(E.right({ n: 1 }))).toEqual({ n: 1 });
    expect(assertLeft(E.left({ code: 'NOT_OPEN' }))).toEqual({ code: 'NOT_OPEN' });
  });

  it('fail with an AssertionError that shows the other side', () => {
    expect(() => assertRight(E.left({ code: 'NOT_OPEN' }))).toThrow(AssertionError);
    expect(() => assertRight(E.left({ code: 'NOT_OPEN' }))).toThrow(
      'Expected a Right, got the Left {"code":"NOT_OPEN"}',
    );
    expect(() => assertLeft(E.right([1n]))).toThrow('Expected a Left, got the Right ["1n"]');
  });
});
