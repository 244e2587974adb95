import * as E from 'fp-ts/Either';
import type { Int } from 'io-ts';
import type { CardTypeDefinition, Catalogue } from '../catalogue';
import { MAX_FILE_SIZE_BYTES } from '../catalogue';
import { checkUploadedFile, FILE_FORMATS } from '../documents';
import type { Siren, Siret } from '../identifiers';
import type { FileMetadata, ProviderSnapshot } from '../ports';
import type {
  AttachmentScope,
  DossierCommand,
  DossierCommandOf,
  DossierContext,
  DossierError,
  DossierState,
} from '../dossier';
import {
  actorSiren,
  allowedDocumentTypes,
  decideDossier,
  formatError,
  reserveDossierNumber,
  reserveDraftNumber,
} from '../dossier';
import { foldDossier } from './load-dossier';
import type { DossierServicePorts } from './ports';

async function findProvider(
  ports: DossierServicePorts,
  search: Siren | Siret,
): Promise<ProviderSnapshot | null> {
  if (search.length === 14) return (await ports.providers.findBySiret(search as Siret)) ?? null;
  return (await ports.providers.findBySiren(search as Siren))[0] ?? null;
}

async function actingProviderOf(
  ports: DossierServicePorts,
  command: DossierCommand,
): Promise<ProviderSnapshot | null> {
  if (command.actor.siret !== undefined)
    return (await ports.providers.findBySiret(command.actor.siret)) ?? null;
  const siren = actorSiren(command.actor);
  return siren === undefined ? null : ((await ports.providers.findBySiren(siren))[0] ?? null);
}

/** Lookups that do not depend on the dossier's state: done once, before the command handler runs. */
export async function baseContext(
  ports: DossierServicePorts,
  catalogue: Catalogue,
  command: DossierCommand,
): Promise<DossierContext> {
  const attachments: readonly AttachmentScope[] =
    command.actor.role === 'adherent' ? await ports.attachments.ofUser(command.actor.userId) : [];
  const base: DossierContext = { catalogue, attachments };
  switch (command.type) {
    case 'CreateDraft':
      return {
        ...base,
        establishment: (await ports.establishments.findBySiret(command.payload.siret)) ?? null,
      };
    case 'SubmitPresaisie':
      return {
        ...base,
        establishment: (await ports.establishments.findBySiret(command.payload.siret)) ?? null,
        actingProvider: await actingProviderOf(ports, command),
      };
    case 'DuplicateDraft':
      return { ...base, source: await foldDossier(ports.store, command.payload.sourceDossierId) };
    case 'SelectProvider':
      return { ...base, selectedProvider: await findProvider(ports, command.payload.search) };
    case 'SaveDraft':
      return command.payload.providerSearch === undefined
        ? base
        : { ...base, selectedProvider: await findProvider(ports, command.payload.providerSearch) };
    default:
      return base;
  }
}

// Stand-ins for values with a cost (a number taken, bytes stored): `decide` first runs with
// them, and the real values are fetched only when it accepts, so a refused command takes no
// number and stores no file.
const PROVISIONAL: Partial<DossierContext> = {
  draftNumber: 0,
  dossierNumber: '0001AF000001',
  file: {
    name: 'provisional',
    size: 0,
    mediaType: 'application/octet-stream',
    format: 'pdf',
    sha256: '0'.repeat(64),
    storageKey: 'provisional',
  },
};

// The file rules of the dossier's card type: its document types as snapshotted at creation
// (plus "Autre"), the formats and size limit of the catalogue (the guide's when it no longer
// has this card type).
function cardTypeDefinitionOf(catalogue: Catalogue, state: DossierState): CardTypeDefinition | undefined {
  const snapshot = state.cardType;
  if (snapshot === null) return undefined;
  const current = catalogue.find((cardType) => cardType.code === snapshot.code);
  return {
    code: snapshot.code,
    label: snapshot.label,
    requiredDocumentTypes: snapshot.requiredDocumentTypes,
    optionalDocumentTypes: allowedDocumentTypes(state).filter(
      (t) => !snapshot.requiredDocumentTypes.includes(t),
    ),
    allowedFormats: current?.allowedFormats ?? FILE_FORMATS,
    maxFilesPerType: snapshot.maxFilesPerType,
    maxFileSizeBytes: current?.maxFileSizeBytes ?? MAX_FILE_SIZE_BYTES,
  };
}

async function storeFile(
  ports: DossierServicePorts,
  catalogue: Catalogue,
  command: DossierCommandOf<'AttachDocument'>,
  state: DossierState,
): Promise<E.Either<DossierError, FileMetadata>> {
  const cardType = cardTypeDefinitionOf(catalogue, state);
  if (!cardType) return E.left(formatError([]));
  const { documentType, fileName, content } = command.payload;
  const existing = state.documents.filter((d) => d.documentType === documentType).length;
  const checked = checkUploadedFile({ fileName, bytes: content }, cardType, documentType, existing);
  if (E.isLeft(checked)) {
    return E.left(
      formatError(checked.left.map((problem) => ({ ...problem, field: `payload.${problem.field}` }))),
    );
  }
  // Stored durably before `decide` sees it, so the event appended after never points at nothing;
  // a refused append leaves an unreferenced blob that `collectUnreferencedBlobs` removes.
  const stored = await ports.blobStore.put(content);
  const { name, size, mediaType, format, sha256 } = checked.right;
  return E.right({ name, size, mediaType, format, sha256, storageKey: stored.key });
}

/**
 * Why `decide` refuses this command on this state before any costly value is fetched (with the
 * stand-ins), or undefined when it would go on: the answer a command with a new id gets.
 */
export function refusalOfNewCommand(
  command: DossierCommand,
  state: DossierState,
  base: DossierContext,
): DossierError | undefined {
  const decision = decideDossier(command, state, { ...base, ...PROVISIONAL });
  return E.isLeft(decision) ? decision.left : undefined;
}

/**
 * The `resolveContext` of the command handler: runs again on each retry with the state just
 * read. Costly values (numbers, stored files) are taken only for a command `decide` accepts;
 * numbers are reserved per dossier, so a retry reuses the same (R-01, R-36). A refusal found
 * on the way (a file that is not what its name says) is a Left, as `decide`'s are.
 */
export function contextResolver(
  ports: DossierServicePorts,
  catalogue: Catalogue,
  command: DossierCommand,
  dossierId: string,
  base: DossierContext,
  now: Date,
): (state: DossierState) => Promise<E.Either<DossierError, DossierContext>> {
  return async (state) => {
    // Refused anyway: `decide` gives the same refusal with the stand-ins, and nothing is taken.
    if (refusalOfNewCommand(command, state, base) !== undefined) return E.right({ ...base, ...PROVISIONAL });
    switch (command.type) {
      case 'CreateDraft':
      case 'SubmitPresaisie':
      case 'DuplicateDraft':
        return E.right({ ...base, draftNumber: (await reserveDraftNumber(ports.store, dossierId)) as Int });
      case 'TransmitDossier':
        return E.right({ ...base, dossierNumber: await reserveDossierNumber(ports.store, dossierId, now) });
      case 'AttachDocument':
        return E.map((file: FileMetadata): DossierContext => ({ ...base, file }))(
          await storeFile(ports, catalogue, command, state),
        );
      default:
        return E.right(base);
    }
  };
}
