import {
  EstablishmentSnapshot as EstablishmentCodec,
  FileMetadata as FileCodec,
  ProviderSnapshot as ProviderCodec,
} from '../../ports';
import { eventDataCodec } from './json-data';

/** the INSEE establishment as kept in events. */
export const EstablishmentData = eventDataCodec(EstablishmentCodec);
/** the SIRENE provider as kept in events. */
export const ProviderData = eventDataCodec(ProviderCodec);
/** a file's metadata as kept in events. */
export const FileData = eventDataCodec(FileCodec);
