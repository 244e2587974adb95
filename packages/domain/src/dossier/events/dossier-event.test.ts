import { PathReporter } from 'io-ts/PathReporter';
import { DOSSIER_EVENT_CODECS, DOSSIER_EVENT_TYPES, DossierEvent } from './dossier-event';

describe('the dossier event catalogue', () => {
  it('decodes each event listed by type with the codec named for it, and nothing else', () => {
    expect(DOSSIER_EVENT_TYPES).toHaveLength(25);
    for (const type of DOSSIER_EVENT_TYPES) expect(DOSSIER_EVENT_CODECS[type].name).toBe(type);
    const comment = { type: 'CommentChanged', data: { comment: 'Bonjour' } };
    expect(DossierEvent.is(comment)).toBe(true);
    expect(DossierEvent.is({ type: 'Invented', data: {} })).toBe(false);
  });

  it('is named DossierEvent where io-ts reports a value that is no dossier event', () => {
    expect(PathReporter.report(DossierEvent.decode(42))).toEqual([
      'Invalid value 42 supplied to : DossierEvent',
    ]);
  });
});
