import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProjectionDefinition, RecordedEvent } from '@cartes-badges/eventsourcing';
import { defineProjection } from '@cartes-badges/eventsourcing';
import { badInput, messageOf, notFound } from '../errors';

/** An analyst's module, loaded: its projection and, optionally, how to turn the result into rows. */
export interface LoadedProjection {
  readonly file: string;
  readonly definition: ProjectionDefinition<unknown>;
  /** `toRows(state)` exported by the module: the rows to print or export (CSV). */
  readonly toRows?: (state: unknown) => unknown;
}

const SHAPE =
  'attendu un module qui exporte (par défaut ou sous le nom « projection ») le résultat de defineProjection({ name, version, init, handlers | evolve })';

type ProjectionLike = {
  name?: unknown;
  version?: unknown;
  init?: unknown;
  evolve?: unknown;
  handlers?: unknown;
  filter?: unknown;
};

// tsImport gives an ES namespace; a CommonJS or transpiled TypeScript module may nest its
// exports one level down, under `default`.
function exportsOf(namespace: Record<string, unknown>): Record<string, unknown> {
  const inner = namespace.default as Record<string, unknown> | undefined;
  if (
    inner &&
    typeof inner === 'object' &&
    ('projection' in inner || 'default' in inner) &&
    !('init' in inner)
  ) {
    return { ...inner, ...namespace, default: inner.default ?? namespace.default };
  }
  return namespace;
}

/** Imports an analyst's module (JS or TS, CommonJS or ESM): its exports; one-line errors. */
export async function importProjectionModule(file: string): Promise<Record<string, unknown>> {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw notFound(`Module de projection introuvable : ${resolved}`);
  let namespace: Record<string, unknown>;
  try {
    const { tsImport } = await import('tsx/esm/api');
    namespace = (await tsImport(pathToFileURL(resolved).href, {
      parentURL: pathToFileURL(__filename).href,
    })) as Record<string, unknown>;
  } catch (error) {
    throw badInput(`Le module ${file} ne se charge pas : ${messageOf(error)}`);
  }
  return exportsOf(namespace);
}

/** Loads a projection module (JS or TS, CommonJS or ESM) and checks its shape; one-line errors. */
export async function loadProjection(file: string): Promise<LoadedProjection> {
  const resolved = path.resolve(file);
  const exported = await importProjectionModule(file);
  const candidate = (exported.projection ?? exported.default) as ProjectionLike | undefined;
  if (typeof candidate !== 'object' || candidate === null)
    throw badInput(`${file} : aucune projection exportée ; ${SHAPE}`);
  if (typeof candidate.name !== 'string' || candidate.name === '')
    throw badInput(`${file} : la projection n'a pas de nom (name) ; ${SHAPE}`);
  if (typeof candidate.init !== 'function')
    throw badInput(`${file} : init doit être une fonction ; ${SHAPE}`);
  let definition: ProjectionDefinition<unknown>;
  try {
    definition =
      typeof candidate.evolve === 'function'
        ? (candidate as ProjectionDefinition<unknown>)
        : defineProjection({
            ...(candidate as object),
            version: candidate.version ?? 1,
          } as Parameters<typeof defineProjection<unknown>>[0]);
  } catch (error) {
    throw badInput(`${file} : ${messageOf(error)} ; ${SHAPE}`);
  }
  const toRows = exported.toRows;
  if (toRows !== undefined && typeof toRows !== 'function')
    throw badInput(`${file} : toRows doit être une fonction`);
  return { file: resolved, definition, ...(toRows ? { toRows: toRows as (state: unknown) => unknown } : {}) };
}

/** An error thrown by the analyst's code, with the event it failed on. */
export class ProjectionFailure extends Error {
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `La projection « ${projection} » a échoué${event ? ` sur ${event.type} (flux ${event.streamId}, version ${event.version})` : ''} : ${messageOf(cause)}`,
    );
    this.name = 'ProjectionFailure';
  }
}

/** The same projection, whose failures name the event they happened on. */
export function guarded(definition: ProjectionDefinition<unknown>): ProjectionDefinition<unknown> {
  return {
    ...definition,
    init: () => {
      try {
        return definition.init();
      } catch (error) {
        throw new ProjectionFailure(definition.name, undefined, error);
      }
    },
    evolve: (state, event) => {
      try {
        return definition.evolve(state, event);
      } catch (error) {
        throw new ProjectionFailure(definition.name, event, error);
      }
    },
  };
}
