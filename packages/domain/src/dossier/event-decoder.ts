import type { DecodeProblem, EventDecoder, RecordedEvent } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import { fieldErrorsOf } from '../identifiers';
import { DOSSIER_STREAM_PREFIX } from './derived-ids';
import { DOSSIER_EVENT_CODECS, isDossierEventType } from './events';
import { NumberClaimed, NumberReserved, NUMBERING_STREAM_PREFIX } from './numbering/numbering-events';

const NUMBERING_CODECS: Record<string, t.Mixed> = { NumberReserved, NumberClaimed };

function problemsOf(errors: t.Errors): DecodeProblem[] {
  return fieldErrorsOf(errors).map((e) => ({ path: e.field, expected: e.message }));
}

function decodeWith(codec: t.Mixed, event: RecordedEvent): E.Either<DecodeProblem[], RecordedEvent> {
  const decoded = codec.decode({ type: event.type, data: event.data });
  if (E.isLeft(decoded)) return E.left(problemsOf(decoded.left));
  return E.right({
    ...event,
    data: (decoded.right as { data: RecordedEvent['data'] }).data,
  } as RecordedEvent);
}

/**
 * The store decoder of this domain (after upcasting): events of dossier and numbering streams
 * must decode with their codecs, naming each failing path; other streams (other aggregates
 * sharing the store) pass unchanged.
 */
export const dossierEventDecoder: EventDecoder = (event) => {
  if (event.streamId.startsWith(DOSSIER_STREAM_PREFIX)) {
    if (!isDossierEventType(event.type)) {
      return E.left([
        {
          path: 'type',
          expected: `un événement de dossier (${Object.keys(DOSSIER_EVENT_CODECS).join(', ')})`,
        },
      ]);
    }
    return decodeWith(DOSSIER_EVENT_CODECS[event.type], event);
  }
  if (event.streamId.startsWith(NUMBERING_STREAM_PREFIX)) {
    const codec = NUMBERING_CODECS[event.type];
    return codec
      ? decodeWith(codec, event)
      : E.left([{ path: 'type', expected: 'NumberReserved ou NumberClaimed' }]);
  }
  return E.right(event);
};
