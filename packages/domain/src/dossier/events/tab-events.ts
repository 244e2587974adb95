import * as t from 'io-ts';
import { Email } from '../../identifiers';
import { Erased } from './erasure-events';
import { ProviderData as ProviderSnapshot } from './reference-data';
import { Comment, InternalReference } from '../fields';
import { CostLine } from './cost-line';

/** the contact email of the Employeur tab was entered, changed or cleared (null). */
export const ContactEmailChanged = t.type(
  { type: t.literal('ContactEmailChanged'), data: t.type({ email: t.union([Email, Erased, t.null]) }) },
  'ContactEmailChanged',
);
/** The contact email changed. */
export type ContactEmailChanged = t.TypeOf<typeof ContactEmailChanged>;

/** a provider was chosen by SIREN/SIRET; its SIRENE data is kept as a snapshot. */
export const ProviderSelected = t.type(
  { type: t.literal('ProviderSelected'), data: t.type({ provider: ProviderSnapshot }) },
  'ProviderSelected',
);
/** A provider was selected. */
export type ProviderSelected = t.TypeOf<typeof ProviderSelected>;

/** the company's internal reference changed (null: cleared). */
export const InternalReferenceChanged = t.type(
  { type: t.literal('InternalReferenceChanged'), data: t.type({ internalReference: InternalReference }) },
  'InternalReferenceChanged',
);
/** The internal reference changed. */
export type InternalReferenceChanged = t.TypeOf<typeof InternalReferenceChanged>;

/** the cost lines were entered or changed (schema v2: amounts in integer cents). */
export const CostLinesChanged = t.type(
  { type: t.literal('CostLinesChanged'), data: t.type({ lines: t.array(CostLine) }) },
  'CostLinesChanged',
);
/** The cost lines changed. */
export type CostLinesChanged = t.TypeOf<typeof CostLinesChanged>;

/** the comment for the case manager changed (null: cleared). */
export const CommentChanged = t.type(
  { type: t.literal('CommentChanged'), data: t.type({ comment: Comment }) },
  'CommentChanged',
);
/** The comment changed. */
export type CommentChanged = t.TypeOf<typeof CommentChanged>;
