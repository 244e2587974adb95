// The fold's edges: the kernel's no-change marker, and the state before any event.
import { NO_CHANGE_EVENT_TYPE, type RecordedEvent } from '@cartes-badges/eventsourcing';
import { completeDraft, foldEvents, recorded } from '../testing';
import { evolveDossier } from './evolve';
import type { DossierEvent } from './events';
import { dossierStatusLabel, initialDossierState } from './state';
import { validateDossier } from './validation/validate-dossier';

describe('evolveDossier', () => {
  it('R-36 leaves the state as it was on the kernel’s no-change marker, its version included', () => {
    const before = foldEvents(completeDraft());
    const marker = {
      ...recorded([{ type: 'ContactEmailChanged', data: { email: null } }])[0],
      type: NO_CHANGE_EVENT_TYPE,
      data: {},
      version: 99,
    } as unknown as RecordedEvent<DossierEvent>;
    expect(evolveDossier(before, marker)).toBe(before);
  });
});

describe('a dossier that does not exist', () => {
  it('is labelled « Inexistant », and every field the tabs require is missing', () => {
    const none = initialDossierState();
    expect(dossierStatusLabel(none)).toBe('Inexistant');
    const missing = validateDossier(none).tabs.flatMap((tab) =>
      tab.messages.filter((m) => m.kind === 'required').map((m) => `${tab.tab}.${m.field}`),
    );
    expect(missing).toEqual(
      expect.arrayContaining([
        'Employeur.establishment',
        'Employeur.contactEmail',
        'Prestation.cardType',
        'Prestation.provider',
      ]),
    );
  });
});
