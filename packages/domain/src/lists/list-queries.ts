import * as E from 'fp-ts/Either';
import type { DossierActor } from '../dossier/commands/actor';
import type { DossierError } from '../dossier/errors';
import { dossierError, formatError } from '../dossier/errors';
import { Uuid } from '../dossier/fields';
import { fieldError } from '../identifiers';
import type { Attachments } from '../ports';
import { checkedActor } from '../service/actor-identity';
import type { ListReadModel } from './list-read-model';
import type { ListName, ListRow } from './list-row';
import type { ListFilters, ListSort } from './list-request';
import { listFieldLabel } from './list-field-labels';
import { decodeListRequest, LIST_PAGE_SIZE } from './list-request';
import type { ListScope } from './list-scope';
import { scopeOfActor } from './list-scope';
import { searchTerms } from './normalise-search';
import { DEFAULT_SORT, scopeAllows } from './row-query';
import type { ListRowView } from './row-view';
import { toRowView } from './row-view';

/** What `list` takes: who asks, the simple and advanced search, the order and the page (from 1). */
export interface ListParams {
  readonly actor: DossierActor;
  readonly search?: string;
  readonly filters?: ListFilters;
  readonly sort?: ListSort;
  readonly page?: number;
}

/** one page of a list and the count of every row matching ("41 résultats"). */
export interface ListPage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: typeof LIST_PAGE_SIZE;
  readonly pages: number;
  readonly rows: readonly ListRowView[];
}

/** What `row` takes: who asks, and the dossier's id or the number its row shows. */
export interface RowParams {
  readonly actor: DossierActor;
  /** The dossier id (uuid), or the number shown in the list (draft number, or dossier number once transmitted). */
  readonly id: string;
}

/** The query side of one list. */
export interface ListQueries {
  readonly name: ListName;
  /** a page of the rows the actor may see; bad input is a FORMAT error naming the field. */
  list(params: ListParams): Promise<E.Either<DossierError, ListPage>>;
  /**
   * One row of this list, by dossier id or shown number, with the same scoping as `list`
   * a row the actor may not see is DOSSIER_NOT_FOUND, as one that does not exist.
   */
  row(params: RowParams): Promise<E.Either<DossierError, ListRowView>>;
}

/** Who a list believes beyond the employer attachments (as the dossier service does). */
export interface ListIdentityOptions {
  /** Which provider each provider user belongs to; defaults to the employers' `attachments`. */
  readonly providerAttachments?: Attachments;
  /** Whether role `system` (every row) may be asked for; off by default. */
  readonly allowSystemActor?: boolean;
}

const NOT_IN_LIST = (list: ListName) =>
  dossierError(
    'DOSSIER_NOT_FOUND',
    list === 'brouillons'
      ? 'Brouillon introuvable dans vos brouillons'
      : 'Dossier introuvable dans vos dossiers',
    { field: 'id' },
  );

/**
 * The queries of one list over its read model. An employer's scope comes from the Attachments
 * port (the same source as the commands' R-04 checks), so a list never shows what the user
 * could not open; a provider user sees only for a provider it is attached to; role `system`
 * only where allowed.
 */
export function createListQueries(
  name: ListName,
  readModel: ListReadModel,
  attachments: Attachments,
  identityOptions: ListIdentityOptions = {},
): ListQueries {
  const identity = {
    providerAttachments: identityOptions.providerAttachments ?? attachments,
    allowSystemActor: identityOptions.allowSystemActor === true,
  };
  // who may see what, the same for a page and for one row.
  const scopeOf = async (rawActor: unknown): Promise<E.Either<DossierError, ListScope>> => {
    const actor = await checkedActor(rawActor, identity);
    if (E.isLeft(actor)) return actor;
    return E.right(
      scopeOfActor(
        actor.right,
        actor.right.role === 'adherent' ? await attachments.ofUser(actor.right.userId) : [],
      ),
    );
  };
  return {
    name,
    async row(params) {
      const { actor: rawActor, id } = params ?? ({} as RowParams);
      const scope = await scopeOf(rawActor);
      if (E.isLeft(scope)) return scope;
      if (typeof id !== 'string' || id.trim() === '' || id.length > 50) {
        return E.left(
          formatError([
            fieldError('ROW_ID', 'id', 'Identifiant ou numéro de dossier attendu (ex. 10001, 2512AF000408)'),
          ]),
        );
      }
      const wanted = id.trim();
      let row: ListRow | undefined;
      if (E.isRight(Uuid.check(wanted))) {
        row = (await readModel.getRows([wanted])).get(wanted);
      } else {
        // The number filter is a prefix match: ask for the rows starting with it, keep the exact one.
        const found = await readModel.query({
          scope: scope.right,
          terms: [],
          filters: { number: wanted },
          sort: DEFAULT_SORT,
          offset: 0,
          limit: LIST_PAGE_SIZE,
        });
        row = found.rows.find((r) => r.number.toUpperCase() === wanted.toUpperCase());
      }
      if (row === undefined || !row.listed || !scopeAllows(scope.right, row))
        return E.left(NOT_IN_LIST(name));
      return E.right(toRowView(name, row, scope.right));
    },
    async list(params) {
      const { actor: rawActor, ...rest } = params ?? ({} as ListParams);
      const scoped = await scopeOf(rawActor);
      if (E.isLeft(scoped)) return scoped;
      const scope = scoped.right;
      const request = decodeListRequest(rest);
      if (E.isLeft(request)) return E.left(formatError(request.left, listFieldLabel));
      const { search, filters = {}, sort = DEFAULT_SORT, page = 1 } = request.right;
      const result = await readModel.query({
        scope,
        terms: searchTerms(search),
        filters,
        sort,
        offset: (page - 1) * LIST_PAGE_SIZE,
        limit: LIST_PAGE_SIZE,
      });
      return E.right({
        total: result.total,
        page,
        pageSize: LIST_PAGE_SIZE,
        pages: Math.ceil(result.total / LIST_PAGE_SIZE),
        rows: result.rows.map((row) => toRowView(name, row, scope)),
      });
    },
  };
}
