// The list read-model authors' door, `@cartes-badges/domain/adapter`: what a SQL store's
// Brouillons and Dossiers tables share whatever the dialect and driver (the SQLite and PostgreSQL
// packages both use it): the columns of a row, the query as SQL clauses, the last change of each
// dossier in a commit, the checkpoint as two nullable columns, the list names a table may hold.
// Application code never needs these names; they live off the root so that it stays the rules'.
export { lastChangeOfEach } from './last-change-of-each';
export {
  LIST_ROW_COLUMNS,
  listRowColumns,
  type ListRowColumn,
  type ListRowColumns,
} from './list-row-columns';
export {
  LIST_CHECKPOINTS_TABLE,
  LIST_QUERY_INDEXES,
  READ_MODELS_COMPONENT,
  checkListName,
  listTableOf,
} from './list-tables';
export { checkpointColumns, checkpointFromColumns, type CheckpointColumns } from './checkpoint-columns';
export { rowQueryClauses, type RowQueryClauses, type SqlDialect } from './row-query-clauses';
