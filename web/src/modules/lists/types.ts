/**
 * The lists API as the web sees it (技术需求, 人才合作需求, 科技成果): its routes
 * typed by the server's contract (src/modules/lists/contract.ts), the
 * contract's types and code values (machine.ts, constants.ts), and what only
 * the web has.
 *
 *   draft ──submit──▶ submitted ──publish──▶ published ──start──▶ in_progress
 *   closed / expired ──reopen──▶ published; withdraw and reject go back to draft.
 */

import { LIST_KINDS, type ListKind } from '@server/modules/lists/constants.ts';
import type {
  LIST_INPUTS,
  listItemPage,
  listItemsQuery,
  listItemView,
  newItemDefaults,
  transitionRequest,
} from '@server/modules/lists/contract.ts';
import type { UpdateOf } from '@server/modules/registry/contract.ts';
import type { z } from 'zod';
import type { BodyOf, QueryOf } from '../../app/api.ts';

type Inputs = typeof LIST_INPUTS;

export type ListRoutes = {
  'GET /api/lists/:kind': { query: typeof listItemsQuery; reply: typeof listItemPage };
  'GET /api/lists/:kind/defaults': { reply: typeof newItemDefaults };
  'GET /api/lists/:kind/:id': { reply: typeof listItemView };
  'POST /api/lists/:kind': { body: Inputs[ListKind]; reply: typeof listItemView };
  'PATCH /api/lists/:kind/:id': {
    body: UpdateOf<Inputs['demands']> | UpdateOf<Inputs['talent-demands']> | UpdateOf<Inputs['achievements']>;
    reply: typeof listItemView;
  };
  'POST /api/lists/:kind/:id/transition': { body: typeof transitionRequest; reply: typeof listItemView };
};

export {
  COOPERATION_MODES,
  type CooperationMode,
  LIST_KINDS,
  LIST_POSTERS,
  LIST_SORTS,
  type ListKind,
  type ListSort,
  STAGES,
  type Stage,
} from '@server/modules/lists/constants.ts';
export type { ListItemSummary, ListItemView } from '@server/modules/lists/contract.ts';
export {
  ACTIONS as LIST_ACTIONS,
  type Action as ListAction,
  STATUS_NAMES as LIST_STATUS_NAMES,
  STATUSES as LIST_STATUSES,
  type Status as ListStatus,
} from '@server/modules/lists/machine.ts';

export function isListKind(value: string | null | undefined): value is ListKind {
  return (LIST_KINDS as readonly string[]).includes(value ?? '');
}

/** The body of a new item with every field any kind has (the form sends only its kind's: LIST_INPUTS). */
export type ListItemInput = z.input<Inputs['demands']> &
  z.input<Inputs['talent-demands']> &
  z.input<Inputs['achievements']>;

/** An edit: the changed fields and the version they were read at. */
export type ListItemPatch = Partial<ListItemInput> & { version: number };

export type TransitionBody = BodyOf<ListRoutes['POST /api/lists/:kind/:id/transition']>;

/** The list's filters as its page keeps them in the URL (`mine` and `flagged` are only ever asked for). */
export type ListFilters = Omit<
  QueryOf<ListRoutes['GET /api/lists/:kind']>,
  'page' | 'pageSize' | 'mine' | 'flagged' | 'archived'
> & {
  /** Only the caller's own items (their organisation's, or their own). */
  mine?: 'true';
  flagged?: 'true';
};

export interface ListParams extends ListFilters {
  page: number;
  pageSize: number;
}
