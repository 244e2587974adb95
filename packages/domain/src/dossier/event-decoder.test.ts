// Stored events are decoded at the edge, naming each failing path (architecture: "Errors"): the
// dossier and numbering streams by their codecs; other aggregates' streams pass unchanged.
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import { draftCreated, recorded } from '../testing';
import { dossierEventDecoder } from './event-decoder';
import { DOSSIER_EVENT_CODECS } from './events';
import { NumberClaimed, NumberingEvent, NumberReserved } from './numbering/numbering-events';
import { PathReporter } from 'io-ts/PathReporter';

const stored = (streamId: string, type: string, data: unknown): RecordedEvent =>
  ({ ...recorded([{ type, data } as never])[0], streamId }) as RecordedEvent;

describe('dossierEventDecoder', () => {
  it('decodes a dossier event, and names the path and what was expected when it does not decode', () => {
    const ok = stored('dossier-1', 'Granted', { amountGrantedCents: 20000 });
    expect(dossierEventDecoder(ok)).toEqual(E.right(ok));
    const bad = dossierEventDecoder(stored('dossier-1', 'Granted', { amountGrantedCents: 'beaucoup' }));
    expect(E.isLeft(bad) && bad.left.map((p) => p.path)).toEqual(['data.amountGrantedCents']);
  });

  it('names what was expected where a stored card type or attestation does not decode', () => {
    const created = draftCreated() as { data: object };
    expect(
      dossierEventDecoder(stored('dossier-1', 'DraftCreated', { ...created.data, cardType: 'tachy' })),
    ).toEqual(
      E.left([
        {
          path: 'data.cardType',
          expected: "Ce champ n'est pas valide (reçu : « tachy ») : attendu CardTypeSnapshot",
        },
      ]),
    );
    expect(dossierEventDecoder(stored('dossier-1', 'AttestationGiven', { attestation: 'cgv' }))).toEqual(
      E.left([
        {
          path: 'data.attestation',
          expected: "Ce champ n'est pas valide (reçu : « cgv ») : attendu Attestation",
        },
      ]),
    );
  });

  it('R-14 R-35 names each failing path of a stored cost line, complement or erasure', () => {
    expect(dossierEventDecoder(stored('dossier-1', 'CostLinesChanged', { lines: ['x'] }))).toEqual(
      E.left([
        { path: 'data.lines.0', expected: "Ce champ n'est pas valide (reçu : « x ») : attendu CostLine" },
      ]),
    );
    expect(dossierEventDecoder(stored('dossier-1', 'ComplementSubmitted', { comment: 42 }))).toEqual(
      E.left([{ path: 'data.comment', expected: 'Texte attendu, reçu le nombre 42' }]),
    );
    const erased = { reason: 42, fields: 'all', retentionDays: '10', forced: 'yes' };
    expect(dossierEventDecoder(stored('dossier-1', 'PersonalDataErased', erased))).toEqual(
      E.left([
        { path: 'data.reason', expected: 'Texte attendu, reçu le nombre 42' },
        {
          path: 'data.fields',
          expected: "Ce champ n'est pas valide (reçu : « all ») : attendu Array<string>",
        },
        {
          path: 'data.retentionDays',
          expected: "Ce champ n'est pas valide (reçu : « 10 ») : attendu number",
        },
        { path: 'data.forced', expected: "Ce champ n'est pas valide (reçu : « yes ») : attendu boolean" },
      ]),
    );
  });

  it('refuses a type no dossier event has, listing the dossier event types', () => {
    expect(dossierEventDecoder(stored('dossier-1', 'NumberReserved', {}))).toEqual(
      E.left([
        {
          path: 'type',
          expected: `un événement de dossier (${Object.keys(DOSSIER_EVENT_CODECS).join(', ')})`,
        },
      ]),
    );
    expect(Object.keys(DOSSIER_EVENT_CODECS)).toEqual(
      expect.arrayContaining(['DraftCreated', 'Transmitted', 'Closed']),
    );
  });

  it('R-01 decodes the numbering streams by their own two events', () => {
    const reserved = stored('numbering-2512AF', 'NumberReserved', {
      sequence: '2512AF',
      number: 3,
      ownerId: 'd',
    });
    expect(dossierEventDecoder(reserved)).toEqual(E.right(reserved));
    const claimed = stored('numbering-2512AF', 'NumberClaimed', { sequence: '2512AF', number: 2.5 });
    expect(E.isLeft(dossierEventDecoder(claimed))).toBe(true);
    expect(dossierEventDecoder(stored('numbering-2512AF', 'Granted', { amountGrantedCents: 1 }))).toEqual(
      E.left([{ path: 'type', expected: 'NumberReserved ou NumberClaimed' }]),
    );
  });

  it('R-01 names each failing path of a stored reservation of a number', () => {
    const reserved = stored('numbering-draft', 'NumberReserved', { sequence: 1, number: 2.5, ownerId: null });
    expect(dossierEventDecoder(reserved)).toEqual(
      E.left([
        expect.objectContaining({ path: 'data.sequence' }),
        expect.objectContaining({ path: 'data.number' }),
        expect.objectContaining({ path: 'data.ownerId' }),
      ]),
    );
  });

  it('names the numbering codecs where io-ts reports a value that is none of their events', () => {
    expect(PathReporter.report(NumberingEvent.decode(42))).toEqual([
      'Invalid value 42 supplied to : NumberingEvent',
    ]);
    expect(PathReporter.report(NumberReserved.decode(42))).toEqual([
      'Invalid value 42 supplied to : NumberReserved',
    ]);
    expect(PathReporter.report(NumberClaimed.decode(42))).toEqual([
      'Invalid value 42 supplied to : NumberClaimed',
    ]);
  });

  it('lets the events of other streams through as they are', () => {
    const other = stored('invoice-1', 'Whatever', { anything: [1, 'deux'] });
    expect(dossierEventDecoder(other)).toEqual(E.right(other));
  });
});
