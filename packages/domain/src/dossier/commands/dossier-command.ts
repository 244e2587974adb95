import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describeValue, fieldError, fieldErrorsOf } from '../../identifiers';
import type { DossierError } from '../errors';
import { dossierError, formatError } from '../errors';
import { CreateDraft, DuplicateDraft, SubmitPresaisie } from './creation-commands';
import {
  AcceptPresaisie,
  AttachDocument,
  ChangeComment,
  ChangeContactEmail,
  ChangeCostLines,
  ChangeInternalReference,
  DeleteDraft,
  GiveAttestation,
  RefusePresaisie,
  RemoveDocument,
  SaveDraft,
  SelectProvider,
  TransmitDossier,
  WithdrawAttestation,
} from './draft-commands';
import {
  CancelDossier,
  CloseDossier,
  GrantFunding,
  RecordReimbursement,
  RefuseFunding,
  RequestComplements,
  StartInstruction,
  SubmitComplement,
} from './instruction-commands';
import { ErasePersonalData } from './erasure-commands';

/** Every dossier command codec, by type. */
export const DOSSIER_COMMAND_CODECS = {
  CreateDraft,
  SubmitPresaisie,
  DuplicateDraft,
  ChangeContactEmail,
  SelectProvider,
  ChangeInternalReference,
  ChangeCostLines,
  GiveAttestation,
  WithdrawAttestation,
  ChangeComment,
  SaveDraft,
  AttachDocument,
  RemoveDocument,
  AcceptPresaisie,
  RefusePresaisie,
  DeleteDraft,
  TransmitDossier,
  StartInstruction,
  RequestComplements,
  SubmitComplement,
  GrantFunding,
  RefuseFunding,
  RecordReimbursement,
  CloseDossier,
  CancelDossier,
  ErasePersonalData,
} as const;

/** The name of a dossier command. */
export type DossierCommandType = keyof typeof DOSSIER_COMMAND_CODECS;

/** Every dossier command name. */
export const DOSSIER_COMMAND_TYPES = Object.keys(DOSSIER_COMMAND_CODECS) as DossierCommandType[];

/** Any dossier command, as decoded. */
export type DossierCommand = {
  [K in DossierCommandType]: t.TypeOf<(typeof DOSSIER_COMMAND_CODECS)[K]>;
}[DossierCommandType];

/** The command of a given type. */
export type DossierCommandOf<K extends DossierCommandType> = Extract<DossierCommand, { type: K }>;

/** The commands that start a new dossier stream. */
export const CREATION_COMMAND_TYPES: readonly DossierCommandType[] = [
  'CreateDraft',
  'SubmitPresaisie',
  'DuplicateDraft',
];

/** True for CreateDraft, SubmitPresaisie and DuplicateDraft. */
export function isCreationCommand(
  command: DossierCommand,
): command is DossierCommandOf<'CreateDraft' | 'SubmitPresaisie' | 'DuplicateDraft'> {
  return CREATION_COMMAND_TYPES.includes(command.type);
}

// the employer is fixed at creation. A payload that tries to set it is refused by name
// rather than silently ignored, so the caller learns to create a new dossier instead.
const EMPLOYER_FIELDS = ['siret', 'siren', 'establishment', 'employer'];

/**
 * Decodes a command from outside: a malformed one is refused with the failing fields
 * and what was expected there, before anything is read or written.
 */
export function decodeDossierCommand(input: unknown): E.Either<DossierError, DossierCommand> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return E.left(
      formatError([
        fieldError('COMMAND_FORMAT', 'command', `Commande attendue (objet), reçu ${describeValue(input)}`),
      ]),
    );
  }
  const { type, payload } = input as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(DOSSIER_COMMAND_CODECS, type)) {
    return E.left(
      formatError([
        fieldError(
          'UNKNOWN_COMMAND',
          'type',
          `Type de commande inconnu (reçu : ${describeValue(type)}) : attendu ${DOSSIER_COMMAND_TYPES.join(', ')}`,
        ),
      ]),
    );
  }
  const commandType = type as DossierCommandType;
  if (!CREATION_COMMAND_TYPES.includes(commandType) && typeof payload === 'object' && payload !== null) {
    const employerField = EMPLOYER_FIELDS.find((key) => Object.prototype.hasOwnProperty.call(payload, key));
    if (employerField) {
      return E.left(
        dossierError(
          'EMPLOYER_IMMUTABLE',
          "L'employeur d'un dossier n'est pas modifiable : en cas d'erreur, merci de saisir un nouveau dossier",
          { field: `payload.${employerField}`, tab: 'Employeur' },
        ),
      );
    }
  }
  const codec = DOSSIER_COMMAND_CODECS[commandType] as t.Type<DossierCommand, unknown, unknown>;
  const decoded = codec.decode(input);
  return E.isRight(decoded) ? decoded : E.left(formatError(fieldErrorsOf(decoded.left)));
}
