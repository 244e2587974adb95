import type { GlobalPosition } from '@cartes-badges/eventsourcing';
import type { WirePosition } from './client-port';

const SIXTY_FOUR_BITS = (1n << 64n) - 1n;

/**
 * EventStoreDB places an event in `$all` by a (commit, prepare) pair of unsigned 64-bit log
 * positions, ordered by commit then prepare. One bigint `(commit << 64) | prepare` keeps both
 * without loss and sorts the same way, so the kernel can compare and store it as is.
 */
export function encodePosition(position: WirePosition): GlobalPosition {
  if (position.commit < 0n || position.commit > SIXTY_FOUR_BITS) {
    throw new RangeError(`commit position ${position.commit} is not an unsigned 64-bit integer`);
  }
  if (position.prepare < 0n || position.prepare > SIXTY_FOUR_BITS) {
    throw new RangeError(`prepare position ${position.prepare} is not an unsigned 64-bit integer`);
  }
  return (position.commit << 64n) | position.prepare;
}

/** The (commit, prepare) pair behind a global position given by `encodePosition`. */
export function decodePosition(position: GlobalPosition): WirePosition {
  if (typeof position !== 'bigint' || position < 0n || position >> 128n !== 0n) {
    throw new RangeError(
      `global position ${String(position)} is not an EventStoreDB position (a bigint of 128 bits)`,
    );
  }
  return { commit: position >> 64n, prepare: position & SIXTY_FOUR_BITS };
}

/** Orders two wire positions as `$all` does. */
export function comparePositions(a: WirePosition, b: WirePosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
