/**
 * The registry API as the web sees it (人才, 企业, 机构, 驿站; 数据字典):
 * its routes typed by the server's contract (src/modules/registry/contract.ts), the
 * contract's types and code values, and what only the web has.
 */

import type { RegistryKind } from '@server/modules/registry/constants.ts';
import type {
  archiveRequest,
  dictionaryEntries,
  dictionaryEntryBody,
  dictionaryEntryView,
  dictionaryKinds,
  INPUTS,
  LIST_ITEMS,
  listQuery,
  profileUpdateRequest,
  profileView,
  recordPage,
  revealResponse,
  talentAccount,
  talentAccountRequest,
  UpdateOf,
  VIEWS,
} from '@server/modules/registry/contract.ts';
import { DICTIONARY_KINDS, type DictionaryKind } from '@server/reference/dictionaries/kinds.ts';
import type { z } from 'zod';
import type { BodyOf, QueryOf, ReplyOf } from '../../app/api.ts';

type Views = typeof VIEWS;
type ListItems = typeof LIST_ITEMS;
type Inputs = typeof INPUTS;

/**
 * The routes of one registry (`:kind` is K). A kind's schemas are given as
 * `z.ZodType<output, input>` of their types, so that a page generic in K
 * still reads RegistryViews[K].
 */
export type RegistryRoutes<K extends RegistryKind> = {
  'GET /api/registry/:kind': { query: typeof listQuery; reply: z.ZodType<RegistryPage<K>> };
  'GET /api/registry/:kind/:id': { reply: z.ZodType<RegistryViews[K]> };
  'POST /api/registry/:kind': {
    body: z.ZodType<unknown, RegistryInputs[K]>;
    reply: z.ZodType<RegistryViews[K]>;
  };
  'PATCH /api/registry/:kind/:id': {
    body: z.ZodType<unknown, RecordPatch<K>>;
    reply: z.ZodType<RegistryViews[K]>;
  };
  'POST /api/registry/:kind/:id/archive': { body: typeof archiveRequest; reply: z.ZodType<RegistryViews[K]> };
  'POST /api/registry/:kind/:id/reveal': { reply: typeof revealResponse };
};

/** An expert's linked account, and the caller's own profile. */
export type ProfileRoutes = {
  'GET /api/registry/talents/:id/account': { reply: typeof talentAccount };
  'PUT /api/registry/talents/:id/account': { body: typeof talentAccountRequest; reply: typeof talentAccount };
  'GET /api/profile': { reply: typeof profileView };
  /** The fields depend on the caller's kind of profile: the route checks the body against that kind's edit. */
  'PATCH /api/profile': { body: typeof profileUpdateRequest; reply: typeof profileView };
};

/** 数据字典. */
export type DictionaryRoutes = {
  'GET /api/dictionaries': { reply: typeof dictionaryKinds };
  'GET /api/dictionaries/:kind': { reply: typeof dictionaryEntries };
  'PUT /api/dictionaries/:kind/:code': {
    body: typeof dictionaryEntryBody;
    reply: typeof dictionaryEntryView;
  };
};

export {
  ENTERPRISE_SIZES,
  type EnterpriseSize,
  INSTITUTION_KINDS,
  type InstitutionKind,
  RECORD_SORTS,
  REGISTRY_KINDS,
  type RecordSort as RegistrySort,
  type RegistryKind,
  STATION_KINDS,
  type StationKind,
} from '@server/modules/registry/constants.ts';
export type {
  EnterpriseView,
  InstitutionView,
  Named,
  RecordFlag,
  StationView,
  TalentListItem,
  TalentView,
} from '@server/modules/registry/contract.ts';
export {
  DICTIONARY_KINDS,
  type DictionaryKind,
  HONOUR_LEVELS,
  TITLE_LEVELS,
} from '@server/reference/dictionaries/kinds.ts';

export type RegistryViews = { [K in RegistryKind]: z.output<Views[K]> };
/** A record as a list page carries it: a talent without the fields no list shows; the others whole. */
export type RegistryListItems = { [K in RegistryKind]: z.output<ListItems[K]> };
/** What every registry record has (any kind's view). */
export type RecordView = RegistryViews[RegistryKind];
/** The body of a new record, per kind (code list fields as codes, regionCode a 6-digit code). */
export type RegistryInputs = { [K in RegistryKind]: z.input<Inputs[K]> };
/** Body fields every kind accepts. */
export type RecordInput = Pick<RegistryInputs[RegistryKind], 'code' | 'name' | 'regionCode' | 'regionText'>;
/** An edit: the changed fields and the version they were read at. */
export type RecordPatch<K extends RegistryKind> = {
  [Kind in RegistryKind]: z.input<UpdateOf<Inputs[Kind]>>;
}[K];
/** A page of a registry list; the server stops counting at 10,000 and then says so. */
export type RegistryPage<K extends RegistryKind> = Omit<PageOf<ListItems[K]>, 'items'> & {
  items: RegistryListItems[K][];
};
type PageOf<View extends z.ZodType> = z.output<ReturnType<typeof recordPage<View>>>;
export type RevealResult = ReplyOf<RegistryRoutes<RegistryKind>['POST /api/registry/:kind/:id/reveal']>;
export type TalentAccount = ReplyOf<ProfileRoutes['GET /api/registry/talents/:id/account']>;

/** The signed-in expert's own record, or the signed-in enterprise's (unmasked: it is their own). */
export type ProfileResponse = ReplyOf<ProfileRoutes['GET /api/profile']>;

export type DictionaryKindItem = ReplyOf<DictionaryRoutes['GET /api/dictionaries']>['items'][number];
export type DictionaryEntry = ReplyOf<DictionaryRoutes['GET /api/dictionaries/:kind']>['items'][number];
export type DictionaryEntryBody = BodyOf<DictionaryRoutes['PUT /api/dictionaries/:kind/:code']>;

export function isDictionaryKind(value: string | null | undefined): value is DictionaryKind {
  return (DICTIONARY_KINDS as readonly string[]).includes(value ?? '');
}

/** The list filters (all optional, as the server reads them); `flagged`, `expert` and `archived` are only ever asked for. */
export type RegistryFilters = Omit<
  QueryOf<RegistryRoutes<RegistryKind>['GET /api/registry/:kind']>,
  'page' | 'pageSize' | 'flagged' | 'expert' | 'archived'
> & {
  flagged?: 'true';
  /** Talents: only those who serve as experts. */
  expert?: 'true';
  archived?: 'true';
};

export interface RegistryListParams extends RegistryFilters {
  page: number;
  pageSize: number;
}
