import type { Pool } from 'pg';
import { migrateComponent } from '../component-migrations';
import { READ_MODELS_COMPONENT } from '@cartes-badges/domain/adapter';
import { READ_MODEL_MIGRATIONS } from './read-model-schema';

/**
 * Brings the list tables of a schema up to date: one transaction under an advisory lock (two
 * starters wait for each other), applying the steps not yet recorded in
 * `read_model_migrations`. Idempotent; a schema written by a newer library is refused.
 */
export function migrateReadModels(
  pool: Pool,
  schema: string,
): Promise<{ readonly from: number; readonly to: number }> {
  return migrateComponent(pool, schema, READ_MODELS_COMPONENT, READ_MODEL_MIGRATIONS);
}
