import type { DossierCommandType, PayloadField } from '@cartes-badges/domain';
import {
  ATTESTATIONS,
  COST_NATURE,
  commandFields,
  defaultCatalogue,
  DOSSIER_COMMAND_TYPES,
  fieldLabel,
  MAX_COST_LINES,
  MAX_QUANTITY,
} from '@cartes-badges/domain';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1), as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const text = (maxLength: number, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  maxLength,
  ...extra,
});
// SIREN/SIRET as typed: digits with spaces, dots or hyphens between them; the check
// digits are the library's to verify, with a French message naming the field.
const typedDigits = (digits: string): JsonSchema => ({
  type: 'string',
  pattern: `^[0-9](?:[ .-]?[0-9]){${digits}}$`,
});
const costLine: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    nature: nullable({ const: COST_NATURE }),
    unitAmountCents: nullable({ type: 'integer', minimum: 0 }),
    unitAmount: { type: 'string', description: 'Montant unitaire tel que saisi : "52,50", "1 234,56 €"' },
    quantity: nullable({ type: 'integer', minimum: 1, maximum: MAX_QUANTITY }),
  },
};
const uuid: JsonSchema = { type: 'string', format: 'uuid', pattern: '^[0-9a-f-]{36}$' };

/**
 * The JSON Schema of each payload codec, by the codec's name (the walker's `codec`). A codec the
 * commands start using without a row here makes the OpenAPI generation throw (and its test fail),
 * so a new field cannot go undescribed. Limits are the codecs'; rules they alone can check
 * (Luhn keys, catalogue types per card) stay theirs, with French messages.
 */
const CODEC_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Siret: typedDigits('13'),
  ProviderSearch: { anyOf: [typedDigits('8'), typedDigits('13')] },
  CardTypeChoice: { enum: defaultCatalogue.map((card) => card.code) },
  CostLineList: { type: 'array', maxItems: MAX_COST_LINES, items: costLine },
  OptionalEmail: nullable(text(200)),
  InternalReference: nullable(text(15)),
  Comment: nullable(text(500)),
  Attestation: { enum: [...ATTESTATIONS] },
  boolean: { type: 'boolean' },
  DocumentType: text(100, { minLength: 1 }),
  FileName: text(255, { minLength: 1 }),
  Uuid: uuid,
  FileContent: {
    type: 'string',
    contentEncoding: 'base64',
    pattern: '^[A-Za-z0-9+/]*={0,2}$',
    description: 'Le fichier, en base64 (20 Mo au plus, R-20)',
  },
  OptionalReason: nullable(text(1000)),
  Reason: text(1000, { minLength: 1 }),
  AmountGrantedCents: { type: 'integer', minimum: 1 },
  AmountPaidCents: { type: 'integer', minimum: 1 },
};

// Older clients of this template sent the file as `contentBase64`: still taken (renamed to
// `content` before the library decodes it), documented as deprecated, never both at once.
/** Payload field aliases the service renames before the library sees the command. */
export const PAYLOAD_ALIASES: Readonly<Record<string, string>> = { contentBase64: 'content' };

function fieldSchema(command: DossierCommandType, field: PayloadField): JsonSchema {
  const schema = CODEC_SCHEMAS[field.codec];
  if (schema === undefined)
    throw new Error(`openapi: no JSON Schema for codec ${field.codec} (${command}.payload.${field.path})`);
  return { title: fieldLabel(`payload.${field.path}`), ...schema };
}

interface ObjectNode {
  readonly properties: Record<string, JsonSchema | ObjectNode>;
  readonly required: string[];
}

const isNode = (value: JsonSchema | ObjectNode): value is ObjectNode =>
  typeof (value as ObjectNode).required === 'object' && !('type' in value);

// The walker flattens nested objects (`attestations.honour`): nest them back. A nested object
// is required when one of its fields is (the walker marks a field required only when its
// parents are).
function nest(command: DossierCommandType, fields: readonly PayloadField[]): ObjectNode {
  const root: ObjectNode = { properties: {}, required: [] };
  for (const field of fields) {
    const parts = field.path.split('.');
    let node = root;
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      const name = part;
      if (field.required && !node.required.includes(name)) node.required.push(name);
      if (last) node.properties[name] = fieldSchema(command, field);
      else {
        const next = node.properties[name];
        node =
          next !== undefined && isNode(next)
            ? next
            : (node.properties[name] = { properties: {}, required: [] });
      }
    }
  }
  return root;
}

// Unknown fields are refused: every object is closed. An aliased field is required as
// itself or as its alias, exactly one of them.
function objectSchema(node: ObjectNode): JsonSchema {
  const properties: Record<string, JsonSchema> = Object.fromEntries(
    Object.entries(node.properties).map(([k, v]) => [k, isNode(v) ? objectSchema(v) : v]),
  );
  const aliases = Object.entries(PAYLOAD_ALIASES).filter(([, field]) => field in properties);
  for (const [alias, field] of aliases)
    properties[alias] = { ...properties[field], deprecated: true, description: `Ancien nom de \`${field}\`` };
  const aliased = aliases.filter(([, field]) => node.required.includes(field));
  const required = node.required.filter((name) => !aliased.some(([, field]) => field === name));
  return {
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(aliased.length > 0
      ? {
          allOf: aliased.map(([alias, field]) => ({ oneOf: [{ required: [field] }, { required: [alias] }] })),
        }
      : {}),
  };
}

/** The JSON Schema of one command as POST /commands takes it (no `actor`: the server sets it). */
export function commandSchema(type: DossierCommandType): JsonSchema {
  const { dossierId, payload, fields } = commandFields(type);
  const required = ['type', 'commandId'];
  if (dossierId === 'required') required.push('dossierId');
  if (payload === 'required') required.push('payload');
  return {
    title: type,
    type: 'object',
    additionalProperties: false,
    properties: {
      type: { const: type },
      commandId: { type: 'string', minLength: 1, maxLength: 200 },
      ...(dossierId !== 'absent' ? { dossierId: uuid } : {}),
      ...(payload !== 'absent' ? { payload: objectSchema(nest(type, fields)) } : {}),
    },
    required,
  };
}

/** Every command's schema, keyed by its type (the OpenAPI document's components). */
export function commandSchemas(): Record<DossierCommandType, JsonSchema> {
  return Object.fromEntries(DOSSIER_COMMAND_TYPES.map((type) => [type, commandSchema(type)])) as Record<
    DossierCommandType,
    JsonSchema
  >;
}
