import type { Actor, RecordedEvent } from '@cartes-badges/eventsourcing';
import {
  CommandIdReusedError,
  ConcurrencyError,
  createStreamStateCache,
  handleCommand,
  PersonalDataErasedError,
  personalDataKeysOf,
  StoreBusyError,
} from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import { v4 as uuidV4 } from 'uuid';
import { defaultCatalogue } from '../catalogue';
import type {
  DossierActor,
  DossierCommand,
  DossierContext,
  DossierError,
  DossierEvent,
  DossierState,
  DossierValidation,
} from '../dossier';
import {
  COMMAND_ROLES,
  commandFingerprint,
  confirmationOf,
  decodeDossierCommand,
  formatError,
  Uuid,
  dossierDecider,
  dossierError,
  dossierStreamId,
  isCreationCommand,
  mayRead,
  notAuthorised,
  validateDossier,
} from '../dossier';
import { decodeField } from '../identifiers';
import { systemClock } from '../ports';
import type { IdentityPolicy } from './actor-identity';
import { checkedActor, refusalOfActor } from './actor-identity';
import type { CreationChoices, CreationPicks } from './creation-choices';
import { creationTargetOf } from './creation-target';
import { creationChoices } from './creation-choices';
import type { DocumentFile } from './document-download';
import { documentFileOf } from './document-download';
import { asOfInstant } from './as-of';
import { foldDossier } from './load-dossier';
import type { DossierView } from '../view/dossier-view';
import { dossierView } from '../view/dossier-view';
import type { DossierServicePorts } from './ports';
import { baseContext, contextResolver, refusalOfNewCommand } from './resolve-context';
import type { ErasureOptions, ErasureResult } from './erasure';
import {
  destroyDossierKey,
  dossierHasKey,
  erasureContext,
  erasureUnavailable,
  personalValueInClear,
} from './erasure';

/** What an accepted command gives back. */
export interface ExecuteResult {
  readonly dossierId: string;
  /** The stream's version after the command. */
  readonly version: number;
  /** The events the command appended (or had appended, when `alreadyHandled`). */
  readonly events: readonly RecordedEvent<DossierEvent>[];
  /**
   * True when the command id had already been handled: nothing new was written, and the
   * events are those of the first time (none for a command that changed nothing).
   */
  readonly alreadyHandled: boolean;
  readonly state: DossierState;
  /**
   * the message a screen shows as is after this command ("Votre demande n° 2512AF000408
   * a bien été transmise."), the same for a retry; null when the command has none.
   */
  readonly confirmation: string | null;
}

