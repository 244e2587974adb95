import type { ListName } from '../lists/list-row';

/** The component under which the list tables record their migrations. */
export const READ_MODELS_COMPONENT = 'read-models';

/** The table holding each list's checkpoint, written in the same transaction as its rows. */
export const LIST_CHECKPOINTS_TABLE = 'list_checkpoints';

/** The table holding one list's rows. */
export function listTableOf(list: ListName): string {
  return `list_rows_${list}`;
}

/**
 * The query indexes of a list's table (name suffix, columns), each partial on listed rows: they
 * hold only what queries can return, unlisted rows (drafts kept by the Dossiers list until
 * transmitted) cost nothing to the pages. Each ends with the default sort key so that a scope's
 * first page is read in order, without a sort.
 */
export const LIST_QUERY_INDEXES: readonly (readonly [suffix: string, columns: string])[] = [
  ['siret', 'siret, number_key, dossier_id'],
  ['provider', 'provider_siren, number_key, dossier_id'],
  ['siren', 'siren, number_key'],
  ['number', 'number_key, dossier_id'],
  ['status', 'status, number_key'],
  ['card', 'card_type_code, number_key'],
  ['created', 'created_at, dossier_id'],
  ['updated', 'updated_at, dossier_id'],
  ['transmitted', 'transmitted_key, dossier_id'],
];

const LISTS: readonly ListName[] = ['brouillons', 'dossiers'];

/** Throws, naming the option and the factory, unless `list` is one a table can hold. */
export function checkListName(factory: string, list: unknown): asserts list is ListName {
  if (!LISTS.includes(list as ListName)) {
    throw new Error(`${factory}: list must be 'brouillons' or 'dossiers' (got ${JSON.stringify(list)})`);
  }
}
