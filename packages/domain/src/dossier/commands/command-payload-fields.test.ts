// The fields of each command, as docs/commands.md and the HTTP example's schemas list them:
// which commands name a dossier, which carry a payload, and each field's path, whether it must
// be there, and its codec. Written from the command reference, not read from the walker.
import * as t from 'io-ts';
import { codecFields, commandFields } from './command-payload-fields';
import type { DossierCommandType } from './dossier-command';
import { DOSSIER_COMMAND_TYPES } from './dossier-command';

/** `dossierId payload | field! codec, field? codec` ('!' required, '?' optional). */
const REFERENCE: Record<DossierCommandType, string> = {
  CreateDraft: 'optional required | siret! Siret, cardType! CardTypeChoice',
  SubmitPresaisie:
    'optional required | siret! Siret, cardType! CardTypeChoice, costLines! CostLineList, contactEmail? OptionalEmail, comment? Comment',
  DuplicateDraft: 'optional required | sourceDossierId! Uuid',
  ChangeContactEmail: 'required required | email! OptionalEmail',
  SelectProvider: 'required required | search! ProviderSearch',
  ChangeInternalReference: 'required required | internalReference! InternalReference',
  ChangeCostLines: 'required required | lines! CostLineList',
  GiveAttestation: 'required required | attestation! Attestation',
  WithdrawAttestation: 'required required | attestation! Attestation',
  ChangeComment: 'required required | comment! Comment',
  SaveDraft:
    'required optional | contactEmail? OptionalEmail, providerSearch? ProviderSearch, internalReference? InternalReference, ' +
    'costLines? CostLineList, comment? Comment, attestations.honour? boolean, attestations.generalConditions? boolean, ' +
    'attestations.supportingDocuments? boolean',
  AttachDocument:
    'required required | documentType! DocumentType, fileName! FileName, content! FileContent, documentId? Uuid',
  RemoveDocument: 'required required | documentId! Uuid',
  AcceptPresaisie: 'required absent | ',
  RefusePresaisie: 'required optional | reason? OptionalReason',
  DeleteDraft: 'required absent | ',
  TransmitDossier: 'required absent | ',
  StartInstruction: 'required absent | ',
  RequestComplements: 'required required | message! Reason',
  SubmitComplement: 'required optional | comment? OptionalReason',
  GrantFunding: 'required required | amountGrantedCents! AmountGrantedCents',
  RefuseFunding: 'required required | reason! Reason',
  RecordReimbursement: 'required required | amountPaidCents! AmountPaidCents',
  CloseDossier: 'required absent | ',
  CancelDossier: 'required optional | reason? OptionalReason',
  ErasePersonalData: 'required required | reason! Reason, force? boolean',
};

function described(type: DossierCommandType): string {
  const { dossierId, payload, fields } = commandFields(type);
  const list = fields.map((f) => `${f.path}${f.required ? '!' : '?'} ${f.codec}`).join(', ');
  return `${dossierId} ${payload} | ${list}`;
}

describe('commandFields', () => {
  it.each(DOSSIER_COMMAND_TYPES.map((type) => [type]))(
    'R-42 lists the envelope and payload fields of %s as the command reference does',
    (type) => {
      expect(described(type)).toBe(REFERENCE[type]);
    },
  );
});

describe('codecFields', () => {
  const Inner = t.type({ a: t.string, b: t.partial({ c: t.number }) }, 'Inner');

  it('R-42 flattens nested objects; a field is required only when every object around it requires it', () => {
    const codec = t.intersection([
      t.type({ top: t.string, nested: t.exact(t.partial({ deep: Inner })) }),
      t.partial({ loose: Inner }),
    ]);
    expect(codecFields(codec).map((f) => `${f.path}${f.required ? '!' : '?'} ${f.codec}`)).toEqual([
      'top! string',
      'nested.deep.a? string',
      'nested.deep.b.c? number',
      'loose.a? string',
      'loose.b.c? number',
    ]);
  });

  it('R-42 looks through readonly and exact wrappers and prefixes the paths', () => {
    const codec = t.readonly(t.exact(t.type({ x: t.readonly(t.type({ y: t.boolean })) })));
    expect(codecFields(codec, 'payload.')).toEqual([
      { path: 'payload.x.y', required: true, codec: 'boolean' },
    ]);
    expect(codecFields(codec, '', false)).toEqual([{ path: 'x.y', required: false, codec: 'boolean' }]);
  });

  it('R-42 keeps a list as one field, even a list of objects (its items are not fields of the command)', () => {
    const codec = t.type({
      lines: t.readonlyArray(Inner),
      tags: t.array(t.string),
      pair: t.readonly(t.array(Inner)),
    });
    expect(codecFields(codec).map((f) => `${f.path} ${f.codec}`)).toEqual([
      'lines ReadonlyArray<Inner>',
      'tags Array<string>',
      'pair Readonly<Array<Inner>>',
    ]);
  });

  it('R-42 finds no field in a codec that is not an object', () => {
    expect(codecFields(t.string)).toEqual([]);
    expect(codecFields(t.union([Inner, t.null]))).toEqual([]);
  });
});
