import type { TabName } from '../tabs';

/** the three kinds of message. */
export type ValidationKind = 'required' | 'format' | 'rule';

/** One validation message, tied to a field of a tab. */
export interface ValidationMessage {
  readonly code: string;
  readonly tab: TabName;
  readonly field: string;
  readonly kind: ValidationKind;
  /** French, as the portal shows it under the field. */
  readonly message: string;
}

/** The portal's message for an empty required field. */
export const SAISIE_OBLIGATOIRE = 'Saisie obligatoire';

/** A "Saisie obligatoire" message. */
export function required(
  tab: TabName,
  field: string,
  message: string = SAISIE_OBLIGATOIRE,
): ValidationMessage {
  return { code: 'REQUIRED', tab, field, kind: 'required', message };
}

/** A business-rule message (règle de gestion). */
export function rule(code: string, tab: TabName, field: string, message: string): ValidationMessage {
  return { code, tab, field, kind: 'rule', message };
}
