import type { DossierCommandType } from './dossier-command';
import { DOSSIER_COMMAND_CODECS } from './dossier-command';

// One walker over the command codecs for every document generated from them: the command
// reference (docs/commands.md) and the HTTP example's OpenAPI schemas read the same fields.

/** One field of a command as the codecs declare it (nested objects flattened: `attestations.honour`). */
export interface PayloadField {
  readonly path: string;
  readonly required: boolean;
  /** The codec's name (`Siret`, `OptionalEmail`): what a generator maps to its own description. */
  readonly codec: string;
}

/** The envelope and payload fields of one command. */
export interface CommandFields {
  readonly dossierId: 'required' | 'optional' | 'absent';
  readonly payload: 'required' | 'optional' | 'absent';
  readonly fields: readonly PayloadField[];
}

/** The part of an io-ts codec the walker reads. */
interface Codec {
  readonly name: string;
}

type Tagged = {
  readonly _tag?: string;
  readonly name: string;
  readonly props?: Record<string, Codec>;
  readonly types?: readonly Codec[];
  readonly type?: unknown;
};

// Codecs whose `type` is not a wrapped object: a list's is its items', which are no field of the command.
const LEAVES = new Set([
  'InterfaceType',
  'PartialType',
  'IntersectionType',
  'ArrayType',
  'ReadonlyArrayType',
]);

// Wrappers (readonly, exact, a known-fields guard) validate the codec they hold: look through them.
function unwrap(codec: Codec): Tagged {
  let current = codec as unknown as Tagged;
  while (
    !LEAVES.has(current._tag ?? '') &&
    typeof current.type === 'object' &&
    current.type !== null &&
    'validate' in (current.type as object)
  ) {
    current = current.type as Tagged;
  }
  return current;
}

/** The fields of an object codec, nested objects flattened (`attestations.honour`). */
export function codecFields(codec: Codec, prefix = '', required = true): PayloadField[] {
  const inner = unwrap(codec);
  switch (inner._tag) {
    case 'IntersectionType':
      return (inner.types ?? []).flatMap((member) => codecFields(member, prefix, required));
    case 'InterfaceType':
    case 'PartialType':
      return Object.entries(inner.props ?? {}).flatMap(([key, field]) => {
        const path = `${prefix}${key}`;
        const isRequired = required && inner._tag === 'InterfaceType';
        const nested = unwrap(field)._tag;
        return nested === 'InterfaceType' || nested === 'PartialType' || nested === 'IntersectionType'
          ? codecFields(field, `${path}.`, isRequired)
          : [{ path, required: isRequired, codec: field.name }];
      });
    default:
      return [];
  }
}

/** The envelope and payload fields of one command, read from its codec. */
export function commandFields(type: DossierCommandType): CommandFields {
  const envelope = codecFields(DOSSIER_COMMAND_CODECS[type]);
  const find = (key: string) => envelope.find((f) => f.path === key || f.path.startsWith(`${key}.`));
  const dossierId = find('dossierId');
  const payloadFields = envelope.filter((f) => f.path.startsWith('payload.'));
  const payloadRequired = payloadFields.some((f) => f.required) || envelope.some((f) => f.path === 'payload');
  return {
    dossierId: dossierId === undefined ? 'absent' : dossierId.required ? 'required' : 'optional',
    payload: payloadFields.length === 0 ? 'absent' : payloadRequired ? 'required' : 'optional',
    fields: payloadFields.map((f) => ({ ...f, path: f.path.slice('payload.'.length) })),
  };
}
