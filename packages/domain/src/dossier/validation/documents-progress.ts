import type { DossierState } from '../state';

/** how many required document types have at least one file, out of how many. */
export interface DocumentsProgress {
  readonly provided: number;
  readonly required: number;
  readonly missingTypes: readonly string[];
  /** "X/Y types de documents obligatoires à transmettre". */
  readonly label: string;
  readonly complete: boolean;
}

/** The Documents tab's counter. */
export function documentsProgress(state: DossierState): DocumentsProgress {
  const requiredTypes = state.cardType?.requiredDocumentTypes ?? [];
  const missingTypes = requiredTypes.filter((type) => !state.documents.some((d) => d.documentType === type));
  const provided = requiredTypes.length - missingTypes.length;
  return {
    provided,
    required: requiredTypes.length,
    missingTypes,
    label: `${provided}/${requiredTypes.length} types de documents obligatoires à transmettre`,
    complete: missingTypes.length === 0,
  };
}
