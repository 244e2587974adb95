/**
 * A format error tied to one field: the value cannot be what the field holds. The
 * command carrying it is rejected and nothing is written. `message` is French, as the portal
 * shows it; `code` is stable for programs.
 */
export interface FieldError {
  readonly code: string;
  readonly field: string;
  readonly kind: 'format';
  readonly message: string;
}

/** What a field check found wrong, before it is tied to a field. */
export interface FieldProblem {
  readonly code: string;
  readonly message: string;
}

/** Builds a format `FieldError`. */
export const fieldError = (code: string, field: string, message: string): FieldError => ({
  code,
  field,
  kind: 'format',
  message,
});