/** Options of `execute`. */
export interface ExecuteOptions {
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** Options of `load` and `view`. */
export interface ReadOptions {
  /**
   * An ISO-8601 date or instant ("2025-12-03", "2025-12-03T10:00:00Z"): the dossier as it was
   * then, from the events that had occurred by that moment (a date alone: the end of that day, UTC).
   */
  readonly asOf?: string;
}

/** The application API of the dossiers. */
export interface DossierService {
  /** Decodes, authorises and handles a command; nothing is written when it is refused. */
  execute(command: unknown, options?: ExecuteOptions): Promise<E.Either<DossierError, ExecuteResult>>;
  /**
   * A dossier's state; with an actor, only if that actor may read it. Without one,
   * no check at all: for the embedding's own trusted code only.
   */
  load(
    dossierId: string,
    actor?: DossierActor,
    options?: ReadOptions,
  ): Promise<E.Either<DossierError, DossierState>>;
  /**
   * One call per screen: everything the dossier's page shows to this actor (tabs with their
   * status and messages, each tab's data, Synthèse figures, documents per type with the
   * "X/Y types de documents obligatoires à transmettre" line, the actions it may take now, the
   * labels), checked as `load`; `asOf` shows the page as it was then.
   */
  view(
    dossierId: string,
    actor: DossierActor,
    options?: ReadOptions,
  ): Promise<E.Either<DossierError, DossierView>>;
  /**
   * a document's file, for an actor who may read the dossier, checked against
   * what its event records; a typed refusal otherwise (not authorised, no such document).
   */
  document(
    dossierId: string,
    documentId: string,
    actor: DossierActor,
  ): Promise<E.Either<DossierError, DocumentFile>>;
  /** Each tab's status and messages, checked as `load`. */
  tabs(dossierId: string, actor?: DossierActor): Promise<E.Either<DossierError, DossierValidation>>;
  /** the choices before creating a dossier. */
  creationChoices(userId: string, picks?: CreationPicks): Promise<CreationChoices>;
  /** A fresh command id from the id generator port. */
  newCommandId(): string;
  /**
   * Erases the dossier's personal data (crypto-shredding): records a PersonalDataErased event
   * (who, when, why, which fields), then destroys the dossier's key; every read then shows
   * `[effacé]` and the hash chain and digests still verify. Only the fund's staff or its own
   * jobs (role gestionnaire or system), after the retention period (`force` before it, where
   * the policy allows). Erasing an erased dossier writes nothing and completes a cut-short one.
   */
  erasePersonalData(
    dossierId: string,
    actor: DossierActor,
    options: ErasureOptions,
  ): Promise<E.Either<DossierError, ErasureResult>>;
}

const READ_REFUSAL = "Vous n'êtes pas autorisé à consulter ce dossier";

function kernelActor(actor: DossierActor): Actor {
  return {
    role: actor.role,
    userId: actor.userId,
    ...(actor.siren !== undefined ? { siren: actor.siren } : {}),
    ...(actor.siret !== undefined ? { siret: actor.siret } : {}),
  };
}

/**
 * an earlier outcome goes only to a caller who may read the dossier now. Anyone
 * else gets the refusal a command with a new id would get (the decider's own), so the answer
 * tells nothing of whether, or for which command, the id was used there.
 */
function retryRefusal(
  command: DossierCommand,
  state: DossierState,
  base: DossierContext,
): DossierError | undefined {
  if (mayRead(command.actor, state, base.attachments)) return undefined;
  // Only the fund's erasure is accepted without reading; its retries stay refused as before.
  return refusalOfNewCommand(command, state, base) ?? notAuthorised(READ_REFUSAL);
}

/** Builds the dossier service over its ports. */
export function createDossierService(ports: DossierServicePorts): DossierService {
  const catalogue = ports.catalogue ?? defaultCatalogue;
  const clock = ports.clock ?? systemClock;
  const stateCache =
    ports.stateCache === false ? undefined : (ports.stateCache ?? createStreamStateCache<DossierState>());
  const identity: IdentityPolicy = {
    providerAttachments: ports.providerAttachments ?? ports.attachments,
    allowSystemActor: ports.allowSystemActor === true,
  };

  async function execute(
    input: unknown,
    options: ExecuteOptions = {},
  ): Promise<E.Either<DossierError, ExecuteResult>> {
    const decoded = decodeDossierCommand(input);
    if (E.isLeft(decoded)) return decoded;
    const command: DossierCommand = decoded.right;
    const impostor = await refusalOfActor(command.actor, identity);
    if (impostor !== undefined) return E.left(impostor);
    const dossierId = isCreationCommand(command)
      ? await creationTargetOf(ports.store, command)
      : command.dossierId;
    const unavailable = erasureUnavailable(ports, command);
    if (unavailable !== undefined) return E.left(unavailable);
    const now = clock.now();
    const base = {
      ...(await baseContext(ports, catalogue, command)),
      ...erasureContext(ports, command, now),
    };
    try {
      const outcome = await handleCommand(ports.store, dossierDecider, dossierStreamId(dossierId), command, {
        commandId: command.commandId,
        fingerprint: commandFingerprint(command),
        authoriseRetry: async (state) => retryRefusal(command, state, base),
        actor: kernelActor(command.actor),
        occurredAt: now.toISOString(),
        resolveContext: contextResolver(ports, catalogue, command, dossierId, base, now),
        stateCache,
        ...(options.correlationId !== undefined ? { correlationId: options.correlationId } : {}),
        ...(options.causationId !== undefined ? { causationId: options.causationId } : {}),
      });
      if (E.isLeft(outcome)) {
        const error = outcome.left;
        return E.left(
          error instanceof ConcurrencyError
            ? dossierError(
                'CONCURRENT_CHANGE',
                'Le dossier a été modifié en même temps par ailleurs : veuillez réessayer',
              )
            : error instanceof CommandIdReusedError
              ? dossierError(
                  'COMMAND_ID_REUSED',
                  "Cet identifiant de commande a déjà servi pour une autre commande : rien n'a été enregistré ; envoyez chaque nouvelle commande avec un nouvel identifiant",
                  { field: 'commandId' },
                )
              : error,
        );
      }
      const result = outcome.right;
      // The key goes only once the erasure is on record; a retry (already handled) finishes it.
      if (command.type === 'ErasePersonalData') await destroyDossierKey(ports.store, dossierId);
      return E.right({
        dossierId,
        version: result.nextExpectedVersion,
        events: result.events,
        alreadyHandled: result.alreadyHandled,
        state: result.state,
        confirmation: confirmationOf(result.events),
      });
    } catch (error) {
      // Erased between this command's decision and its append: refused as decide would now.
      if (error instanceof PersonalDataErasedError) {
        return E.left(
          dossierError(
            'PERSONAL_DATA_ERASED',
            "Les données personnelles de ce dossier ont été effacées : il ne peut plus être modifié ; rien n'a été enregistré",
          ),
        );
      }
      if (error instanceof StoreBusyError) {
        return E.left(
          dossierError(
            'STORE_BUSY',
            'Le service est momentanément occupé : veuillez réessayer dans un instant',
          ),
        );
      }
      throw error;
    }
  }

  async function load(
    dossierId: string,
    actor?: DossierActor,
    options: ReadOptions = {},
  ): Promise<E.Either<DossierError, DossierState>> {
    // The dossier id comes from the caller's own caller (a URL segment): checked like a command's.
    const id = decodeField(Uuid, dossierId, 'dossierId');
    if (E.isLeft(id)) return E.left(formatError([id.left]));
    const reader = actor === undefined ? undefined : await checkedActor(actor, identity);
    if (reader !== undefined && E.isLeft(reader)) return reader;
    const asOf = asOfInstant(options.asOf);
    if (E.isLeft(asOf)) return asOf;
    const state = await foldDossier(ports.store, dossierId, asOf.right);
    if (state.status === 'none') return E.left(dossierError('DOSSIER_NOT_FOUND', 'Dossier introuvable'));
    if (reader !== undefined) {
      const attachments =
        reader.right.role === 'adherent' ? await ports.attachments.ofUser(reader.right.userId) : [];
      if (!mayRead(reader.right, state, attachments)) return E.left(notAuthorised(READ_REFUSAL));
    }
    return E.right(state);
  }

  return {
    execute,
    load,
    async view(dossierId, actor, options = {}) {
      // A view always has a reader: from JavaScript, a missing actor is a refusal, not "no check".
      if (typeof actor !== 'object' || actor === null) return E.left(notAuthorised(READ_REFUSAL));
      const reader = await checkedActor(actor, identity);
      if (E.isLeft(reader)) return reader;
      const state = await load(dossierId, reader.right, options);
      if (E.isLeft(state)) return state;
      const attachments =
        reader.right.role === 'adherent' ? await ports.attachments.ofUser(reader.right.userId) : [];
      return E.right(
        dossierView(state.right, {
          actor: reader.right,
          attachments,
          catalogue,
          ...(ports.generalConditionsLink ? { generalConditionsLink: ports.generalConditionsLink } : {}),
        }),
      );
    },
    async document(dossierId, documentId, actor) {
      // `load` without an actor reads anything: a caller from JavaScript that forgot it gets a refusal.
      if (typeof actor !== 'object' || actor === null)
        return E.left(notAuthorised("Vous n'êtes pas autorisé à consulter ce dossier"));
      const state = await load(dossierId, actor);
      return E.isLeft(state) ? state : documentFileOf(ports.blobStore, state.right, documentId);
    },
    async tabs(dossierId, actor) {
      const state = await load(dossierId, actor);
      return E.isLeft(state) ? state : E.right(validateDossier(state.right));
    },
    creationChoices: (userId, picks) =>
      creationChoices(
        { attachments: ports.attachments, establishments: ports.establishments, catalogue },
        userId,
        picks,
      ),
    async erasePersonalData(dossierId, actor, options) {
      const hadKey = await dossierHasKey(ports.store, dossierId);
      // Already erased: nothing is written (not even the no-change mark of a new command id),
      // but the caller is still checked, and a key left by a cut-short erasure is destroyed.
      const known = decodeField(Uuid, dossierId, 'dossierId');
      if (E.isRight(known) && (await foldDossier(ports.store, dossierId)).personalDataErasedAt !== null) {
        const impostor = await refusalOfActor(actor, identity);
        if (impostor !== undefined) return E.left(impostor);
        if (!COMMAND_ROLES.ErasePersonalData.includes(actor.role)) {
          return E.left(notAuthorised(`Action non autorisée pour le profil « ${actor.role} »`));
        }
        await destroyDossierKey(ports.store, dossierId);
        return E.right({ dossierId, recorded: false, keyDestroyed: hadKey });
      }
      if (E.isRight(known) && personalDataKeysOf(ports.store)) {
        const clear = await personalValueInClear(ports.store, dossierId);
        if (clear !== undefined) {
          return E.left(
            dossierError(
              'PERSONAL_DATA_IN_CLEAR',
              `Effacement impossible : ce dossier a été écrit avant la protection des données personnelles (${clear.field} en clair à la version ${clear.version}) ; un événement enregistré n'est jamais réécrit ; rien n'a été effacé`,
            ),
          );
        }
      }
      const executed = await execute({
        type: 'ErasePersonalData',
        commandId: options.commandId ?? uuidV4(),
        actor,
        dossierId,
        payload: { reason: options.reason, ...(options.force !== undefined ? { force: options.force } : {}) },
      });
      if (E.isLeft(executed)) return executed;
      const recorded = !executed.right.alreadyHandled && executed.right.events.length > 0;
      return E.right({ dossierId, recorded, keyDestroyed: hadKey });
    },
    newCommandId() {
      if (!ports.ids) throw new Error('newCommandId: no IdGenerator port was given to createDossierService');
      return ports.ids.newId();
    },
  };
}
