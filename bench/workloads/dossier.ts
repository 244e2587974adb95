/**
 * A small dossier decider shared by every library under test, so that the libraries differ
 * only in how they load, fold and append. Plain functions over plain data: no library types.
 */

/** The fields a dossier must have filled before it can be transmitted. */
export const DOSSIER_FIELDS = ['holderName', 'holderEmail', 'cardType', 'deliveryAddress'] as const;
export type DossierField = (typeof DOSSIER_FIELDS)[number];

/** At most this many documents per dossier (a rule, so that `decide` has something to refuse). */
export const MAX_DOCUMENTS = 10;

export type DossierCommand =
  | { type: 'CreateDossier'; data: { dossierId: string; siret: string; createdAt: string } }
  | { type: 'UpdateField'; data: { field: DossierField; value: string } }
  | { type: 'AttachDocument'; data: { documentId: string; fileName: string; sizeBytes: number } }
  | { type: 'TransmitDossier'; data: { transmittedAt: string } };

// Types (not interfaces), so that they are assignable to each library's JSON/record event types.
export type DossierCreated = {
  type: 'DossierCreated';
  data: { dossierId: string; siret: string; createdAt: string };
};
export type DossierFieldUpdated = {
  type: 'DossierFieldUpdated';
  data: { field: DossierField; value: string };
};
export type DocumentAttached = {
  type: 'DocumentAttached';
  data: { documentId: string; fileName: string; sizeBytes: number };
};
export type DossierTransmitted = { type: 'DossierTransmitted'; data: { transmittedAt: string } };
export type DossierEvent = DossierCreated | DossierFieldUpdated | DocumentAttached | DossierTransmitted;

/** What `decide` needs to know of the past. */
export type DossierState = {
  readonly status: 'absent' | 'draft' | 'transmitted';
  /** One bit per field of DOSSIER_FIELDS that holds a value. */
  readonly filledFields: number;
  readonly documents: number;
};

export const initialDossierState = (): DossierState => ({ status: 'absent', filledFields: 0, documents: 0 });

const ALL_FIELDS = (1 << DOSSIER_FIELDS.length) - 1;

/** Folds one event into the state (pure; the event may carry any library's extra fields). */
export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  switch (event.type) {
    case 'DossierCreated':
      return { status: 'draft', filledFields: 0, documents: 0 };
    case 'DossierFieldUpdated':
      return { ...state, filledFields: state.filledFields | (1 << DOSSIER_FIELDS.indexOf(event.data.field)) };
    case 'DocumentAttached':
      return { ...state, documents: state.documents + 1 };
    case 'DossierTransmitted':
      return { ...state, status: 'transmitted' };
  }
}

/** Why a command is refused. */
export type DossierRefusal = { readonly code: string; readonly message: string };

/** Either the events a command produces or why it is refused (each library wraps it its own way). */
export type DossierDecision =
  | { readonly ok: true; readonly events: DossierEvent[] }
  | { readonly ok: false; readonly refusal: DossierRefusal };

const accept = (event: DossierEvent): DossierDecision => ({ ok: true, events: [event] });
const refuse = (code: string, message: string): DossierDecision => ({
  ok: false,
  refusal: { code, message },
});

/** Decides a command against the state (pure and total). */
export function decideDossier(command: DossierCommand, state: DossierState): DossierDecision {
  if (command.type === 'CreateDossier') {
    return state.status === 'absent'
      ? accept({ type: 'DossierCreated', data: command.data })
      : refuse('DOSSIER_EXISTS', 'Le dossier existe déjà.');
  }
  if (state.status === 'absent') return refuse('DOSSIER_NOT_FOUND', "Le dossier n'existe pas.");
  if (state.status === 'transmitted') return refuse('DOSSIER_TRANSMITTED', 'Le dossier a déjà été transmis.');
  switch (command.type) {
    case 'UpdateField':
      return accept({ type: 'DossierFieldUpdated', data: command.data });
    case 'AttachDocument':
      return state.documents < MAX_DOCUMENTS
        ? accept({ type: 'DocumentAttached', data: command.data })
        : refuse('TOO_MANY_DOCUMENTS', `Un dossier contient au plus ${MAX_DOCUMENTS} pièces.`);
    case 'TransmitDossier':
      if (state.filledFields !== ALL_FIELDS)
        return refuse('DOSSIER_INCOMPLETE', 'Des champs sont à remplir.');
      if (state.documents === 0) return refuse('NO_DOCUMENT', 'Joignez au moins une pièce.');
      return accept({ type: 'DossierTransmitted', data: { transmittedAt: command.data.transmittedAt } });
  }
}
