import type { EventStore, StreamStateCache } from '@cartes-badges/eventsourcing';
import type { AttestationLink } from '../dossier/events';
import type { DossierState } from '../dossier/state';
import type { Catalogue } from '../catalogue';
import type { BlobStore } from '../documents';
import type { Attachments, Clock, EstablishmentDirectory, IdGenerator, ProviderDirectory } from '../ports';

/** The embedding's retention policy for personal data. */
export interface RetentionPolicy {
  /** Days personal data is kept after the dossier ended (e.g. 1825 for five years). */
  readonly retentionDays: number;
  /** Whether `force` may erase before that (a data subject's erasure request). Off by default. */
  readonly allowForcedErasure?: boolean;
}

/** What the dossier service needs from the embedding application. */
export interface DossierServicePorts {
  /**
   * The event store. Create it with `dossierStoreOptions` (upcasters and decoder) so that old
   * event versions are upcast and malformed stored events are reported on read.
   */
  readonly store: EventStore;
  /** The card types on offer; defaults to the guide's (`defaultCatalogue`). */
  readonly catalogue?: Catalogue;
  /** INSEE establishments, by SIRET. */
  readonly establishments: EstablishmentDirectory;
  /** SIRENE providers, by SIREN or SIRET. */
  readonly providers: ProviderDirectory;
  /** Which SIREN/SIRET each employer user is attached to. */
  readonly attachments: Attachments;
  /**
   * Which provider (SIREN and its SIRETs) each provider user belongs to: a provider user acts
   * only for those. Defaults to `attachments` (one directory for both kinds of users).
   */
  readonly providerAttachments?: Attachments;
  /**
   * Whether a command's or reader's actor may be role `system` (reads everything, instructs
   * transmitted dossiers). Off by default: turn it on only when no outside caller can choose
   * the actor (the embedding's own jobs).
   */
  readonly allowSystemActor?: boolean;
  /** Where uploaded files' bytes go. */
  readonly blobStore: BlobStore;
  /** Time of the commands (occurredAt, month of dossier numbers); defaults to the system clock. */
  readonly clock?: Clock;
  /** Source of fresh command ids for callers (`newCommandId`); never used for dossier ids. */
  readonly ids?: IdGenerator;
  /**
   * Dossier states kept between commands, so that a command reads and decodes only the events
   * after the last state this service saw of its dossier. Default: the 10,000 dossiers used
   * most recently; `false` folds every dossier from its first event on each command.
   */
  readonly stateCache?: StreamStateCache<DossierState> | false;
  /**
   * How long personal data is kept once a dossier ended (removed, closed, cancelled), and
   * whether an erasure may be forced before. Without it, erasure is refused. Erasure also needs
   * the store to be made by `protectDossierStore` (personal values sealed with a key per dossier).
   */
  readonly retention?: RetentionPolicy;
  /** the page the CG attestation links to in `view`; defaults to `GENERAL_CONDITIONS_LINK`. */
  readonly generalConditionsLink?: AttestationLink;
}
