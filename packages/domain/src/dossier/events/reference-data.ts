import {
  EstablishmentSnapshot as EstablishmentCodec,
  FileMetadata as FileCodec,
  ProviderSnapshot as ProviderCodec,
} from '../../ports';

/** the INSEE establishment as kept in events. */
export const EstablishmentData = EstablishmentCodec;
/** the SIRENE provider as kept in events. */
export const ProviderData = ProviderCodec;
/** a file's metadata as kept in events. */
export const FileData = FileCodec;
