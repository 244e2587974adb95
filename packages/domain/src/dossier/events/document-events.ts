import * as t from 'io-ts';
import { FileData as FileMetadata } from './reference-data';
import { Uuid } from '../fields';

/** R-19..R-22: a file was attached under a document type; its bytes live in the blob store. */
export const DocumentAttached = t.type(
  {
    type: t.literal('DocumentAttached'),
    data: t.type({ documentId: Uuid, documentType: t.string, file: FileMetadata }),
  },
  'DocumentAttached',
);
/** A document was attached. */
export type DocumentAttached = t.TypeOf<typeof DocumentAttached>;

/** a file was removed from the draft. */
export const DocumentRemoved = t.type(
  { type: t.literal('DocumentRemoved'), data: t.type({ documentId: Uuid, documentType: t.string }) },
  'DocumentRemoved',
);
/** A document was removed. */
export type DocumentRemoved = t.TypeOf<typeof DocumentRemoved>;
