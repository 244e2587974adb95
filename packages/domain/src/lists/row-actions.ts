import type { ListName, ListRow } from './list-row';
import type { ListScope } from './list-scope';

/** What a row lets its viewer do (the icons at the end of a line). */
export type RowAction = 'resume' | 'duplicate' | 'delete' | 'accept' | 'refuse' | 'consult';

/**
 * The actions a row offers its viewer:
 * - on a draft, the employer resumes, duplicates or deletes it;
 * - on a pré-saisie awaiting acceptance, the employer consults (Introduction), accepts or
 *   refuses; R-32: once accepted it is a draft, which can still be refused; R-39: a pré-saisie
 *   is never deleted (refusing it tells its provider), so it offers no "delete";
 * - on the dossiers list, anyone who sees the row consults it;
 * - a provider consults its pré-saisies and their outcome.
 */
export function rowActions(list: ListName, row: ListRow, scope: ListScope): readonly RowAction[] {
  if (list === 'dossiers' || scope.kind !== 'employer') return ['consult'];
  if (row.status === 'presaisie') return ['consult', 'accept', 'refuse'];
  if (row.status === 'draft') {
    return row.providerSiren !== null ? ['resume', 'duplicate', 'refuse'] : ['resume', 'duplicate', 'delete'];
  }
  return ['consult'];
}
