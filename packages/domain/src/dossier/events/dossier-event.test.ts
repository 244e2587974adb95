import { DOSSIER_EVENT_CODECS, DOSSIER_EVENT_TYPES, DossierEvent } from './dossier-event';

describe('the dossier event catalogue', () => {
  // The union is written out for its static type; this keeps it and the by-type map in step,
  // so an event added to one list and forgotten in the other cannot decode or be routed wrongly.
  it('decodes exactly the events listed by type, each with the codec named for it', () => {
    expect(DossierEvent.types).toEqual(Object.values(DOSSIER_EVENT_CODECS));
    expect(DossierEvent.types.map((codec) => codec.name)).toEqual(DOSSIER_EVENT_TYPES);
  });
});
