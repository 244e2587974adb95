import * as E from 'fp-ts/Either';
import type { DossierActor } from '../dossier/commands/actor';
import type { DossierError } from '../dossier/errors';
import { formatError } from '../dossier/errors';
import type { Attachments } from '../ports';
import { checkedActor } from '../service/actor-identity';
import type { ListReadModel } from './list-read-model';
import type { ListName } from './list-row';
import type { ListFilters, ListSort } from './list-request';
import { decodeListRequest, LIST_PAGE_SIZE } from './list-request';
import { scopeOfActor } from './list-scope';
import { searchTerms } from './normalise-search';
import { DEFAULT_SORT } from './row-query';
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

/** The query side of one list. */
export interface ListQueries {
  readonly name: ListName;
  /** a page of the rows the actor may see; bad input is a FORMAT error naming the field. */
  list(params: ListParams): Promise<E.Either<DossierError, ListPage>>;
}

/** Who a list believes beyond the employer attachments (as the dossier service does). */
export interface ListIdentityOptions {
  /** Which provider each provider user belongs to; defaults to the employers' `attachments`. */
  readonly providerAttachments?: Attachments;
  /** Whether role `system` (every row) may be asked for; off by default. */
  readonly allowSystemActor?: boolean;
}

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
  return {
    name,
    async list(params) {
      const { actor: rawActor, ...rest } = params ?? ({} as ListParams);
      const actor = await checkedActor(rawActor, identity);
      if (E.isLeft(actor)) return actor;
      const request = decodeListRequest(rest);
      if (E.isLeft(request)) return E.left(formatError(request.left));
      const { search, filters = {}, sort = DEFAULT_SORT, page = 1 } = request.right;
      const scope = scopeOfActor(
        actor.right,
        actor.right.role === 'adherent' ? await attachments.ofUser(actor.right.userId) : [],
      );
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
