import type { Catalogue } from '../../catalogue';
import type { EstablishmentSnapshot, FileMetadata, ProviderSnapshot } from '../../ports';
import type { AttachmentScope } from '../authorisation';
import type { DossierState } from '../state';

/**
 * What `decide` needs from outside, looked up before it runs (the decider itself does no I/O).
 * Each command uses only the parts it needs; the service fills them.
 */
export interface DossierContext {
  /** The card types on offer (CreateDraft, SubmitPresaisie). */
  readonly catalogue: Catalogue;
  /** The SIREN/SIRETs the acting user is attached to (employer users). */
  readonly attachments: readonly AttachmentScope[];
  /** The establishment of the command's SIRET from the INSEE base; null when unknown. */
  readonly establishment?: EstablishmentSnapshot | null;
  /** SubmitPresaisie: the provider the actor acts for, from the SIRENE base; null when unknown. */
  readonly actingProvider?: ProviderSnapshot | null;
  /** SelectProvider / SaveDraft: the provider found for the search; null when not found. */
  readonly selectedProvider?: ProviderSnapshot | null;
  /** DuplicateDraft: the state of the source draft. */
  readonly source?: DossierState;
  /** New draft number, reserved beforehand. */
  readonly draftNumber?: number;
  /** Dossier number for a transmission, reserved beforehand. */
  readonly dossierNumber?: string;
  /** AttachDocument: the checked file's metadata, its bytes already in the blob store. */
  readonly file?: FileMetadata;
  /** ErasePersonalData: the embedding's retention policy and the time of the command. */
  readonly erasure?: ErasureContext;
}

/** What an erasure is decided against. */
export interface ErasureContext {
  /** The command's time (ISO-8601). */
  readonly now: string;
  /** Days the personal data is kept after the dossier ended (removed, closed, cancelled). */
  readonly retentionDays: number;
  /** Whether `force` may erase before that (a data subject's erasure request, say). */
  readonly allowForced: boolean;
}
