import * as t from 'io-ts';

/** a number was taken in a sequence (one event per number, appended with an expected version). */
export const NumberReserved = t.type(
  {
    type: t.literal('NumberReserved'),
    data: t.type({ sequence: t.string, number: t.Int, ownerId: t.string }),
  },
  'NumberReserved',
);
/** A number was reserved. */
export type NumberReserved = t.TypeOf<typeof NumberReserved>;

/** the number an owner (a dossier) keeps, written once: a retry finds it instead of taking another. */
export const NumberClaimed = t.type(
  {
    type: t.literal('NumberClaimed'),
    data: t.type({ sequence: t.string, number: t.Int }),
  },
  'NumberClaimed',
);
/** A number was claimed by its owner. */
export type NumberClaimed = t.TypeOf<typeof NumberClaimed>;

/** The events of the numbering streams. */
export const NumberingEvent = t.union([NumberReserved, NumberClaimed], 'NumberingEvent');
/** An event of a numbering stream. */
export type NumberingEvent = t.TypeOf<typeof NumberingEvent>;

/** The prefix of every numbering stream. */
export const NUMBERING_STREAM_PREFIX = 'numbering-';
